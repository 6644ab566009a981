// Backup: everything (clients, events, settings, plans, meta without secrets; timelines are derived and rebuilt) as JSON with a
// format marker; import validates the whole file first, then replaces the data in ONE transaction.
import type { Client, ClientEvent } from '../model/facts';
import { validateSettings, type Settings } from '../playbook/settings';
import { bumpDataVersion, secretMetaKeys } from './meta';
import type { ContentPlan } from '../model/plans';
import type { Db } from './schema';
import { withEventId } from './ids';
import { SCHEMA_VERSION } from './schema';
import { timelinesFrom } from './timelines';
import { describeErrors, isRecord, type FieldError } from './validate';
import { ClientSchema, StoredEventSchema } from '../schemas/facts';
import { StoredPlanSchema } from '../schemas/plan';
import { check } from '../schemas/issues';
import { plainDataIssues } from '../schemas/plain';
import { SnoozesSchema } from '../schemas/meta';

/** Problems a rejected backup names (the message also gives their total). */
export const MAX_REPORTED = 50;
/** Far more than an agency holds; a file beyond these is not a backup of ours. */
const MAX_CLIENTS = 100_000;
const MAX_EVENTS = 5_000_000;
const MAX_PLANS = 500_000;

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
  // A file with 300,000 bad rows says what the first problems are and how many entries are bad, not all of them.
  const shown: FieldError[] = [];
  let bad = 0;
  const report = (errors: FieldError[]) => {
    bad++;
    for (const e of errors) if (shown.length < MAX_REPORTED) shown.push(e);
  };
  const fail = (errors: FieldError[]): never => {
    if (errors !== shown) report(errors);
    const what = `${bad} bad ${bad === 1 ? 'entry' : 'entries'}`;
    throw new BackupError(`Invalid backup (${what}): ${describeErrors(shown, MAX_REPORTED)}`, shown);
  };
  // Past the first problems, rows are only counted: the first issue of each is enough.
  const rowCheck = <S extends Parameters<typeof check>[0]>(schema: S, row: unknown, path: string) =>
    check(schema, row, path, shown.length >= MAX_REPORTED ? { abortEarly: true } : undefined);

  const plain = plainDataIssues(data, '', MAX_REPORTED);
  if (plain.length) fail(plain);
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    fail([{ path: 'format', message: `not a Reglament backup (expected "${BACKUP_FORMAT}")` }]);
  const d = data as Record<string, unknown>;
  if (d.version !== BACKUP_VERSION)
    fail([{ path: 'version', message: `unsupported backup version ${JSON.stringify(d.version)} (expected ${BACKUP_VERSION})` }]);
  for (const [key, max] of [
    ['clients', MAX_CLIENTS],
    ['events', MAX_EVENTS],
    ['plans', MAX_PLANS],
  ] as const) {
    const list = d[key];
    if (!Array.isArray(list)) report([{ path: key, message: 'must be an array' }]);
    else if (list.length > max) report([{ path: key, message: `too many entries (${list.length}; at most ${max})` }]);
  }
  if (!isRecord(d.meta)) report([{ path: 'meta', message: 'must be an object' }]);
  if (bad) fail(shown);

  const clients = d.clients as unknown[];
  const clientIds = new Set<string>();
  clients.forEach((c, i) => {
    const r = rowCheck(ClientSchema, c, `clients[${i}]`);
    if (!r.ok) report(r.errors);
    else if (clientIds.has(r.value.id)) report([{ path: `clients[${i}].id`, message: `duplicate client id ${r.value.id}` }]);
    else clientIds.add(r.value.id);
  });
  const eventIds = new Set<string>();
  (d.events as unknown[]).forEach((e, i) => {
    const r = rowCheck(StoredEventSchema, e, `events[${i}]`);
    if (!r.ok) report(r.errors);
    else if (eventIds.has(withEventId(r.value).id))
      report([{ path: `events[${i}].id`, message: `duplicate event id ${r.value.id}` }]);
    else if (!clientIds.has(r.value.clientId))
      report([{ path: `events[${i}].clientId`, message: `no client ${r.value.clientId} in this backup` }]);
    else eventIds.add(withEventId(r.value).id);
  });
  const plans: ContentPlan[] = [];
  (d.plans as unknown[]).forEach((p, i) => {
    const r = rowCheck(StoredPlanSchema, p, `plans[${i}]`);
    if (!r.ok) report(r.errors);
    else if (!clientIds.has(r.value.clientId))
      report([{ path: `plans[${i}].clientId`, message: `no client ${r.value.clientId} in this backup` }]);
    else plans.push(r.value);
  });
  let settings: Settings | null = null;
  if (d.settings !== null && d.settings !== undefined) {
    const r = validateSettings(d.settings);
    if (r.ok) settings = r.value;
    else report(r.errors.map((e) => ({ path: `settings.${e.path}`.replace(/\.$/, ''), message: e.message })));
  }
  const meta = d.meta as Record<string, unknown>;
  for (const key of Object.keys(meta))
    if (!exportedMetaKeys.includes(key)) report([{ path: `meta.${key}`, message: 'not allowed in a backup' }]);
  if (meta.snoozes !== undefined) {
    const r = check(SnoozesSchema, meta.snoozes, 'meta.snoozes');
    if (!r.ok) report(r.errors);
  }
  if (bad) fail(shown);
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
