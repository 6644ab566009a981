// The small key/value records of the `meta` store, typed.
import type { Locale } from '../i18n/locale';
import type { Candidates, NotificationTarget } from '../model/notifications';
import type { PullCursors, WriterState } from '../model/record';

export interface AwayWindow {
  /** lastSeenAt of the previous worker life. */
  from: number;
  /** When the worker started again. */
  to: number;
  /** Set once the popup has shown it. */
  shown: boolean;
}

/**
 * The planner's time-independent output, kept so a worker start can plan alarms without loading
 * every event (lib/worker/replan.ts). Derived data: valid only while `dataVersion` and the
 * store counts are what they were, for the same locale and format, and `computedAt <= now < validUntil`.
 */
export interface PlanCache extends Candidates {
  /** The cache layout (PLAN_CACHE_FORMAT); another value is a miss. */
  format: number;
  /** The build that computed it (lib/worker/build.ts). */
  build: string;
  dataVersion: number;
  locale: Locale;
  /** Records in `clients` and `events` when computed: a write that bypassed the repo changes them. */
  clients: number;
  events: number;
  computedAt: number;
  validUntil: number;
}

export interface MetaValues {
  /**
   * Bumped in the same transaction as every write that changes the engine's inputs (events,
   * clients, settings, backup import, delete all): derived data tagged with another value is stale.
   */
  dataVersion: number;
  planCache: PlanCache;
  schemaVersion: number;
  /** When alarms were last planned. */
  lastPlannedAt: number;
  /** The last moment a worker was known to be alive. */
  lastSeenAt: number;
  awayWindow: AwayWindow;
  /** Notification id → instant until which it waits. */
  snoozes: Record<string, number>;
  /** Notification id → when it was shown (so nothing fires twice). */
  notified: Record<string, number>;
  /** Notification id shown in Chrome → where its clicks lead. */
  notificationTargets: Record<string, NotificationTarget>;
  /** When the next-wake alarm was set for (for diagnostics). */
  nextWakeAt: number | null;
  /** The amoCRM write queue's pace (lib/record/policy.ts). */
  writerState: WriterState;
  /** How far the deals' marker notes have been read, per account and per deal (lib/record/pull.ts). */
  pullCursors: PullCursors;
  /** Month `YYYY-MM` → the best manager the head confirmed. */
  bestManagers: Record<string, { managerId: number; managerName: string; at: number }>;
  /** amoCRM user id → name, per account host (authors of shared facts). */
  amoUsers: Record<string, Record<string, string>>;
  /**
   * The amoCRM long-lived token: a secret, never exported or returned; sent only to `origin`, the
   * account it was stored for (a token stored before origins were recorded has none and is not used).
   */
  amoToken: { token: string; setAt: number; origin?: string };
}

export type MetaKey = keyof MetaValues;
/** Meta keys that never leave the database (backup excludes them). */
export const secretMetaKeys: readonly MetaKey[] = ['amoToken'];

/** The meta key of the engine inputs' version. */
export const DATA_VERSION_KEY = 'dataVersion' satisfies MetaKey;

/**
 * What says the engine's inputs changed since something was derived from them: the data version
 * (bumped with every write of events, clients or settings) and the record counts (a write that
 * bypassed the repo appends records without a bump).
 */
export interface DataKey {
  dataVersion: number;
  clients: number;
  events: number;
}

interface Counted {
  count(): Promise<number>;
}

/** The data key, read in the caller's transaction (one snapshot with whatever else it reads). */
export async function readDataKey(stores: {
  meta: { get(key: string): Promise<unknown> };
  clients: Counted;
  events: Counted;
}): Promise<DataKey> {
  const [version, clients, events] = await Promise.all([
    stores.meta.get(DATA_VERSION_KEY),
    stores.clients.count(),
    stores.events.count(),
  ]);
  return { dataVersion: typeof version === 'number' ? version : 0, clients, events };
}

export const sameDataKey = (a: DataKey, b: DataKey): boolean =>
  a.dataVersion === b.dataVersion && a.clients === b.clients && a.events === b.events;

/** The meta store of a read-write transaction, as far as the version bump needs it. */
interface MetaStoreRw {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

/** Bumps `dataVersion` inside the caller's read-write transaction (which must include `meta`); returns the new value. */
export async function bumpDataVersion(meta: MetaStoreRw): Promise<number> {
  const current = await meta.get(DATA_VERSION_KEY);
  const next = (typeof current === 'number' ? current : 0) + 1;
  await meta.put(next, DATA_VERSION_KEY);
  return next;
}
