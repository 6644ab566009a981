// Validates a complete Settings object (e.g. from storage, a backup or the options form) against
// the shape of defaultSettings plus per-setting rules. Every error names the setting path so the
// options page can put the message next to the right input.
import { dayNumOfDate, parseHHMM } from '../calendar/time';
import { isValidTimeZone } from '../calendar/zone';
import { defaultSettings } from './defaults';
import { plainDataIssues } from '../schemas/plain';
import type { Settings } from './settings-types';

export interface SettingsError {
  path: string;
  message: string;
}
export type SettingsValidation = { ok: true; value: Settings } | { ok: false; errors: SettingsError[] };

type Check = (value: unknown) => string | null;

/** Longest text a setting may hold (a call script is a few thousand characters). */
const MAX_TEXT = 20_000;
/** Most dates a days-off list may hold (a century of holidays is fewer). */
const MAX_DATES = 2000;

const hhmm: Check = (v) => (typeof v === 'string' && parseHHMM(v) !== null ? null : 'must be HH:MM');
const intRange =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `must be a whole number from ${min} to ${max}`;
const money: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && Number.isInteger(v) ? null : 'must be a whole amount of tenge ≥ 0';
const nonEmpty: Check = (v) =>
  typeof v !== 'string' || v.trim() === ''
    ? 'must not be empty'
    : v.length > MAX_TEXT
      ? `must be at most ${MAX_TEXT} characters`
      : null;
const dateList: Check = (v) =>
  Array.isArray(v) && v.length <= MAX_DATES && v.every((d) => typeof d === 'string' && dayNumOfDate(d) !== null)
    ? null
    : `must be a list of at most ${MAX_DATES} YYYY-MM-DD dates`;

/** Rules beyond "same type as the default", by exact path. */
const CHECKS: Record<string, Check> = {
  'interface.language': (v) => (v === 'ru' || v === 'en' ? null : 'must be ru or en'),
  'calendar.timeZone': (v) =>
    typeof v === 'string' && isValidTimeZone(v) ? null : 'must be an IANA time zone such as Asia/Almaty',
  'calendar.workStart': hhmm,
  'calendar.workEnd': hhmm,
  'calendar.workDays': (v) =>
    Array.isArray(v) && v.length > 0 && v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) && new Set(v).size === v.length
      ? null
      : 'must list distinct ISO weekdays 1 (Mon) … 7 (Sun), at least one',
  'calendar.extraDaysOff': dateList,
  'calendar.extraWorkingDays': dateList,
  'newClients.firstContactMinutes': intRange(1, 24 * 60),
  'newClients.firstContactNextDayBy': hhmm,
  'newClients.conceptCallHours': intRange(1, 24 * 14),
  'newClients.referenceAccounts': intRange(0, 20),
  'newClients.firstPlanDays': intRange(1, 60),
  'newClients.firstPostWorkingDays': intRange(1, 60),
  'currentClients.periodDays': intRange(7, 366),
  'currentClients.firstPeriodStart': (v) =>
    v === 'first-post' || v === 'start-date-field' ? null : 'must be first-post or start-date-field',
  'currentClients.dailyPostBy': hhmm,
  'currentClients.dailyPostReminder': hhmm,
  'currentClients.storiesEveryDays': intRange(1, 60),
  'currentClients.plan2Day': intRange(1, 365),
  'currentClients.plan3Day': intRange(1, 365),
  'currentClients.planLengths': (v) =>
    Array.isArray(v) && v.length === 3 && v.every((d) => Number.isInteger(d) && d >= 1 && d <= 366)
      ? null
      : 'must be three day counts',
  'currentClients.planWorkingDays': intRange(1, 60),
  'currentClients.planStartTime': hhmm,
  'currentClients.engagementSlots': (v) =>
    Array.isArray(v) && v.length <= 48 && v.every((s) => hhmm(s) === null) && new Set(v).size === v.length
      ? null
      : 'must be a list of at most 48 distinct HH:MM times',
  'currentClients.engagementOverdueMinutes': intRange(1, 24 * 60),
  'currentClients.renewalContactDaysBefore': intRange(0, 60),
  'currentClients.renewalContactBy': hhmm,
  'currentClients.lostAfterDays': intRange(0, 366),
  'alarms.hourRuleWarningMinutes': intRange(0, 24 * 60),
  'alarms.dayRuleWarningMinutes': intRange(0, 7 * 24 * 60),
  'alarms.quietHoursStart': hhmm,
  'alarms.quietHoursEnd': hhmm,
  'motivation.baseSalary': money,
  'motivation.renewalBonus': money,
  'motivation.lossPenalty': money,
  'motivation.refundPenalty': money,
  'motivation.keptBonus': money,
  'motivation.bestManagerBonus': money,
  'motivation.refundWindowDays': intRange(1, 366),
  'motivation.serviceMonthDays': intRange(1, 366),
  'motivation.firstPostFine': (v) => (v === null ? null : money(v)),
  'people.growthSpecialist': nonEmpty,
  'people.adManager': nonEmpty,
  'people.agencyEmail': (v) =>
    typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'must be an e-mail address',
  'amocrm.subdomain': (v) => (typeof v === 'string' && /^[a-z0-9-]*$/i.test(v) ? null : 'must be letters, digits or dashes'),
  'amocrm.lossRefundMarker': nonEmpty,
};

