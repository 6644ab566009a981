import type { Locale } from './locale';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** «2 ч 10 мин», «3 д 4 ч», «45 мин» — the two largest units, rounded down to the minute. */
export function formatDuration(ms: number, locale: Locale): string {
  const units = locale === 'ru' ? { d: 'д', h: 'ч', m: 'мин' } : { d: 'd', h: 'h', m: 'min' };
  const total = Math.floor(Math.abs(ms) / minute) * minute;
  const days = Math.floor(total / day);
  const hours = Math.floor((total % day) / hour);
  const minutes = Math.floor((total % hour) / minute);
  if (days > 0) return hours > 0 ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`;
  if (hours > 0) return minutes > 0 ? `${hours} ${units.h} ${minutes} ${units.m}` : `${hours} ${units.h}`;
  return `${minutes} ${units.m}`;
}

/** «150 000 ₸» with narrow no-break spaces as Russian typography wants. */
export function formatTenge(amount: number, locale: Locale): string {
  const digits = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 0 }).format(amount);
  return `${digits} ₸`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar day «3 дек.» / «3 Dec» (YYYY-MM-DD, no zone). A formatter is costly to make: one per language. */
export function formatDay(isoDay: string, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
    dayFormats.set(locale, format);
  }
  const [y, m, d] = isoDay.split('-').map(Number);
  return format.format(Date.UTC(y!, m! - 1, d!));
}

/** Clock time «14:05» (or a date and time) in the agency zone, whatever zone the browser runs in. */
export function formatInZone(at: number, timeZone: string, locale: Locale, withDate = false): string {
  const key = `${timeZone}|${locale}|${withDate}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    });
    timeFormats.set(key, format);
  }
  return format.format(at);
}
