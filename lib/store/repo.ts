// Repositories over the schema: clients, append-only events, settings, meta.
import type { Client, ClientEvent, NewClientEvent } from '../model/facts';
import { defaultSettings, mergeSettings, validateSettings, type Settings } from '../playbook/settings';
import { withEventId } from './ids';
import type { MetaKey, MetaValues } from './meta';
import { SCHEMA_VERSION, type Db } from './schema';
import { isRecord, type FieldError } from './validate';

// ---- clients ----

export function getClient(db: Db, id: string): Promise<Client | undefined> {
  return db.get('clients', id);
}

export function listClients(db: Db): Promise<Client[]> {
  return db.getAll('clients');
}

export async function putClient(db: Db, client: Client): Promise<void> {
  await db.put('clients', client);
}

export async function findClientByInstagram(db: Db, username: string): Promise<Client | undefined> {
  return db.getFromIndex('clients', 'byInstagram', username.replace(/^@/, '').toLowerCase());
}

// ---- events (append-only) ----

/** Stores events not seen before (by natural key) in one transaction; returns the events newly stored. */
export async function recordEvents(db: Db, events: NewClientEvent[]): Promise<ClientEvent[]> {
  if (events.length === 0) return [];
  const tx = db.transaction('events', 'readwrite');
  const added: ClientEvent[] = [];
  const seen = new Set<string>();
  for (const raw of events) {
    const event = withEventId(raw);
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const existing = await tx.store.getKey(event.id);
    if (existing === undefined) {
      void tx.store.add(event);
      added.push(event);
    }
  }
  await tx.done;
  return added;
}

/** A client's events in time order. */
export function eventsOf(db: Db, clientId: string): Promise<ClientEvent[]> {
  return db.getAllFromIndex('events', 'byClientAt', IDBKeyRange.bound([clientId, -Infinity], [clientId, Infinity]));
}

/** All events grouped by client, each group in time order. */
export async function eventsByClient(db: Db): Promise<Map<string, ClientEvent[]>> {
  // The primary store is read faster than an index; sorting per client is cheap.
  const all = await db.getAll('events');
  const groups = new Map<string, ClientEvent[]>();
  for (const e of all) {
    let list = groups.get(e.clientId);
    if (!list) groups.set(e.clientId, (list = []));
    list.push(e);
  }
  for (const list of groups.values()) list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return groups;
}

// ---- settings ----

const SETTINGS_KEY = 'current';

/** The stored settings, or the playbook defaults. A stored value that no longer validates falls back to the defaults merged with it. */
export async function getSettings(db: Db): Promise<Settings> {
  const stored = await db.get('settings', SETTINGS_KEY);
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
  await db.put('settings', checked.value, SETTINGS_KEY);
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

/** Read-modify-write of one meta record inside a single transaction. */
export async function updateMeta<K extends MetaKey>(db: Db, key: K, update: (current: MetaValues[K] | undefined) => MetaValues[K]): Promise<MetaValues[K]> {
  const tx = db.transaction('meta', 'readwrite');
  const next = update((await tx.store.get(key)) as MetaValues[K] | undefined);
  await tx.store.put(next, key);
  await tx.done;
  return next;
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
  const tx = db.transaction(['clients', 'events', 'settings', 'meta', 'plans'], 'readwrite');
  const before = { clients: await tx.objectStore('clients').count(), events: await tx.objectStore('events').count() };
  await Promise.all([
    tx.objectStore('clients').clear(),
    tx.objectStore('events').clear(),
    tx.objectStore('settings').clear(),
    tx.objectStore('meta').clear(),
    tx.objectStore('plans').clear(),
  ]);
  await tx.objectStore('meta').put(SCHEMA_VERSION, 'schemaVersion');
  await tx.done;
  return before;
}
