// Hand-written validators for what enters the store: clients and events (from messages or a backup).
import { clientEventTypes, type Client, type ClientEventType, type NewClientEvent, type Stage } from '../model/facts';
import { isAmocrmHost } from '../hosts';

export interface FieldError {
  path: string;
  message: string;
}
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const stages: readonly Stage[] = ['contacted', 'questionnaire', 'launched', 'notice-sent', 'lost'];
const sources = ['amocrm', 'instagram', 'manager'] as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isShortString = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Validates a client record; `path` prefixes error paths (e.g. `clients[3]`). */
export function validateClient(input: unknown, path = 'client'): Checked<Client> {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ path: `${path}.${field}`, message });
  if (!isRecord(input)) return { ok: false, errors: [{ path, message: 'must be an object' }] };
  const c = input;
  if (!isShortString(c.host, 253) || !isAmocrmHost(c.host))
    bad('host', 'must be an amoCRM account host ({sub}.amocrm.ru|.amocrm.com|.kommo.com)');
  if (!Number.isSafeInteger(c.leadId) || (c.leadId as number) <= 0) bad('leadId', 'must be a positive integer');
  if (!isShortString(c.id, 300) || c.id !== `${String(c.host)}:${String(c.leadId)}`) bad('id', 'must be `{host}:{leadId}`');
  if (typeof c.name !== 'string' || c.name.length > 500) bad('name', 'must be a string');
  if (!(c.service === null || c.service === 'management' || c.service === 'complex'))
    bad('service', 'must be management, complex or null');
  if (!(c.payer === null || c.payer === 'individual' || c.payer === 'legal')) bad('payer', 'must be individual, legal or null');
  if (!(c.managerId === null || Number.isSafeInteger(c.managerId))) bad('managerId', 'must be an integer or null');
  if (!(c.managerName === null || typeof c.managerName === 'string')) bad('managerName', 'must be a string or null');
  if (!(c.instagram === null || (typeof c.instagram === 'string' && /^[a-z0-9._]{1,30}$/.test(c.instagram))))
    bad('instagram', 'must be a lower-case Instagram username without @ or null');
  if (typeof c.credentialsFilled !== 'boolean') bad('credentialsFilled', 'must be a boolean');
  if (!(c.stageName === null || typeof c.stageName === 'string')) bad('stageName', 'must be a string or null');
  if (!(c.lossReason === undefined || c.lossReason === null || typeof c.lossReason === 'string'))
    bad('lossReason', 'must be a string or null');
  if (!isFiniteNumber(c.updatedAt)) bad('updatedAt', 'must be a finite number (epoch ms)');
  if (!(c.trackedSince === undefined || isFiniteNumber(c.trackedSince)))
    bad('trackedSince', 'must be a finite number (epoch ms)');
  const allowed = new Set([
    'id',
    'host',
    'leadId',
    'name',
    'service',
    'payer',
    'managerId',
    'managerName',
    'instagram',
    'credentialsFilled',
    'stageName',
    'lossReason',
    'updatedAt',
    'trackedSince',
  ]);
  for (const key of Object.keys(c)) if (!allowed.has(key)) bad(key, 'unknown field');
  return errors.length ? { ok: false, errors } : { ok: true, value: c as unknown as Client };
}

const optionalString = (v: unknown) => v === undefined || isShortString(v, 2000);

/** Validates an event (id optional unless `requireId`); unknown fields are rejected so nothing foreign is stored. */
function isAuthor(v: unknown): boolean {
  return (
    isRecord(v) &&
    Object.keys(v).every((k) => k === 'id' || k === 'name') &&
    Number.isSafeInteger(v.id) &&
    (v.id as number) >= 0 &&
    (v.name === null || isShortString(v.name, 200))
  );
}

export function validateEvent(input: unknown, path = 'event', requireId = false): Checked<NewClientEvent> {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ path: `${path}.${field}`, message });
  if (!isRecord(input)) return { ok: false, errors: [{ path, message: 'must be an object' }] };
  const e = input;
  // `author` comes from amoCRM only (facts read back from notes): backups keep it, messages may not claim it.
  const common = requireId ? ['id', 'clientId', 'at', 'source', 'type', 'author'] : ['id', 'clientId', 'at', 'source', 'type'];
  let extra: string[] = [];
  // A stored id (requireId: backups) carries its client's scope (lib/store/ids.ts), so it may be longer.
  if (requireId ? !isShortString(e.id, 1000) : !(e.id === undefined || isShortString(e.id, 600)))
    bad('id', 'must be a non-empty string');
  if (!isShortString(e.clientId, 300) || !/^[a-z0-9.-]+:\d+$/i.test(e.clientId)) bad('clientId', 'must be `{host}:{leadId}`');
  if (!isFiniteNumber(e.at) || (e.at as number) < 0) bad('at', 'must be a finite instant (epoch ms)');
  if (e.author !== undefined && !isAuthor(e.author)) bad('author', 'must be { id: amoCRM user id, name: string | null }');
  if (!sources.includes(e.source as never)) bad('source', `must be one of ${sources.join(', ')}`);
  if (!clientEventTypes.includes(e.type as ClientEventType)) {
    bad('type', `unknown event type ${JSON.stringify(e.type)}`);
    return { ok: false, errors };
  }
  switch (e.type as ClientEventType) {
    case 'stage':
      extra = ['stage'];
      if (!stages.includes(e.stage as Stage)) bad('stage', `must be one of ${stages.join(', ')}`);
      break;
    case 'tick':
      extra = ['item', 'key', 'value'];
      if (!isShortString(e.item, 200)) bad('item', 'must be a non-empty string');
      if (!optionalString(e.key)) bad('key', 'must be a string');
      if (!optionalString(e.value)) bad('value', 'must be a string');
      break;
    case 'untick':
      extra = ['item', 'key'];
      if (!isShortString(e.item, 200)) bad('item', 'must be a non-empty string');
      if (!optionalString(e.key)) bad('key', 'must be a string');
      break;
    case 'post':
      extra = ['shortcode'];
      if (!optionalString(e.shortcode)) bad('shortcode', 'must be a string');
      break;
    case 'story':
      extra = ['storyId'];
      if (!optionalString(e.storyId)) bad('storyId', 'must be a string');
      break;
    case 'start-date':
      extra = ['date'];
      if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) bad('date', 'must be YYYY-MM-DD');
      break;
    case 'call-recording':
      extra = ['link'];
      if (!optionalString(e.link)) bad('link', 'must be a string');
      break;
    default:
      break;
  }
  const allowed = new Set([...common, ...extra]);
  for (const key of Object.keys(e)) if (!allowed.has(key)) bad(key, 'unknown field');
  return errors.length ? { ok: false, errors } : { ok: true, value: e as unknown as NewClientEvent };
}

export function describeErrors(errors: FieldError[], max = 3): string {
  const shown = errors.slice(0, max).map((e) => `${e.path}: ${e.message}`);
  return errors.length > max ? `${shown.join('; ')} (+${errors.length - max} more)` : shown.join('; ');
}
