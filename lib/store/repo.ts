// Repositories over the schema: clients, append-only events (with their derived timelines), settings, meta.
import type { Client, ClientEvent, NewClientEvent } from '../model/facts';
import { defaultSettings, mergeSettings, validateSettings, type Settings } from '../playbook/settings';
import { bumpVersions } from './derived';
import { withEventId } from './ids';
import type { OutboxItem } from './outbox';
import { bumpDataVersion, DATA_VERSION_KEY, type MetaKey, type MetaValues } from './meta';
import type { IDBPTransaction } from 'idb';
import { SCHEMA_VERSION, type Db, type ReglamentDB } from './schema';
import { mergeSorted, timelineOf, type Timeline } from './timelines';
import { isRecord, type FieldError } from './validate';

// ---- clients ----

export function getClient(db: Db, id: string): Promise<Client | undefined> {
  return db.get('clients', id);
}

export function listClients(db: Db): Promise<Client[]> {
  return db.getAll('clients');
}

/** Stores a client; bumps the data version and the client's version (same transaction) unless the stored record is identical. */
export async function putClient(db: Db, client: Client): Promise<void> {
  const tx = db.transaction(['clients', 'meta', 'versions'], 'readwrite');
  const clients = tx.objectStore('clients');
  const existing = await clients.get(client.id);
  await clients.put(client);
  if (existing === undefined || JSON.stringify(existing) !== JSON.stringify(client))
    await Promise.all([bumpDataVersion(tx.objectStore('meta')), bumpVersions(tx.objectStore('versions'), [client.id])]);
  await tx.done;
}

export async function findClientByInstagram(db: Db, username: string): Promise<Client | undefined> {
  return db.getFromIndex('clients', 'byInstagram', username.replace(/^@/, '').toLowerCase());
}

// ---- events (append-only) and their timelines ----

// A transaction over `events` and `timelines` (and `versions` when it writes); recordEvents' also holds `meta`.
type EventsTx<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<
  ReglamentDB,
  ('events' | 'timelines' | 'versions' | 'meta' | 'outbox')[],
  Mode
>;

const clientRange = (clientId: string) => IDBKeyRange.bound([clientId, -Infinity], [clientId, Infinity]);

export interface RecordOptions {
  /** The write that shares a newly stored fact through amoCRM (null: not shared). */
  outbox?: (event: ClientEvent) => OutboxItem | null;
}

/**
 * Stores events not seen before (by natural key) in one transaction, and updates the timelines
 * and versions of their clients and the data version in the same transaction; returns the events
 * newly stored.
 */
export async function recordEvents(db: Db, events: NewClientEvent[], options: RecordOptions = {}): Promise<ClientEvent[]> {
  if (events.length === 0) return [];
  const tx = db.transaction(['events', 'timelines', 'versions', 'meta', 'outbox'], 'readwrite');
  const store = tx.objectStore('events');
  const added: ClientEvent[] = [];
  const seen = new Set<string>();
  for (const raw of events) {
    const event = withEventId(raw);
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    let existing: string | undefined = await store.getKey(event.id);
    // Stored before ids were scoped by client: the same client's fact under its bare id counts as there.
    if (existing === undefined && raw.id && raw.id !== event.id && (await store.get(raw.id))?.clientId === event.clientId)
      existing = raw.id;
    if (existing === undefined) {
      void store.add(event);
      added.push(event);
    }
  }
  const byClient = new Map<string, ClientEvent[]>();
  for (const e of added) {
    let list = byClient.get(e.clientId);
    if (!list) byClient.set(e.clientId, (list = []));
    list.push(e);
  }
  await Promise.all([...byClient].map(([clientId, list]) => appendToTimeline(tx, clientId, list)));
  // The note that shares a new fact is queued in the same transaction: a fact is never stored without it.
  if (options.outbox) {
    const outbox = tx.objectStore('outbox');
    for (const e of added) {
      const item = options.outbox(e);
      if (item && (await outbox.getKey(item.id)) === undefined) void outbox.add(item);
    }
  }
  if (added.length)
    await Promise.all([bumpDataVersion(tx.objectStore('meta')), bumpVersions(tx.objectStore('versions'), byClient.keys())]);
  await tx.done;
  return added;
}

/**
 * Adds just-stored events to their client's timeline. A timeline that is missing or was already
 * out of step with `events` (a write that bypassed this module) is rebuilt from `events` instead.
 */
async function appendToTimeline(tx: EventsTx<'readwrite'>, clientId: string, added: ClientEvent[]): Promise<void> {
  const timelines = tx.objectStore('timelines');
  const [timeline, stored] = await Promise.all([
    timelines.get(clientId),
    tx.objectStore('events').index('byClient').count(clientId),
  ]);
  if (timeline && timeline.count + added.length === stored) {
    await timelines.put(timelineOf(clientId, mergeSorted(timeline.events, added)));
  } else {
    await rebuildIn(tx, clientId);
  }
}

