// The payload of every message, as a valibot schema: anything not described here is refused
// (unknown fields included). The router runs the plain-data guard first (lib/schemas/plain.ts).
import * as v from 'valibot';
import { MONTH_RE } from '../dashboard/month';
import { StoredPlanSchema } from '../schemas/plan';
import { clientId, obj } from '../schemas/common';
import { ClientSchema, NewEventSchema } from '../schemas/facts';
import { isAmocrmOrigin } from '../hosts';
import { optionsSections, type MessageType, type RequestOf } from './protocol';

/** A board shows at most this many cards at once; a batched leads read returns at most 250. */
const MAX_BOARD_IDS = 1000;
const MAX_BOARD_DEALS = 250;
/** Events of one deal in one sync: a long-lived deal has a few hundred. */
const MAX_SYNC_EVENTS = 5000;
/** An Instagram answer page of 12 posts is a few hundred KB; anything far larger is not one. */
const MAX_ANSWER = 8_000_000;
const MAX_BACKUP = 200_000_000;

const normalizeUsername = (u: string) => u.replace(/^@/, '').toLowerCase();

const username = v.pipe(
  v.string('must be an Instagram username'),
  v.regex(/^@?[a-z0-9._]{1,30}$/i, 'must be an Instagram username'),
  v.transform(normalizeUsername),
);
const answerText = v.pipe(v.string('must be the answer text'), v.maxLength(MAX_ANSWER, 'must be the answer text'));
const none = obj({});
const month = v.pipe(v.string('must be YYYY-MM'), v.regex(MONTH_RE, 'must be YYYY-MM'));
const byClient = obj({ clientId });

const clientSync = v.pipe(
  obj({
    client: ClientSchema,
    events: v.pipe(
      v.array(NewEventSchema, 'must be an array'),
      v.maxLength(MAX_SYNC_EVENTS, `too many events (max ${MAX_SYNC_EVENTS})`),
    ),
  }),
  v.forward(
    v.check((p) => p.events.every((e) => e.clientId === p.client.id), 'every event must belong to the synced client'),
    ['events'],
  ),
);

type Schemas = { [T in MessageType]: v.GenericSchema<unknown, RequestOf<T>> };

export const messageSchemas: Schemas = {
  'client.sync': clientSync,
  'board.view': obj({
    clientIds: v.pipe(v.array(clientId, 'must be an array'), v.maxLength(MAX_BOARD_IDS, `too many ids (max ${MAX_BOARD_IDS})`)),
  }),
  'board.sync': obj({
    deals: v.pipe(
      v.array(clientSync, 'must be an array'),
      v.maxLength(MAX_BOARD_DEALS, `too many deals (max ${MAX_BOARD_DEALS})`),
    ),
  }),
  'event.record': obj({ event: NewEventSchema }),
  'client.view': byClient,
  'client.events': byClient,
  'client.byInstagram': obj({ username }),
  'instagram.read': v.variant(
    'reader',
    [
      obj({ reader: v.literal('profile-info'), text: answerText }),
      obj({ reader: v.literal('user-feed'), text: answerText, username }),
      obj({
        reader: v.literal('reels-media'),
        text: answerText,
        userId: v.pipe(v.string(), v.regex(/^\d{1,30}$/, 'must be a numeric id')),
      }),
      obj({ reader: v.literal('business-400'), text: answerText }),
    ],
    'must name an Instagram answer reader',
  ),
  'client.linkInstagram': obj({ clientId, username }),
  'clients.list': none,
  'agenda.get': obj({
    limit: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1')),
    ),
  }),
  'settings.get': none,
  'settings.view': none,
  // The settings themselves are checked field by field by validateSettings in the handler.
  'settings.set': obj({ settings: v.record(v.string(), v.unknown(), 'must be an object') }),
  'backup.export': none,
  'backup.import': obj({
    json: v.pipe(
      v.string('must be the backup file text'),
      v.minLength(1, 'must be the backup file text'),
      v.maxLength(MAX_BACKUP, 'file too large'),
    ),
  }),
  'data.delete': obj({ confirm: v.literal('delete-all', 'must be "delete-all"') }),
  'token.set': obj({
    token: v.pipe(
      v.string('must be a token string (no spaces)'),
      v.trim(),
      v.minLength(8, 'must be a token string (no spaces)'),
      v.maxLength(10_000, 'must be a token string (no spaces)'),
      v.regex(/^\S+$/, 'must be a token string (no spaces)'),
    ),
    origin: v.pipe(
      v.string(),
      v.check(
        (o) => isAmocrmOrigin(o) && new URL(o).origin === o,
        'must be an amoCRM account origin such as https://smmpro.amocrm.ru',
      ),
    ),
  }),
  'token.clear': none,
  'options.open': obj({ section: v.optional(v.picklist(optionsSections, `must be one of ${optionsSections.join(', ')}`)) }),
  'dashboard.open': obj({ clientId: v.optional(clientId) }),
  'token.status': none,
  'amocrm.account': none,
  'amocrm.permit': none,
  'plan.today': byClient,
  'plans.list': byClient,
  // The editor sends back a plan as listed, which may name its author: the worker drops it (only amoCRM says who).
  'plans.save': obj({ plan: StoredPlanSchema }),
  'dashboard.month': obj({ month }),
  'dashboard.best.confirm': obj({
    month,
    managerId: v.pipe(
      v.number('must be an amoCRM user id'),
      v.safeInteger('must be an amoCRM user id'),
      v.minValue(0, 'must be an amoCRM user id'),
    ),
  }),
  'record.send': none,
  'record.pull': none,
  'team.sync.start': obj({ full: v.optional(v.boolean('must be a boolean')) }),
  'team.sync.status': none,
  'team.sync.cancel': none,
};