/** Leaves where null is allowed although the default is of another type, or vice versa. */
const NULLABLE = new Set(['motivation.firstPostFine']);

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function walk(shape: unknown, value: unknown, path: string, errors: SettingsError[]): void {
  const check = CHECKS[path];
  if (check) {
    const msg = check(value);
    if (msg) errors.push({ path, message: msg });
    return;
  }
  const expected = kindOf(shape);
  const actual = kindOf(value);
  if (NULLABLE.has(path) && actual === 'null') return;
  if (expected === 'object' && actual === 'object') {
    const s = shape as Record<string, unknown>;
    const v = value as Record<string, unknown>;
    // Own properties only: `toString`, `constructor` or `__proto__` are not settings.
    for (const key of Object.keys(s))
      walk(s[key], Object.hasOwn(v, key) ? v[key] : undefined, path ? `${path}.${key}` : key, errors);
    for (const key of Object.keys(v)) {
      if (!Object.hasOwn(s, key)) errors.push({ path: path ? `${path}.${key}` : key, message: 'unknown setting' });
    }
    return;
  }
  if (expected === 'null') return; // a nullable default with no CHECKS entry accepts anything
  if (expected !== actual) {
    errors.push({
      path: path || '(root)',
      message: actual === 'undefined' ? 'is missing' : `must be ${expected === 'object' ? 'an object' : `a ${expected}`}`,
    });
    return;
  }
  if (expected === 'string' && (value as string).length > MAX_TEXT) {
    errors.push({ path, message: `must be at most ${MAX_TEXT} characters` });
  } else if (
    expected === 'string' &&
    path.startsWith('amocrm.') &&
    (value as string).trim() === '' &&
    !path.endsWith('pipelineName')
  ) {
    errors.push({ path, message: 'must not be empty' });
  } else if (
    expected === 'string' &&
    path.startsWith('templates.') &&
    path.endsWith('.text') &&
    (value as string).trim() === ''
  ) {
    errors.push({ path, message: 'must not be empty' });
  } else if (expected === 'number' && !Number.isFinite(value as number)) {
    errors.push({ path, message: 'must be a finite number' });
  }
}

export function validateSettings(input: unknown): SettingsValidation {
  const plain = plainDataIssues(input);
  if (plain.length) return { ok: false, errors: plain };
  const errors: SettingsError[] = [];
  walk(defaultSettings, input, '', errors);
  if (errors.length === 0) {
    const s = input as Settings;
    const open = parseHHMM(s.calendar.workStart)!;
    const close = parseHHMM(s.calendar.workEnd)!;
    if (open >= close) errors.push({ path: 'calendar.workEnd', message: 'must be later than calendar.workStart' });
    if (s.currentClients.plan3Day <= s.currentClients.plan2Day) {
      errors.push({ path: 'currentClients.plan3Day', message: 'must be later than currentClients.plan2Day' });
    }
    if (s.currentClients.plan3Day >= s.currentClients.periodDays) {
      errors.push({ path: 'currentClients.plan3Day', message: 'must fall inside the period (currentClients.periodDays)' });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: input as Settings };
}
