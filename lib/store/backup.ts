// Backup: everything (clients, events, settings, plans, meta without secrets; timelines are derived and rebuilt) as JSON with a
// format marker; import validates the whole file first, then replaces the data in ONE transaction.
import type { Client, ClientEvent } from '../model/facts';
import { validateSettings, type Settings } from '../playbook/settings';
import { bumpDataVersion, secretMetaKeys } from './meta';
import type { ContentPlan } from '../model/plans';
import type { Db } from './schema';
import { validatePlan } from './validate-plan';
import { withEventId } from './ids';
import { SCHEMA_VERSION } from './schema';
import { timelinesFrom } from './timelines';
import { describeErrors, isRecord, validateClient, validateEvent, type FieldError } from './validate';

export const BACKUP_FORMAT = 'reglament-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  schemaVersion: number;
  exportedAt: number;
  clients: Client[];
  events: ClientEvent[];
  settings: Settings | null;
  plans: ContentPlan[];
  meta: Record<string, unknown>;
}

export class BackupError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Meta keys a backup carries (device-local bookkeeping such as notified ids stays behind too). */
const exportedMetaKeys = ['snoozes'];

export async function exportBackup(db: Db, now = Date.now()): Promise<BackupFile> {
  const tx = db.transaction(['clients', 'events', 'settings', 'plans', 'meta'], 'readonly');
  const [clients, events, settings, plans, metaKeys] = await Promise.all([
    tx.objectStore('clients').getAll(),
    tx.objectStore('events').getAll(),
    tx.objectStore('settings').get('current'),
    tx.objectStore('plans').getAll(),
    tx.objectStore('meta').getAllKeys(),
  ]);
  const meta: Record<string, unknown> = {};
  for (const key of metaKeys) {
    if (secretMetaKeys.includes(key as never) || !exportedMetaKeys.includes(key)) continue;
    meta[key] = await tx.objectStore('meta').get(key);
  }
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now,
    clients,
    events,
    settings: (settings as Settings | undefined) ?? null,
    plans,
    meta,
  };
}

/** Parses and validates a backup; throws BackupError naming the first bad fields. Touches no database. */
export function parseBackup(json: string): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new BackupError(`Not a JSON file: ${(error as Error).message}`, [{ path: '', message: 'invalid JSON' }]);
  }
  const fail = (errors: FieldError[]): never => {
    throw new BackupError(`Invalid backup: ${describeErrors(errors)}`, errors);
  };
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    fail([{ path: 'format', message: `not a Reglament backup (expected "${BACKUP_FORMAT}")` }]);
  const d = data as Record<string, unknown>;
  if (d.version !== BACKUP_VERSION)
    fail([{ path: 'version', message: `unsupported backup version ${JSON.stringify(d.version)} (expected ${BACKUP_VERSION})` }]);
  const errors: FieldError[] = [];
  for (const key of ['clients', 'events', 'plans'] as const)
    if (!Array.isArray(d[key])) errors.push({ path: key, message: 'must be an array' });
  if (!isRecord(d.meta)) errors.push({ path: 'meta', message: 'must be an object' });
  if (errors.length) fail(errors);

  const clients = d.clients as unknown[];
  const clientIds = new Set<string>();
  clients.forEach((c, i) => {
    const r = validateClient(c, `clients[${i}]`);
    if (!r.ok) errors.push(...r.errors);
    else if (clientIds.has(r.value.id)) errors.push({ path: `clients[${i}].id`, message: `duplicate client id ${r.value.id}` });
    else clientIds.add(r.value.id);
  });
  const eventIds = new Set<string>();
  (d.events as unknown[]).forEach((e, i) => {
    const r = validateEvent(e, `events[${i}]`, true);
    if (!r.ok) errors.push(...r.errors);
    else if (eventIds.has(withEventId(r.value).id))
      errors.push({ path: `events[${i}].id`, message: `duplicate event id ${r.value.id}` });
    else if (!clientIds.has(r.value.clientId))
      errors.push({ path: `events[${i}].clientId`, message: `no client ${r.value.clientId} in this backup` });
    else eventIds.add(withEventId(r.value).id);
  });
  const plans: ContentPlan[] = [];
  (d.plans as unknown[]).forEach((p, i) => {
    const r = validatePlan(p, `plans[${i}]`);
    if (r.ok) plans.push(r.value);
    else errors.push(...r.errors);
  });
  let settings: Settings | null = null;
  if (d.settings !== null && d.settings !== undefined) {
    const r = validateSettings(d.settings);
    if (r.ok) settings = r.value;
    else errors.push(...r.errors.map((e) => ({ path: `settings.${e.path}`.replace(/\.$/, ''), message: e.message })));
  }
  const meta = d.meta as Record<string, unknown>;
  for (const key of Object.keys(meta))
    if (!exportedMetaKeys.includes(key)) errors.push({ path: `meta.${key}`, message: 'not allowed in a backup' });
  if (errors.length) fail(errors);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: typeof d.schemaVersion === 'number' ? d.schemaVersion : SCHEMA_VERSION,
    exportedAt: typeof d.exportedAt === 'number' ? d.exportedAt : 0,
    clients: clients as Client[],
    // Stored under the same ids as recordEvents would (a backup made before ids were scoped by client too).
    events: (d.events as ClientEvent[]).map(withEventId),
    settings,
    plans,
    meta,
  };
}

/**
 * Replaces clients, events (and their derived timelines), settings and plans with the backup's, in one transaction; meta
 * bookkeeping (notified ids, token) stays. Validation happens before anything is written.
 */
export async function importBackup(db: Db, json: string): Promise<{ clients: number; events: number }> {
  const file = parseBackup(json);
  const tx = db.transaction(['clients', 'events', 'timelines', 'derived', 'settings', 'plans', 'meta'], 'readwrite');
  const clients = tx.objectStore('clients');
  const events = tx.objectStore('events');
  const timelines = tx.objectStore('timelines');
  const plans = tx.objectStore('plans');
  const settings = tx.objectStore('settings');
  void clients.clear();
  void events.clear();
  void timelines.clear();
  // Everything derived goes (client versions stay: they only ever grow).
  void tx.objectStore('derived').clear();
  void plans.clear();
  void settings.clear();
  for (const c of file.clients) void clients.put(c);
  for (const e of file.events) void events.put(e);
  for (const t of timelinesFrom(file.events).values()) void timelines.put(t);
  for (const p of file.plans) void plans.put(p);
  if (file.settings) void settings.put(file.settings, 'current');
  for (const [key, value] of Object.entries(file.meta)) void tx.objectStore('meta').put(value, key);
  await bumpDataVersion(tx.objectStore('meta'));
  await tx.done;
  return { clients: file.clients.length, events: file.events.length };
}
