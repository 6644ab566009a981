// The settings as they enter the store (options form, `settings.set`, a backup, a scenario file):
// the shape of Settings with each setting's bounds. Structural only — the values themselves live
// in lib/playbook/defaults.ts. Messages are the ones lib/options/strings.ts translates, and every
// failure inside a list or a pair carries the setting's one message, so the options page can put
// it next to that setting's input (lib/playbook/validate-settings.ts drops the item index).
import * as v from 'valibot';
import { parseHHMM } from '../calendar/time';
import { isValidTimeZone } from '../calendar/zone';
import type { Settings } from './settings-types';
import { isCalendarDate, notArray, obj } from '../schemas/common';

/** Longest text a setting may hold (a call script is a few thousand characters). */
export const MAX_SETTING_TEXT = 20_000;
/** Most dates a days-off list may hold (a century of holidays is fewer). */
export const MAX_DATES = 2000;
/** Most round times a day may hold (one every half hour). */
export const MAX_SLOTS = 48;

const tooLong = `must be at most ${MAX_SETTING_TEXT} characters`;
const anyText = v.pipe(v.string('must be a string'), v.maxLength(MAX_SETTING_TEXT, tooLong));
const nonEmpty = v.pipe(
  anyText,
  v.check((s) => s.trim() !== '', 'must not be empty'),
);
const bool = v.boolean('must be a boolean');

const isClockTime = (s: string) => parseHHMM(s) !== null;
const hhmm = (message = 'must be HH:MM') => v.pipe(v.string(message), v.check(isClockTime, message));

const whole = (min: number, max: number, message = `must be a whole number from ${min} to ${max}`) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

const moneyMessage = 'must be a whole amount of tenge ≥ 0';
const money = v.pipe(v.number(moneyMessage), v.safeInteger(moneyMessage), v.minValue(0, moneyMessage));

const distinct = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/**
 * A list that is one setting: its length is checked before its items (a huge list is not walked),
 * and any failure says what the whole list must be.
 */
function list<S extends v.GenericSchema>(
  item: (message: string) => S,
  bounds: { min?: number; max: number; distinct?: boolean },
  message: string,
) {
  return v.pipe(
    v.array(v.unknown(), message),
    v.minLength(bounds.min ?? 0, message),
    v.maxLength(bounds.max, message),
    v.array(item(message), message),
    v.check((xs) => !bounds.distinct || distinct(xs), message),
  );
}

const dateList = list(
  (message) => v.pipe(v.string(message), v.check(isCalendarDate, message)),
  { max: MAX_DATES },
  `must be a list of at most ${MAX_DATES} YYYY-MM-DD dates`,
);

const group = <E extends v.ObjectEntries>(entries: E) => notArray(obj(entries, 'unknown setting'));

const calendar = group({
  timeZone: v.pipe(
    v.string('must be an IANA time zone such as Asia/Almaty'),
    v.maxLength(100, 'must be an IANA time zone such as Asia/Almaty'),
    v.check(isValidTimeZone, 'must be an IANA time zone such as Asia/Almaty'),
  ),
  workStart: hhmm(),
  workEnd: hhmm(),
  workDays: list(
    (message) => whole(1, 7, message),
    { min: 1, max: 7, distinct: true },
    'must list distinct ISO weekdays 1 (Mon) … 7 (Sun), at least one',
  ),
  useKzHolidays: bool,
  extraDaysOff: dateList,
  extraWorkingDays: dateList,
});

const newClients = group({
  firstContactMinutes: whole(1, 24 * 60),
  firstContactNextDayBy: hhmm(),
  conceptCallHours: whole(1, 24 * 14),
  referenceAccounts: whole(0, 20),
  firstPlanDays: whole(1, 60),
  firstPostWorkingDays: whole(1, 60),
});

const dayCount = whole(1, 366, 'must be three day counts');

