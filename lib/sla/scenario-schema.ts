// Scenario files (scenarios/*.json, documented in scenarios/README.md) as `npm run sla` reads
// them. A scenario's times are wall times in the zone of its own settings and its service/payer
// may be written as amoCRM names, so the file schema is made for a reader of those
// (lib/sla/scenario.ts builds it once the settings are known).
import * as v from 'valibot';
import { clientEventTypes, type Instant, type Payer, type Service } from '../model/facts';
import type { ObligationState } from '../model/obligations';
import { RULE_IDS } from '../playbook/rules';
import { instant, isCalendarDate, nonEmptyText, notArray, obj, text } from '../schemas/common';
import { stages } from '../schemas/facts';

/** Most events one scenario may list (a year of daily posts, Stories and rounds is a few thousand). */
export const MAX_SCENARIO_EVENTS = 20_000;
/** Most expected obligations one scenario may list. */
export const MAX_EXPECTED = 2_000;

export interface ScenarioReaders {
  /** ISO 8601 text → instant (a wall time in the agency zone when it has no offset); null when it is not one. */
  time(text: string): Instant | null;
  /** The agency's amoCRM names of the values, accepted beside the codes. */
  serviceValues: Record<Service, string>;
  payerValues: Record<Payer, string>;
}

/** The settings part, read first: the calendar it defines reads every time of the file. */
const overrides = v.optional(
  notArray(v.record(v.string(), v.unknown(), 'must be an object of setting overrides'), 'must be an object of setting overrides'),
);
export const ScenarioHeadSchema = notArray(
  v.looseObject({ settings: overrides }, 'must be a JSON object'),
  'must be a JSON object',
);

const notTime = 'not an ISO 8601 time';

const ruleId = v.picklist(RULE_IDS, 'must be a rule id');
const obligationStates: readonly ObligationState[] = ['open', 'overdue', 'met', 'met-late'];
/** An output time as the runner prints it: compared as text. */
const shownTime = (message: string) => v.pipe(v.string(message), v.maxLength(40, message));
const shownTimeOrNull = v.nullable(shownTime('must be an ISO 8601 time or null'));
/** Optional text that may also be null (absent = null). */
const textOrNull = (max: number) =>
  v.nullish(v.pipe(v.string('must be a string or null'), v.maxLength(max, `must be at most ${max} characters`)), null);

const ExpectSchema = notArray(
  obj({
    obligations: v.optional(
      v.pipe(
        v.array(
          notArray(
            obj({
              rule: ruleId,
              key: v.optional(text(200)),
              id: v.optional(text(600)),
              state: v.optional(v.picklist(obligationStates, `must be one of ${obligationStates.join(', ')}`)),
              startAt: v.optional(shownTime('must be an ISO 8601 time')),
              dueAt: v.optional(shownTimeOrNull),
              metAt: v.optional(shownTimeOrNull),
              missing: v.optional(
                v.pipe(v.array(text(2000), 'must be a list of texts'), v.maxLength(100, 'must list at most 100')),
              ),
            }),
          ),
          'must be an array',
        ),
        v.maxLength(MAX_EXPECTED, `must list at most ${MAX_EXPECTED}`),
      ),
    ),
    count: v.optional(
      v.record(
        ruleId,
        v.pipe(
          v.number('must be an integer ≥ 0'),
          v.safeInteger('must be an integer ≥ 0'),
          v.minValue(0, 'must be an integer ≥ 0'),
        ),
        'must map rule ids to integers',
      ),
    ),
    absent: v.optional(
      v.pipe(v.array(ruleId, 'must be a list of rule ids'), v.maxLength(RULE_IDS.length, 'must list each rule once')),
    ),
  }),
);

/** The schema of a scenario file whose times and names `read` understands. */
export function scenarioSchema(read: ScenarioReaders) {
  const time = v.pipe(
    v.string(notTime),
    v.maxLength(40, notTime),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const t = read.time(dataset.value);
      if (t === null) {
        addIssue({ message: notTime });
        return NEVER;
      }
      return t;
    }),
    instant,
  );

  /** A code (`management`) or the agency's amoCRM name for it («Ведение аккаунта», any case); absent = null. */
  const named = <T extends string>(codes: readonly T[], names: Record<T, string>) => {
    const message = `must be ${codes.join(', ')}, ${codes.map((c) => `«${names[c]}»`).join(', ')} or null`;
    return v.nullish(
      v.pipe(
        v.string(message),
        v.maxLength(500, message),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const said = dataset.value.toLowerCase();
          const hit = codes.find((c) => c === dataset.value) ?? codes.find((c) => names[c].toLowerCase() === said);
          if (hit === undefined) {
            addIssue({ message });
            return NEVER;
          }
          return hit;
        }),
      ),
      null,
    );
  };

  // id, clientId and source may be left out: the runner fills them in (scenarios/README.md).
  const base = {
    at: time,
    id: v.optional(nonEmptyText(600)),
    clientId: v.optional(nonEmptyText(300)),
    source: v.optional(v.picklist(['amocrm', 'instagram', 'manager'], 'must be one of amocrm, instagram, manager')),
  };
  const optional = v.optional(text(2000));
  const item = v.pipe(
    v.string('must be a non-empty checklist item id'),
    v.minLength(1, 'must be a non-empty checklist item id'),
    v.maxLength(200, 'must be a checklist item id of at most 200 characters'),
  );
  const event = v.variant(
    'type',
    [
      obj({ ...base, type: v.literal('deal-created') }),
      obj({ ...base, type: v.literal('stage'), stage: v.picklist(stages, `must be one of ${stages.join(', ')}`) }),
      obj({ ...base, type: v.literal('tick'), item, key: optional, value: optional }),
      obj({ ...base, type: v.literal('untick'), item, key: optional }),
      obj({ ...base, type: v.literal('post'), shortcode: optional }),
      obj({ ...base, type: v.literal('story'), storyId: optional }),
      // The field holds a date; without a time of entry the runner takes that day's midnight.
      obj({
        ...base,
        at: v.optional(time),
        type: v.literal('start-date'),
        date: v.pipe(v.string('must be a date YYYY-MM-DD'), v.check(isCalendarDate, 'must be a date YYYY-MM-DD')),
      }),
      obj({ ...base, type: v.literal('payment') }),
      obj({ ...base, type: v.literal('refund') }),
      obj({ ...base, type: v.literal('call-recording'), link: optional }),
    ],
    (issue) => (issue.expected === 'Object' ? 'must be an object' : `must be one of ${clientEventTypes.join(', ')}`),
  );
  const events = 'must be an array of events';

  return notArray(
    obj({
      description: v.optional(text(5000)),
      now: time,
      settings: overrides,
      client: notArray(
        obj({
          id: nonEmptyText(300),
          name: v.optional(text(500)),
          service: named<Service>(['management', 'complex'], read.serviceValues),
          payer: named<Payer>(['individual', 'legal'], read.payerValues),
          lossReason: textOrNull(2000),
          credentialsFilled: v.optional(v.boolean('must be true or false')),
          managerId: v.nullish(v.pipe(v.number('must be an integer or null'), v.safeInteger('must be an integer or null')), null),
          managerName: textOrNull(500),
          trackedSince: v.optional(time),
          // The length first, so a huge list is refused without walking it.
          events: v.pipe(
            v.array(v.unknown(), events),
            v.maxLength(MAX_SCENARIO_EVENTS, `must list at most ${MAX_SCENARIO_EVENTS} events`),
            v.array(event, events),
          ),
        }),
      ),
      expect: v.optional(ExpectSchema),
    }),
    'must be a JSON object',
  );
}
