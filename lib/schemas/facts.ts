// Clients and events as they enter the store: from content scripts, extension pages, backups and
// the team sync. Unknown fields are refused so nothing foreign is stored.
import * as v from 'valibot';
import { MAX_HANDOVERS, type Client, type NewClientEvent, type Stage } from '../model/facts';
import {
  obj,
  amocrmHost,
  authorSchema,
  clientId,
  instagramUsername,
  instant,
  leadId,
  localDate,
  nonEmptyText,
  text,
  MAX_INSTANT,
} from './common';

export const stages: readonly Stage[] = ['contacted', 'questionnaire', 'launched', 'notice-sent', 'lost'];

const nullable = <S extends v.GenericSchema>(s: S) => v.nullable(s);

const userId = v.pipe(
  v.number('must be an amoCRM user id'),
  v.safeInteger('must be an amoCRM user id'),
  v.minValue(0, 'must be an amoCRM user id'),
);
const HandoverSchema = obj({
  id: nonEmptyText(100),
  at: instant,
  fromId: v.nullable(userId),
  fromName: nullable(text(500)),
  toId: userId,
  toName: nullable(text(500)),
});

export const ClientSchema = v.pipe(
  obj({
    id: clientId,
    host: amocrmHost,
    leadId,
    name: text(500),
    service: v.nullable(v.picklist(['management', 'complex'], 'must be management, complex or null')),
    payer: v.nullable(v.picklist(['individual', 'legal'], 'must be individual, legal or null')),
    managerId: nullable(v.pipe(v.number('must be an integer or null'), v.safeInteger('must be an integer or null'))),
    managerName: nullable(text(500)),
    handovers: v.optional(
      v.pipe(v.array(HandoverSchema), v.maxLength(MAX_HANDOVERS, `must have at most ${MAX_HANDOVERS} entries`)),
    ),
    instagram: nullable(instagramUsername),
    credentialsFilled: v.boolean('must be a boolean'),
    stageName: nullable(text(500)),
    lossReason: v.optional(nullable(text(2000))),
    // amoCRM's own stamp of the deal (0 when it did not say): bounded above only.
    updatedAt: v.pipe(
      v.number('must be an instant (epoch ms)'),
      v.safeInteger('must be a whole number of ms'),
      v.minValue(0, 'must not be negative'),
      v.maxValue(MAX_INSTANT, 'must not be after the year 2100'),
    ),
    trackedSince: v.optional(instant),
  }),
  v.check((c) => c.id === `${c.host}:${c.leadId}`, 'id must be `{host}:{leadId}`'),
) satisfies v.GenericSchema<unknown, Client>;

const optionalText = v.optional(nonEmptyText(2000));
const common = {
  clientId,
  at: instant,
  source: v.picklist(['amocrm', 'instagram', 'manager'], 'must be one of amocrm, instagram, manager'),
};
/** From messages: the id is optional, and no author (only amoCRM says who did it). */
const newBase = { ...common, id: v.optional(nonEmptyText(600)) };
/** As stored (backups): a stored id carries its client's scope (lib/store/ids.ts), and facts read back from amoCRM notes keep their author. */
const storedBase = { ...common, id: nonEmptyText(1000), author: v.optional(authorSchema) };

function eventSchema<B extends v.ObjectEntries>(b: B) {
  return v.variant(
    'type',
    [
      obj({ ...b, type: v.literal('deal-created') }),
      obj({ ...b, type: v.literal('stage'), stage: v.picklist(stages, `must be one of ${stages.join(', ')}`) }),
      obj({ ...b, type: v.literal('tick'), item: nonEmptyText(200), key: optionalText, value: optionalText }),
      obj({ ...b, type: v.literal('untick'), item: nonEmptyText(200), key: optionalText }),
      obj({ ...b, type: v.literal('post'), shortcode: optionalText }),
      obj({ ...b, type: v.literal('story'), storyId: optionalText }),
      obj({ ...b, type: v.literal('start-date'), date: localDate }),
      obj({ ...b, type: v.literal('payment') }),
      obj({ ...b, type: v.literal('refund') }),
      obj({ ...b, type: v.literal('call-recording'), link: optionalText }),
    ],
    (issue) => `unknown event type ${JSON.stringify(issue.input)}`,
  );
}

export const NewEventSchema = eventSchema(newBase) satisfies v.GenericSchema<unknown, NewClientEvent>;
export const StoredEventSchema = eventSchema(storedBase) satisfies v.GenericSchema<unknown, NewClientEvent>;

export { MAX_INSTANT };