const currentClients = group({
  periodDays: whole(7, 366),
  firstPeriodStart: v.picklist(['first-post', 'start-date-field'], 'must be first-post or start-date-field'),
  dailyPostBy: hhmm(),
  dailyPostReminder: hhmm(),
  storiesEveryDays: whole(1, 60),
  plan2Day: whole(1, 365),
  plan3Day: whole(1, 365),
  planLengths: v.strictTuple([dayCount, dayCount, dayCount], 'must be three day counts'),
  planWorkingDays: whole(1, 60),
  planStartTime: hhmm(),
  engagementSlots: list(hhmm, { max: MAX_SLOTS, distinct: true }, `must be a list of at most ${MAX_SLOTS} distinct HH:MM times`),
  engagementOverdueMinutes: whole(1, 24 * 60),
  renewalContactDaysBefore: whole(0, 60),
  renewalContactBy: hhmm(),
  lostAfterDays: whole(0, 366),
});

const alarms = group({
  hourRuleWarningMinutes: whole(0, 24 * 60),
  dayRuleWarningMinutes: whole(0, 7 * 24 * 60),
  quietHoursStart: hhmm(),
  quietHoursEnd: hhmm(),
  breachesIgnoreQuietHours: bool,
});

const motivation = group({
  baseSalary: money,
  renewalBonus: money,
  lossPenalty: money,
  refundPenalty: money,
  keptBonus: money,
  bestManagerBonus: money,
  refundWindowDays: whole(1, 366),
  serviceMonthDays: whole(1, 366),
  firstPostFine: v.nullable(money),
});

const email = 'must be an e-mail address';
const people = group({
  growthSpecialist: nonEmpty,
  adManager: nonEmpty,
  agencyName: anyText,
  agencyEmail: v.pipe(v.string(email), v.maxLength(254, email), v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, email)),
});

/** A name as amoCRM shows it: matched against the account, so it cannot be empty. */
const amoName = nonEmpty;
const amocrm = group({
  subdomain: v.pipe(
    v.string('must be letters, digits or dashes'),
    v.maxLength(63, 'must be at most 63 characters'),
    v.regex(/^[a-z0-9-]*$/i, 'must be letters, digits or dashes'),
  ),
  // Empty = the account's main pipeline.
  pipelineName: anyText,
  stageNames: group({
    contacted: amoName,
    questionnaire: amoName,
    launched: amoName,
    'notice-sent': amoName,
    lost: amoName,
  }),
  fieldNames: group({ service: amoName, payer: amoName, startDate: amoName, credentials: amoName, instagram: amoName }),
  serviceValues: group({ management: amoName, complex: amoName }),
  payerValues: group({ individual: amoName, legal: amoName }),
  lossRefundMarker: amoName,
  shareFacts: bool,
});

// Titles and subjects may be empty (a call script has no subject); the text may not.
const template = group({ title: anyText, subject: anyText, text: nonEmpty });

export const SettingsSchema = v.pipe(
  group({
    interface: group({ language: v.picklist(['ru', 'en'], 'must be ru or en') }),
    calendar,
    newClients,
    currentClients,
    alarms,
    motivation,
    people,
    amocrm,
    templates: group({
      firstCallScript: template,
      renewalScript: template,
      paymentDetailsIndividual: template,
      invoiceLegal: template,
      followerQuestion: template,
    }),
  }),
  // Relations between settings, checked once every setting is valid on its own.
  v.forward(
    v.check((s) => parseHHMM(s.calendar.workStart)! < parseHHMM(s.calendar.workEnd)!, 'must be later than calendar.workStart'),
    ['calendar', 'workEnd'],
  ),
  v.forward(
    v.check((s) => s.currentClients.plan3Day > s.currentClients.plan2Day, 'must be later than currentClients.plan2Day'),
    ['currentClients', 'plan3Day'],
  ),
  v.forward(
    v.check(
      (s) => s.currentClients.plan3Day < s.currentClients.periodDays,
      'must fall inside the period (currentClients.periodDays)',
    ),
    ['currentClients', 'plan3Day'],
  ),
);

/** True when A and B are the same type (not merely assignable). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// The schema and the Settings type cannot drift apart: this line stops compiling if they do.
const _schemaIsSettings: Same<v.InferOutput<typeof SettingsSchema>, Settings> = true;
void _schemaIsSettings;
