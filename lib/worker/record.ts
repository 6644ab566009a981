// The team's one record in the worker: queues every new fact this browser learns as a note for its
// deal (in the same transaction that stores the fact), drains the queue into amoCRM at the
// browser's share of the account's rate limit, and reads the team's notes back incrementally.
import { createAmoClient, type AmoClient } from '../amocrm/client';
import type { Bucket } from '../amocrm/request-budget';
import { isShared, noteText } from '../amocrm/markers';
import type { Client, ClientEvent, EventAuthor } from '../model/facts';
import type { RecordStatus } from '../model/record';
import type { Settings } from '../playbook/settings-types';
import { outboxSummary, retryRejected, type OutboxItem } from '../store/outbox';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { accountNotesPath, dealNotesPath, pullNotes, pullUsers, type Get, type Pulled } from '../record/pull';
import { createSender, writerStateOf } from '../record/sender';
import { createTabRoute, type TabChannel, type TabPort } from '../record/tab-route';
import { factTitle } from '../record/titles';
import { boundToken } from './account';
import { mergePlans } from './plans';

export interface RecordDeps {
  db: () => Promise<Db>;
  now: () => number;
  fetch?: typeof fetch;
  random?: () => number;
  /** Wakes the worker at `at` to send (an alarm survives the worker being killed); null clears it. */
  alarm?: (at: number | null) => Promise<void>;
  /** New facts were read back (re-plan). */
  onRecorded?: () => void;
  /** Runs `fn` after `ms` in this worker life (tests: nothing, they drive the clock). */
  later?: (fn: () => void, ms: number) => void;
  /** Open amoCRM tabs (lib/worker/record-tabs.ts): the way to an account when no token is bound to it. */
  tabs?: TabPort;
  /** The account's request budget of the worker's own requests with a token (lib/worker/budget.ts). */
  bucket?: (origin: string) => Bucket;
}

/** The popup reads the account's notes at most this often. */
export const ACCOUNT_PULL_EVERY_MS = 60_000;
/**
 * A deal's notes are read at most this often: opening cards one after another (and back) must not
 * add a read to every visit on top of the overlay's own, within the account's 7 requests a second.
 */
export const DEAL_PULL_EVERY_MS = 30_000;
/** At most one deal's notes read this often, whatever deal: one request in any second beside the tab's own. */
export const DEAL_PULL_SPACING_MS = 1500;

