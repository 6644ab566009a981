// Building blocks shared by every schema: sane bounds on times, dates, texts and ids.
import * as v from 'valibot';
import { isAmocrmHost } from '../hosts';

/** 2000-01-01T00:00Z and 2100-01-01T00:00Z: no fact of an SMM agency lies outside. */
export const MIN_INSTANT = Date.UTC(2000, 0, 1);
export const MAX_INSTANT = Date.UTC(2100, 0, 1);

export const instant = v.pipe(
  v.number('must be an instant (epoch ms)'),
  v.integer('must be a whole number of ms'),
  v.minValue(MIN_INSTANT, 'must not be before the year 2000'),
  v.maxValue(MAX_INSTANT, 'must not be after the year 2100'),
);

/** A real day `YYYY-MM-DD` between 2000 and 2100. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, a real day between 2000 and 2100. */
export const localDate = v.pipe(
  v.string('must be YYYY-MM-DD'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  v.check(isCalendarDate, 'must be a real date between 2000 and 2100'),
);

export const text = (max: number) => v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`));
export const nonEmptyText = (max: number) => v.pipe(text(max), v.minLength(1, 'must not be empty'));

export const amocrmHost = v.pipe(
  v.string('must be an amoCRM account host'),
  v.maxLength(253, 'must be an amoCRM account host'),
  v.check(isAmocrmHost, 'must be an amoCRM account host ({sub}.amocrm.ru|.amocrm.com|.kommo.com)'),
);

/** `{host}:{leadId}` on an amoCRM account host. */
export const clientId = v.pipe(
  v.string('must be `{host}:{leadId}`'),
  v.maxLength(300, 'must be `{host}:{leadId}`'),
  v.check((s) => {
    const m = /^(.+):(\d{1,15})$/.exec(s);
    return !!m && isAmocrmHost(m[1]!);
  }, 'must be `{host}:{leadId}` on an amoCRM account host'),
);

export const leadId = v.pipe(
  v.number('must be a positive integer'),
  v.safeInteger('must be a positive integer'),
  v.minValue(1, 'must be a positive integer'),
);

export const instagramUsername = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9._]{1,30}$/, 'must be a lower-case Instagram username without @'),
);

/** A strict object: unknown fields refused («unknown field»), missing ones named («is missing»). */
export function obj<E extends v.ObjectEntries>(entries: E, unknown = 'unknown field') {
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? unknown : issue.received === 'undefined' ? 'is missing' : 'must be an object',
  );
}

/** valibot's object schemas take an array for an object (it has keys too): refused first, by `message`. */
export function notArray<S extends v.GenericSchema>(schema: S, message = 'must be an object') {
  return v.pipe(
    v.custom<unknown>((x) => !Array.isArray(x), message),
    schema,
  );
}

/** Who recorded a fact, as amoCRM says (a note's `created_by` and the user's name). */
export const authorSchema = obj({
  id: v.pipe(v.number(), v.safeInteger(), v.minValue(0, 'must be an amoCRM user id')),
  name: v.nullable(text(200)),
});
