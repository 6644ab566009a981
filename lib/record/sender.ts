// Drains the write queue (lib/store/outbox.ts) into amoCRM, one batch per request, at the pace of
// lib/record/policy.ts. Holds nothing in memory that matters: the queue and the pace are in
// IndexedDB, so a worker killed mid-send starts again where it was (a note amoCRM stored but whose
// answer was lost is sent again — reading it back twice gives one fact, by its natural id).
import { isAmocrmOrigin } from '../hosts';
import * as repo from '../store/repo';
import { listOutbox, markFailed, removeSent, type OutboxItem } from '../store/outbox';
import type { Db } from '../store/schema';
import {
  afterFailed,
  afterNoRoute,
  afterSent,
  afterThrottled,
  initialWriterState,
  nextWriteAt,
  pickBatch,
  retryAt,
  WRITE_POLICY,
  type WriterState,
} from './policy';
import { postNotes, type NotesPoster } from './post-notes';

export interface SenderDeps {
  db: () => Promise<Db>;
  now: () => number;
  random: () => number;
  /**
   * The way to an account origin: the API client with the token bound to it (lib/amocrm/client.ts
   * refuses any origin but an amoCRM account's), or an open amoCRM tab of it (lib/record/tab-route.ts);
   * null when there is neither.
   */
  client: (db: Db, origin: string) => Promise<NotesPoster | null>;
  /** Whether facts are written to amoCRM at all (the account's setting). */
  enabled: () => Promise<boolean>;
}

export interface FlushResult {
  /** Requests sent by this flush. */
  requests: number;
  /** When the next write may go (null: nothing waits, or writing is off). */
  nextAt: number | null;
}

/** At most this many requests per flush; the rest goes on the next wake (keeps one flush short). */
const MAX_REQUESTS_PER_FLUSH = 20;
/** «Send now» sends at most this many batches at once (keeps to the account's limit). */
const MAX_FORCED = 3;

/** Why the queue waits when there is no token and no amoCRM tab (the UIs say it in their language: `waitsForTab`). */
export const NO_TAB_REASON = 'Откройте amoCRM в этом браузере — отметки отправятся оттуда';

export async function writerStateOf(db: Db): Promise<WriterState> {
  return (await repo.getMeta(db, 'writerState')) ?? initialWriterState();
}

export function createSender(deps: SenderDeps) {
  let running: Promise<FlushResult> | null = null;

  async function once(db: Db, forced: boolean): Promise<{ sent: boolean; nextAt: number | null }> {
    const items = await listOutbox(db);
    const state = await writerStateOf(db);
    const now = deps.now();
    const planned = nextWriteAt(state, items, now, deps.random);
    if (planned.state !== state) await repo.setMeta(db, 'writerState', planned.state);
    // Asked by the manager: now, unless amoCRM asked this browser to wait (429).
    const at = forced && planned.at !== null ? Math.max(now, state.pausedUntil) : planned.at;
    if (at === null || at > now) return { sent: false, nextAt: at };
    const batch = pickBatch(items, now);
    if (!batch.length) return { sent: false, nextAt: planned.at };
    if (!(await send(db, planned.state, batch, now))) return { sent: false, nextAt: now + WRITE_POLICY.noRouteRetryMs };
    return { sent: true, nextAt: null };
  }

  /** Sends one batch; false when there was no way to its account (nothing sent, the queue waits). */
  async function send(db: Db, state: WriterState, batch: OutboxItem[], now: number): Promise<boolean> {
    const origin = `https://${batch[0]!.host}`;
    const ids = batch.map((i) => i.id);
    if (!isAmocrmOrigin(origin)) {
      await markFailed(db, ids, `${batch[0]!.host} — не аккаунт amoCRM`, () => now, true);
      return true;
    }
    const client = await deps.client(db, origin);
    if (!client) {
      await repo.setMeta(db, 'writerState', afterNoRoute(state, NO_TAB_REASON));
      return false;
    }
    const outcome = await postNotes(
      client,
      batch.map((i) => ({ leadId: i.leadId, text: i.text })),
    );
    // The pace counts from when the request went, so the next one keeps this browser's phase.
    const at = now;
    switch (outcome.kind) {
      case 'ok':
        await removeSent(db, ids);
        await repo.setMeta(db, 'writerState', afterSent(state, at));
        return true;
      case 'throttled':
        await markFailed(db, ids, outcome.message, () => at);
        await repo.setMeta(db, 'writerState', afterThrottled(state, at, outcome.retryAfterMs, deps.random, outcome.message));
        return true;
      case 'rejected': {
        const refused = new Set(outcome.indexes.map((i) => ids[i]!));
        await markFailed(db, [...refused], outcome.message, () => at, true);
        // The others were refused only because they shared the request: send them again at once.
        await repo.setMeta(db, 'writerState', afterFailed(state, at, outcome.message));
        return true;
      }
      case 'failed':
        await markFailed(db, ids, outcome.message, (attempts) => retryAt(attempts, at, deps.random));
        await repo.setMeta(db, 'writerState', afterFailed(state, at, outcome.message));
        return true;
    }
  }

  /**
   * Sends what is due now (one flush at a time); returns when the next write may go. `forced`
   * (the manager pressed «send now») sends one batch per account at once, outside the phase.
   */
  function flush(forced = false): Promise<FlushResult> {
    running ??= (async () => {
      const db = await deps.db();
      if (!(await deps.enabled())) return { requests: 0, nextAt: null };
      let requests = 0;
      for (;;) {
        const step = await once(db, forced && requests < MAX_FORCED);
        if (step.sent) requests++;
        if (!step.sent || requests >= MAX_REQUESTS_PER_FLUSH)
          return { requests, nextAt: step.sent ? deps.now() + WRITE_POLICY.intervalMs : step.nextAt };
      }
    })().finally(() => (running = null));
    return running;
  }

  return { flush };
}
