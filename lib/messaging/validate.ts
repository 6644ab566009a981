// Hand-written payload validators, one per message type. Anything not described here is rejected.
import type { NewClientEvent } from '../model/facts';
import { describeErrors, isRecord, validateClient, validateEvent, type Checked, type FieldError } from '../store/validate';
import { optionsSections, type MessageType, type OptionsSection, type Protocol, type RequestOf } from './protocol';
import { dashboardValidators } from './validate-dashboard';
import { isAmocrmOrigin } from '../hosts';
import type { AnswerRequest } from '../model/instagram';

type Validator<T extends MessageType> = (payload: Record<string, unknown>) => Checked<RequestOf<T>>;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(path: string, message: string): Checked<T> => ({ ok: false, errors: [{ path, message }] });

function onlyKeys(payload: Record<string, unknown>, keys: string[]): FieldError[] {
  return Object.keys(payload)
    .filter((k) => !keys.includes(k))
    .map((k) => ({ path: `payload.${k}`, message: 'unknown field' }));
}

function empty<T extends MessageType>(): Validator<T> {
  return (p) => {
    const errors = onlyKeys(p, []);
    return errors.length ? { ok: false, errors } : ok({} as RequestOf<T>);
  };
}

const clientIdRe = /^[a-z0-9.-]+:\d+$/i;
/** A board shows at most this many cards at once; a batched leads read returns at most 250. */
const MAX_BOARD_IDS = 1000;
const MAX_BOARD_DEALS = 250;
const usernameRe = /^@?[a-z0-9._]{1,30}$/i;

function clientIdPayload<T extends MessageType>(p: Record<string, unknown>): Checked<RequestOf<T>> {
  const errors = onlyKeys(p, ['clientId']);
  if (typeof p.clientId !== 'string' || !clientIdRe.test(p.clientId))
    errors.push({ path: 'payload.clientId', message: 'must be `{host}:{leadId}`' });
  return errors.length ? { ok: false, errors } : ok({ clientId: p.clientId } as RequestOf<T>);
}

export const normalizeUsername = (u: string) => u.replace(/^@/, '').toLowerCase();

