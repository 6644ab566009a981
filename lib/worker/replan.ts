// What a re-plan schedules from: the planner's time-independent candidates, taken from the cache
// in `meta` when nothing they depend on has changed, else combined from every client's share,
// where only the clients a change touched (or whose share ran out) are derived again
// (./derived.ts), and cached again.
//
// The candidates of a moment t stay right for later moments while
//   - the engine's inputs are unchanged: `dataVersion` (bumped in the same transaction as every
//     write of events, clients or settings, see lib/store/repo.ts) and the record counts of
//     `clients` and `events` (a write that bypassed the repo appends records) are as they were;
//   - the engine's own use of time has not moved on (./validity.ts).
// Open and overdue obligations both make candidates, so an obligation falling overdue between
// t and now changes nothing but the badge, which counts deadlines ≤ now (overdueAt).
import { combineCandidates } from '../alarms/candidates';
import { DEFAULT_PAST_HORIZON, type Candidates } from '../alarms/planner';
import type { Locale } from '../i18n/locale';
import { languageOf } from '../playbook/localize';
import type { Client, ClientEvent } from '../model/facts';
import { readDataKey, sameDataKey, type DataKey, type PlanCache } from '../store/meta';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import type { ClientObligations } from './agenda';
import { obligationsOf, type Settings } from './engine';
import { sharesAt } from './derived';
import { PLAN_CACHE_TTL, validUntilOf } from './validity';
import { BUILD_ID } from './build';

export { PLAN_CACHE_TTL, validUntilOf };
/** The layout of PlanCache; bump when it or the planner's output changes meaning. */
export const PLAN_CACHE_FORMAT = 1;

export interface World {
  settings: Settings;
  clients: Client[];
  events: Map<string, ClientEvent[]>;
}

export async function loadWorld(db: Db): Promise<World> {
  const [settings, clients, events] = await Promise.all([repo.getSettings(db), repo.listClients(db), repo.eventsByClient(db)]);
  return { settings, clients, events };
}

export function deriveAll(world: World, now: number): ClientObligations[] {
  return world.clients.map((client) => ({
    client,
    obligations: obligationsOf(client, world.events.get(client.id) ?? [], world.settings, now),
  }));
}

/** What a cache must match to be used (read in one transaction, with the cache itself). */
export interface CacheKey extends DataKey {
  /** The build (lib/worker/build.ts): another build's candidates are derived again. */
  build: string;
  locale: Locale;
}

/** Whether a cache holds for this key at `now`. */
export function cacheHolds(cache: PlanCache | undefined, key: CacheKey, now: number): cache is PlanCache {
  return (
    cache !== undefined &&
    cache.format === PLAN_CACHE_FORMAT &&
    cache.build === key.build &&
    cache.locale === key.locale &&
    sameDataKey(cache, key) &&
    now >= cache.computedAt &&
    now < cache.validUntil
  );
}

export interface PlanBasis {
  settings: Settings;
  candidates: Candidates;
  /** Until when the candidates hold (the worker wakes by then to derive again). */
  validUntil: number;
  /** Combined now (false: taken from the cache). */
  derived: boolean;
  /** How many clients were derived again (the others' shares were read back); 0 on a cache hit. */
  rederived: number;
  /** The cache to store (only after a full derive). */
  cache: PlanCache | null;
}

export interface BasisOptions {
  locale?: Locale;
  /** Derive every client again even when the cache and shares hold (after an update of the extension). */
  full?: boolean;
  pastHorizon?: number;
}

/** The key, the cache and the settings, in one read-only transaction (one consistent snapshot). */
async function readKey(
  db: Db,
  locale: Locale | undefined,
): Promise<{ key: CacheKey; cache: PlanCache | undefined; settings: Settings }> {
  const tx = db.transaction(['meta', 'clients', 'events', 'settings'], 'readonly');
  const meta = tx.objectStore('meta');
  const [data, cache, storedSettings] = await Promise.all([
    readDataKey({ meta, clients: tx.objectStore('clients'), events: tx.objectStore('events') }),
    meta.get('planCache'),
    tx.objectStore('settings').get(repo.SETTINGS_KEY),
  ]);
  await tx.done;
  const settings = repo.settingsFrom(storedSettings);
  return {
    // Notifications speak the agency's interface language unless the caller asks for another.
    key: {
      build: BUILD_ID,
      ...data,
      locale: locale ?? languageOf(settings),
    },
    cache: cache as PlanCache | undefined,
    settings,
  };
}

/** The candidates to schedule at `now`: from the cache when it holds, else combined from every client's share. */
export async function planBasis(db: Db, now: number, options: BasisOptions = {}): Promise<PlanBasis> {
  // The key is read before the data: a write in between leaves the new cache tagged older, so
  // it misses next time instead of passing off old data as new.
  const { key, cache, settings } = await readKey(db, options.locale);
  const locale = key.locale;
  if (!options.full && cacheHolds(cache, key, now)) {
    return {
      settings,
      candidates: cache,
      validUntil: cache.validUntil,
      derived: false,
      rederived: 0,
      cache: null,
    };
  }
  // A candidate about an instant this old can never show at a later `now`.
  const pastHorizon = options.pastHorizon ?? DEFAULT_PAST_HORIZON;
  const { shares, validUntil, rederived } = await sharesAt(db, now, { settings, locale, pastHorizon, full: options.full });
  const candidates = combineCandidates(shares, { settings, locale, since: now - pastHorizon });
  const fresh: PlanCache = { format: PLAN_CACHE_FORMAT, ...key, computedAt: now, validUntil, ...candidates };
  return { settings, candidates, validUntil, derived: true, rederived, cache: fresh };
}
