import type { ClientEvent, Instant, Payer, Service } from '../model/facts';
import type { Obligation, ObligationState, RuleId } from '../model/obligations';
import type { FactsIndex } from './facts-index';
import type { PeriodSpan } from './periods';
import type { Prepared } from './prepared';

/** What the engine needs to know about a client besides its events. */
export interface SlaClient {
  id: string;
  service: Service | null;
  payer: Payer | null;
  lossReason?: string | null;
  /** Whether the credentials field is filled (launch rule); unknown = not filled unless ticked. */
  credentialsFilled?: boolean;
  /** Engagement rounds before this instant are not owed (see Client.trackedSince). */
  trackedSince?: Instant;
}

export interface RuleContext {
  client: SlaClient;
  /** Service used for branching: unknown service is treated as `management` (asks the most). */
  service: Service;
  p: Prepared;
  idx: FactsIndex;
  periods: PeriodSpan[];
  now: Instant;
  /** Recurring occurrences start no later than this (now + 1 day unless asked otherwise). */
  horizon: Instant;
  /** When the client was lost (stage «Клиент потерян» or refund) and not won back; null if not. */
  lostAt: Instant | null;
  out: Obligation[];
  /**
   * `${client.id}|${rule}|` of the rule emitted last: rules emit in runs (60 rounds, 30 posts…),
   * so an id is one concatenation instead of three string allocations per occurrence.
   */
  idPrefix: { rule: RuleId | null; text: string };
}

export type { ClientEvent };

export function stateOf(dueAt: Instant | null, metAt: Instant | undefined, now: Instant): ObligationState {
  if (metAt !== undefined) return dueAt === null || metAt <= dueAt ? 'met' : 'met-late';
  return dueAt !== null && now >= dueAt ? 'overdue' : 'open';
}

/** Appends an obligation unless the client was lost before it could matter. */
export function emit(
  ctx: RuleContext,
  rule: RuleId,
  key: string,
  title: string,
  startAt: Instant,
  dueAt: Instant | null,
  metAt: Instant | undefined,
  extra?: Pick<Obligation, 'items' | 'missing'>,
): void {
  const lost = ctx.lostAt;
  // A lost client owes nothing new: unmet obligations that start or fall due after the loss
  // disappear; breaches that happened before it stay on record.
  if (lost !== null && metAt === undefined && (startAt >= lost || dueAt === null || dueAt > lost)) return;
  const prefix = ctx.idPrefix;
  if (prefix.rule !== rule) {
    prefix.rule = rule;
    prefix.text = ctx.client.id + '|' + rule + '|';
  }
  const id = prefix.text + key;
  const clientId = ctx.client.id;
  const state = stateOf(dueAt, metAt, ctx.now);
  // Each shape is built whole by one literal (same key order as ever): adding `items`/`missing`
  // afterwards moved every such obligation to a new hidden class with a separate property
  // store, an allocation per occurrence and polymorphic reads downstream. The shapes with items
  // (a handful per client) live in a function of their own, so that this one stays under V8's
  // inlining size: inlined into the recurring rules' loops, the instants are no longer boxed
  // once for the call and again for the object.
  if (extra?.items) {
    ctx.out.push(withItems(id, clientId, rule, key, title, startAt, dueAt, state, metAt, extra.items, extra.missing));
    return;
  }
  const missing = extra?.missing;
  ctx.out.push(
    missing && missing.length
      ? { id, clientId, rule, key, title, startAt, dueAt, state, metAt, missing }
      : { id, clientId, rule, key, title, startAt, dueAt, state, metAt },
  );
}

function withItems(
  id: string,
  clientId: string,
  rule: RuleId,
  key: string,
  title: string,
  startAt: Instant,
  dueAt: Instant | null,
  state: ObligationState,
  metAt: Instant | undefined,
  items: NonNullable<Obligation['items']>,
  missing: string[] | undefined,
): Obligation {
  return missing && missing.length
    ? { id, clientId, rule, key, title, startAt, dueAt, state, metAt, items, missing }
    : { id, clientId, rule, key, title, startAt, dueAt, state, metAt, items };
}