export const validators: { [T in MessageType]: Validator<T> } = {
  'client.sync': (p) => {
    const errors = onlyKeys(p, ['client', 'events']);
    const client = validateClient(p.client, 'payload.client');
    if (!client.ok) errors.push(...client.errors);
    if (!Array.isArray(p.events)) errors.push({ path: 'payload.events', message: 'must be an array' });
    else if (p.events.length > 5000) errors.push({ path: 'payload.events', message: 'too many events (max 5000)' });
    const events: NewClientEvent[] = [];
    if (Array.isArray(p.events))
      p.events.forEach((raw, i) => {
        const e = validateEvent(raw, `payload.events[${i}]`);
        if (!e.ok) errors.push(...e.errors);
        else if (client.ok && e.value.clientId !== client.value.id)
          errors.push({ path: `payload.events[${i}].clientId`, message: `must be the synced client ${client.value.id}` });
        else events.push(e.value);
      });
    return errors.length || !client.ok ? { ok: false, errors } : ok({ client: client.value, events });
  },
  'board.view': (p) => {
    const errors = onlyKeys(p, ['clientIds']);
    if (!Array.isArray(p.clientIds)) errors.push({ path: 'payload.clientIds', message: 'must be an array' });
    else if (p.clientIds.length > MAX_BOARD_IDS)
      errors.push({ path: 'payload.clientIds', message: `too many ids (max ${MAX_BOARD_IDS})` });
    else
      p.clientIds.forEach((id, i) => {
        if (typeof id !== 'string' || !clientIdRe.test(id))
          errors.push({ path: `payload.clientIds[${i}]`, message: 'must be `{host}:{leadId}`' });
      });
    return errors.length ? { ok: false, errors } : ok({ clientIds: p.clientIds as string[] });
  },
  'board.sync': (p) => {
    const errors = onlyKeys(p, ['deals']);
    const deals: RequestOf<'board.sync'>['deals'] = [];
    if (!Array.isArray(p.deals)) errors.push({ path: 'payload.deals', message: 'must be an array' });
    else if (p.deals.length > MAX_BOARD_DEALS)
      errors.push({ path: 'payload.deals', message: `too many deals (max ${MAX_BOARD_DEALS})` });
    else
      p.deals.forEach((raw, i) => {
        if (!isRecord(raw)) return void errors.push({ path: `payload.deals[${i}]`, message: 'must be an object' });
        const one = validators['client.sync'](raw);
        if (one.ok) deals.push(one.value);
        else errors.push(...one.errors.map((e) => ({ ...e, path: e.path.replace(/^payload/, `payload.deals[${i}]`) })));
      });
    return errors.length ? { ok: false, errors } : ok({ deals });
  },
  'event.record': (p) => {
    const errors = onlyKeys(p, ['event']);
    const event = validateEvent(p.event, 'payload.event');
    if (!event.ok) errors.push(...event.errors);
    return errors.length || !event.ok ? { ok: false, errors } : ok({ event: event.value });
  },
  'client.view': (p) => clientIdPayload<'client.view'>(p),
  'client.events': (p) => clientIdPayload<'client.events'>(p),
  'client.byInstagram': (p) => {
    const errors = onlyKeys(p, ['username']);
    if (typeof p.username !== 'string' || !usernameRe.test(p.username))
      errors.push({ path: 'payload.username', message: 'must be an Instagram username' });
    return errors.length ? { ok: false, errors } : ok({ username: normalizeUsername(p.username as string) });
  },
  'instagram.read': (p) => {
    const extra = p.reader === 'user-feed' ? ['username'] : p.reader === 'reels-media' ? ['userId'] : [];
    const errors = onlyKeys(p, ['reader', 'text', ...extra]);
    if (!['profile-info', 'user-feed', 'reels-media', 'business-400'].includes(p.reader as string))
      errors.push({ path: 'payload.reader', message: 'must name an Instagram answer reader' });
    // An answer page of 12 posts is a few hundred KB; anything far larger is not one.
    if (typeof p.text !== 'string' || p.text.length > 8_000_000)
      errors.push({ path: 'payload.text', message: 'must be the answer text' });
    if (p.reader === 'user-feed' && (typeof p.username !== 'string' || !usernameRe.test(p.username)))
      errors.push({ path: 'payload.username', message: 'must be an Instagram username' });
    if (p.reader === 'reels-media' && (typeof p.userId !== 'string' || !/^\d+$/.test(p.userId)))
      errors.push({ path: 'payload.userId', message: 'must be a numeric id' });
    return errors.length ? { ok: false, errors } : ok(p as unknown as AnswerRequest);
  },
  'client.linkInstagram': (p) => {
    const errors = onlyKeys(p, ['clientId', 'username']);
    if (typeof p.clientId !== 'string' || !clientIdRe.test(p.clientId))
      errors.push({ path: 'payload.clientId', message: 'must be `{host}:{leadId}`' });
    if (typeof p.username !== 'string' || !usernameRe.test(p.username))
      errors.push({ path: 'payload.username', message: 'must be an Instagram username' });
    return errors.length
      ? { ok: false, errors }
      : ok({ clientId: p.clientId as string, username: normalizeUsername(p.username as string) });
  },
  'clients.list': empty(),
  'agenda.get': empty(),
  'settings.get': empty(),
  'settings.view': empty(),
  'settings.set': (p) => {
    const errors = onlyKeys(p, ['settings']);
    if (!isRecord(p.settings)) errors.push({ path: 'payload.settings', message: 'must be an object' });
    return errors.length ? { ok: false, errors } : ok({ settings: p.settings });
  },
  'backup.export': empty(),
  'backup.import': (p) => {
    const errors = onlyKeys(p, ['json']);
    if (typeof p.json !== 'string' || p.json.length === 0)
      errors.push({ path: 'payload.json', message: 'must be the backup file text' });
    else if (p.json.length > 200_000_000) errors.push({ path: 'payload.json', message: 'file too large' });
    return errors.length ? { ok: false, errors } : ok({ json: p.json as string });
  },
  'data.delete': (p) => {
    const errors = onlyKeys(p, ['confirm']);
    if (p.confirm !== 'delete-all') errors.push({ path: 'payload.confirm', message: 'must be "delete-all"' });
    return errors.length ? { ok: false, errors } : ok({ confirm: 'delete-all' });
  },
  'token.set': (p) => {
    const errors = onlyKeys(p, ['token', 'origin']);
    if (typeof p.token !== 'string' || p.token.trim().length < 8 || p.token.length > 10_000 || /\s/.test(p.token.trim()))
      errors.push({ path: 'payload.token', message: 'must be a token string (no spaces)' });
    if (typeof p.origin !== 'string' || !isAmocrmOrigin(p.origin) || new URL(p.origin).origin !== p.origin)
      errors.push({ path: 'payload.origin', message: 'must be an amoCRM account origin such as https://smmpro.amocrm.ru' });
    return errors.length ? { ok: false, errors } : ok({ token: (p.token as string).trim(), origin: p.origin as string });
  },
  'token.clear': empty(),
  'options.open': (p) => {
    const errors = onlyKeys(p, ['section']);
    const section = p.section as OptionsSection | undefined;
    if (section !== undefined && !optionsSections.includes(section))
      errors.push({ path: 'payload.section', message: `must be one of ${optionsSections.join(', ')}` });
    return errors.length ? { ok: false, errors } : ok(section === undefined ? {} : { section });
  },
  'dashboard.open': (p) => {
    const errors = onlyKeys(p, ['clientId']);
    if (
      p.clientId !== undefined &&
      !(typeof p.clientId === 'string' && /^[a-z0-9.-]+:\d+$/i.test(p.clientId) && p.clientId.length <= 300)
    )
      errors.push({ path: 'payload.clientId', message: 'must be a client id `{host}:{leadId}`' });
    return errors.length ? { ok: false, errors } : ok(p.clientId === undefined ? {} : { clientId: p.clientId as string });
  },
  'token.status': empty(),
  'amocrm.account': empty(),
  'record.send': empty(),
  ...dashboardValidators,
};

export const messageTypes = Object.keys(validators) as MessageType[];

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(validators, type);
}

/** Validates a payload for its type. */
export function validatePayload<T extends MessageType>(type: T, payload: unknown): Checked<Protocol[T]['request']> {
  if (!isRecord(payload)) return fail('payload', 'must be an object');
  return (validators[type] as Validator<T>)(payload);
}

export { describeErrors };