/**
 * Rewrites one client's timeline from `events` (deletes it when the client has none) and bumps its
 * version (what was derived from the old timeline is stale); returns the events.
 */
async function rebuildIn(tx: EventsTx<'readwrite'>, clientId: string): Promise<ClientEvent[]> {
  const events = await tx.objectStore('events').index('byClientAt').getAll(clientRange(clientId));
  if (events.length) await tx.objectStore('timelines').put(timelineOf(clientId, events));
  else await tx.objectStore('timelines').delete(clientId);
  await bumpVersions(tx.objectStore('versions'), [clientId]);
  return events;
}

/** Rebuilds the timelines of the given clients (all clients with a timeline or events when omitted) from `events`. */
export async function rebuildTimelines(db: Db, clientIds?: Iterable<string>): Promise<void> {
  const tx = db.transaction(['events', 'timelines', 'versions'], 'readwrite');
  let ids: string[];
  if (clientIds) ids = [...new Set(clientIds)];
  else {
    const withEvents = await uniqueEventClients(tx);
    ids = [...new Set([...withEvents, ...(await tx.objectStore('timelines').getAllKeys())])];
  }
  await Promise.all(ids.map((id) => rebuildIn(tx, id)));
  await tx.done;
}

/** The distinct client ids present in `events` (walks the index's unique keys only). */
async function uniqueEventClients(tx: EventsTx): Promise<string[]> {
  const ids: string[] = [];
  let cursor = await tx.objectStore('events').index('byClient').openKeyCursor(null, 'nextunique');
  while (cursor) {
    ids.push(cursor.key);
    cursor = await cursor.continue();
  }
  return ids;
}

/**
 * A client, its events as its stored timeline holds them, and the settings, in one transaction:
 * what a UI paints first (the last known state) before a fresh read of the site updates it.
 */