export function createTeamRecord(deps: RecordDeps) {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const random = deps.random ?? Math.random;
  const enabled = async () => (await repo.getSettings(await deps.db())).amocrm.shareFacts;
  const tabRoute = deps.tabs ? createTabRoute(deps.tabs) : null;
  /**
   * The way to an account: the one API client with the stored token when it is bound to that very
   * account (the client refuses any other origin); else an open amoCRM tab of it, whose requests
   * carry the manager's session (the worker's own would go without a SameSite=Lax cookie); else
   * none, and the record waits for a tab.
   */
  async function clientFor(db: Db, origin: string): Promise<AmoClient | TabChannel | null> {
    const bound = await boundToken(db);
    if (bound && bound.origin === origin)
      return createAmoClient({
        origin,
        token: bound.token,
        fetch: doFetch,
        ...(deps.bucket ? { bucket: deps.bucket(origin) } : {}),
      });
    return tabRoute ? tabRoute.open(origin) : null;
  }
  const sender = createSender({ db: deps.db, now: deps.now, random, client: clientFor, enabled });
  const later =
    deps.later ??
    ((fn: () => void, ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(fn, ms);
    });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastAccountPull = 0;
  const lastDealPull = new Map<string, number>();
  let lastAnyDealPull = Number.NEGATIVE_INFINITY;

  /** The note that shares a newly stored fact, or null (not a shared kind, writing off, unknown client). */
  function outboxFor(settings: Settings, clients: ReadonlyMap<string, Client>): (event: ClientEvent) => OutboxItem | null {
    return (event) => {
      if (!settings.amocrm.shareFacts || event.author || !isShared(event)) return null;
      const client = clients.get(event.clientId);
      if (!client) return null;
      return {
        id: event.id,
        clientId: client.id,
        host: client.host,
        leadId: client.leadId,
        text: noteText(event, factTitle(event, client.service, settings)),
        queuedAt: deps.now(),
        attempts: 0,
        notBefore: deps.now(),
        lastError: null,
      };
    };
  }

  /** Sends what is due, then sets a timer (this worker life) and an alarm (a later one) for the rest. */
  async function kick(forced = false): Promise<void> {
    const { nextAt } = await sender.flush(forced);
    await deps.alarm?.(nextAt);
    if (nextAt !== null)
      later(
        () => void kick().catch((e: unknown) => console.error('Reglament: sending to amoCRM failed', e)),
        Math.max(0, nextAt - deps.now()),
      );
  }

  async function status(db: Db): Promise<RecordStatus> {
    const [summary, writer, settings] = await Promise.all([outboxSummary(db), writerStateOf(db), repo.getSettings(db)]);
    return {
      enabled: settings.amocrm.shareFacts,
      pending: summary.pending,
      rejected: summary.rejected,
      lastError: summary.pending ? (writer.lastError ?? summary.lastError) : null,
      waitsForTab: summary.pending > 0 && writer.waitsForTab === true,
      nextAt: summary.nextAt,
    };
  }

  async function names(db: Db, host: string, get: Get, pulled: Pulled): Promise<Pulled> {
    if (!pulled.unknownAuthors.length) return pulled;
    const known = (await repo.getMeta(db, 'amoUsers')) ?? {};
    const users = await pullUsers(get);
    const forHost = { ...known[host], ...Object.fromEntries([...users].map(([id, name]) => [String(id), name])) };
    await repo.setMeta(db, 'amoUsers', { ...known, [host]: forHost });
    const named = <T extends { author?: EventAuthor }>(x: T): T =>
      x.author && x.author.name === null ? { ...x, author: { ...x.author, name: forHost[String(x.author.id)] ?? null } } : x;
    return { ...pulled, events: pulled.events.map(named), plans: pulled.plans.map(named) };
  }

  /**
   * Reads notes at `path` since `cursorKey`'s cursor, records the facts of known clients and merges
   * their content plans' versions, moves the cursor; returns how many facts and plans changed.
   * With no way to the account (no token, no open tab) nothing is read: the cursor stays.
   */
  async function pull(db: Db, host: string, cursorKey: string, since: number | null, path: string): Promise<number> {
    const client = await clientFor(db, `https://${host}`);
    if (!client) return 0;
    const get: Get = (p) => client.get(p);
    const users = (await repo.getMeta(db, 'amoUsers'))?.[host] ?? {};
    let pulled = await pullNotes(get, path, host, since, (id) => users[String(id)] ?? null);
    pulled = await names(db, host, get, pulled);
    const known = new Set((await repo.listClients(db)).map((c) => c.id));
    const added = await repo.recordEvents(
      db,
      pulled.events.filter((e) => known.has(e.clientId)),
    );
    const plans = await mergePlans(db, pulled.plans, known);
    if (pulled.cursor !== null && pulled.cursor !== since) {
      const cursors = (await repo.getMeta(db, 'pullCursors')) ?? {};
      await repo.setMeta(db, 'pullCursors', { ...cursors, [cursorKey]: Math.max(cursors[cursorKey] ?? 0, pulled.cursor) });
    }
    if (added.length || plans) deps.onRecorded?.();
    return added.length + plans;
  }

  /** A deal was opened: its notes since it (or the whole account) was last read. */
  async function pullDeal(host: string, leadId: number): Promise<number> {
    const key = `${host}:${leadId}`;
    const now = deps.now();
    if (now - (lastDealPull.get(key) ?? Number.NEGATIVE_INFINITY) < DEAL_PULL_EVERY_MS) return 0;
    if (now - lastAnyDealPull < DEAL_PULL_SPACING_MS) return 0;
    lastDealPull.set(key, now);
    lastAnyDealPull = now;
    const db = await deps.db();
    const cursors = (await repo.getMeta(db, 'pullCursors')) ?? {};
    const since = cursors[key] ?? null;
    return pull(db, host, key, since, dealNotesPath(leadId, since));
  }

  /** Every deal's notes since the account was last read (team sync; the popup at most once a minute). */
  async function pullAccount(host: string, options: { force?: boolean } = {}): Promise<number> {
    const now = deps.now();
    if (!options.force && now - lastAccountPull < ACCOUNT_PULL_EVERY_MS) return 0;
    lastAccountPull = now;
    const db = await deps.db();
    const since = ((await repo.getMeta(db, 'pullCursors')) ?? {})[host] ?? null;
    return pull(db, host, host, since, accountNotesPath(since));
  }

  return {
    outboxFor,
    kick,
    /** Sends soon, outside the caller's turn (a fact was just queued). */
    soon(): void {
      later(() => void kick().catch((e: unknown) => console.error('Reglament: sending to amoCRM failed', e)), 0);
    },
    status,
    pullDeal,
    pullAccount,
    /** «Отправить сейчас»: refused notes back in line, one batch per account at once. */
    async sendNow(): Promise<RecordStatus> {
      const db = await deps.db();
      await retryRejected(db, deps.now());
      await kick(true);
      return status(db);
    },
  };
}

export type TeamRecord = ReturnType<typeof createTeamRecord>;