export async function lastKnown(
  db: Db,
  clientId: string,
): Promise<{ client: Client; events: ClientEvent[]; settings: Settings } | null> {
  const tx = db.transaction(['clients', 'timelines', 'settings'], 'readonly');
  const [client, timeline, stored] = await Promise.all([
    tx.objectStore('clients').get(clientId),
    tx.objectStore('timelines').get(clientId),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  await tx.done;
  return client ? { client, events: timeline?.events ?? [], settings: settingsFrom(stored) } : null;
}

/** Some clients with their events in time order, in one read transaction (the board's many cards). */
export async function clientsWithEvents(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; client: Client | undefined; events: ClientEvent[] }>> {
  const tx = db.transaction(['clients', 'events'], 'readonly');
  const clients = tx.objectStore('clients');
  const byClient = tx.objectStore('events').index('byClientAt');
  const out = await Promise.all(
    ids.map(async (id) => {
      const [client, events] = await Promise.all([clients.get(id), byClient.getAll(clientRange(id))]);
      return { id, client: client as Client | undefined, events: client ? events : [] };
    }),
  );
  await tx.done;
  return out;
}

/** A client's events in time order (read from `events`, the source of truth). */
export function eventsOf(db: Db, clientId: string): Promise<ClientEvent[]> {
  return db.getAllFromIndex('events', 'byClientAt', clientRange(clientId));
}

/**
 * All events grouped by client, each group in time order, read from the timelines (one record
 * per client instead of one per event). Checked against `events` in the same transaction: the
 * timelines' counts must add up to the store's count (one request). When they do not, every
 * timeline's count is compared with its client's count in `events`, and each timeline that
 * disagrees, or is missing for a client with events, is answered from `events` and rebuilt, so
 * a write that bypassed recordEvents heals on the next read instead of going unseen.
 */
export async function eventsByClient(db: Db): Promise<Map<string, ClientEvent[]>> {
  const tx = db.transaction(['events', 'timelines'], 'readonly');
  const events = tx.objectStore('events');
  const [timelines, total] = await Promise.all([tx.objectStore('timelines').getAll(), events.count()]);
  const groups = new Map<string, ClientEvent[]>();
  let sum = 0;
  let intact = true;
  for (const t of timelines) {
    sum += t.count;
    if (t.events.length !== t.count) intact = false;
    else if (t.count > 0) groups.set(t.clientId, t.events);
  }
  const stale = intact && sum === total ? [] : await staleTimelines(tx, timelines);
  if (stale.length) {
    const byClientAt = events.index('byClientAt');
    const fresh = await Promise.all(stale.map((id) => byClientAt.getAll(clientRange(id))));
    stale.forEach((id, i) => (fresh[i]!.length ? groups.set(id, fresh[i]!) : groups.delete(id)));
  }
  await tx.done;
  if (stale.length) await rebuildTimelines(db, stale);
  return groups;
}

/** Clients whose timeline disagrees with `events` (count or shape), or who have events and no timeline. */
async function staleTimelines(tx: EventsTx, timelines: Timeline[]): Promise<string[]> {
  const byClient = tx.objectStore('events').index('byClient');
  const counts = await Promise.all(timelines.map((t) => byClient.count(t.clientId)));
  const stale = timelines.filter((t, i) => t.count !== counts[i] || t.events.length !== t.count).map((t) => t.clientId);
  const known = new Set(timelines.map((t) => t.clientId));
  for (const id of await uniqueEventClients(tx)) if (!known.has(id)) stale.push(id);
  return stale;
}

/** Compares every timeline with `events` client by client; returns the clients that disagree (and rebuilds them when asked). */
export async function verifyTimelines(db: Db, options: { repair?: boolean } = {}): Promise<string[]> {
  const tx = db.transaction(['events', 'timelines'], 'readonly');
  const stale = await staleTimelines(tx, await tx.objectStore('timelines').getAll());
  await tx.done;
  if (stale.length && options.repair) await rebuildTimelines(db, stale);
  return stale;
}

// ---- settings ----

export const SETTINGS_KEY = 'current';

/** The stored settings, or the playbook defaults. A stored value that no longer validates falls back to the defaults merged with it. */
export async function getSettings(db: Db): Promise<Settings> {
  return settingsFrom(await db.get('settings', SETTINGS_KEY));
}

/** The settings a stored record stands for (read inside another transaction): see getSettings. */
export function settingsFrom(stored: unknown): Settings {
  if (stored === undefined) return defaultSettings;
  const checked = validateSettings(stored);
  if (checked.ok) return checked.value;
  const merged = validateSettings(mergeSettings(defaultSettings, stored as Parameters<typeof mergeSettings>[1]));
  return merged.ok ? merged.value : defaultSettings;
}

export type SettingsWrite = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

/**
 * Validates and stores settings. A full Settings object is taken as is; a partial object is
 * merged over the current settings first. Nothing is written unless the result validates.
 */
export async function setSettings(db: Db, input: unknown): Promise<SettingsWrite> {
  let checked = validateSettings(input);
  if (!checked.ok && isRecord(input)) {
    const current = await getSettings(db);
    checked = validateSettings(mergeSettings(current, input as Parameters<typeof mergeSettings>[1]));
  }
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const tx = db.transaction(['settings', 'meta'], 'readwrite');
  await tx.objectStore('settings').put(checked.value, SETTINGS_KEY);
  await bumpDataVersion(tx.objectStore('meta'));
  await tx.done;
  return { ok: true, settings: checked.value };
}

// ---- meta ----

export async function getMeta<K extends MetaKey>(db: Db, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.get('meta', key)) as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: Db, key: K, value: MetaValues[K]): Promise<void> {
  await db.put('meta', value, key);
}

export async function deleteMeta(db: Db, key: MetaKey): Promise<void> {
  await db.delete('meta', key);
}

// ---- everything ----

export interface Counts {
  clients: number;
  events: number;
}

export async function counts(db: Db): Promise<Counts> {
  return { clients: await db.count('clients'), events: await db.count('events') };
}

/** Deletes every record of every store (the schema stays). */
export async function deleteAll(db: Db): Promise<Counts> {
  const tx = db.transaction(
    ['clients', 'events', 'timelines', 'versions', 'derived', 'settings', 'meta', 'plans', 'outbox'],
    'readwrite',
  );
  const before = { clients: await tx.objectStore('clients').count(), events: await tx.objectStore('events').count() };
  const version = await tx.objectStore('meta').get(DATA_VERSION_KEY);
  await Promise.all([
    tx.objectStore('clients').clear(),
    tx.objectStore('events').clear(),
    tx.objectStore('timelines').clear(),
    tx.objectStore('versions').clear(),
    tx.objectStore('derived').clear(),
    tx.objectStore('settings').clear(),
    tx.objectStore('meta').clear(),
    tx.objectStore('plans').clear(),
    tx.objectStore('outbox').clear(),
  ]);
  await tx.objectStore('meta').put(SCHEMA_VERSION, 'schemaVersion');
  // Monotonic across the wipe, so nothing derived before it can ever match again.
  await tx.objectStore('meta').put((typeof version === 'number' ? version : 0) + 1, DATA_VERSION_KEY);
  await tx.done;
  return before;
}
