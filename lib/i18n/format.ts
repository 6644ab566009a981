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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date formatter of a language and options, made once: making one costs far more than using
 * it (a new one per row took half a second of the popup's first paint with 300 clients).
 */
export function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', options)));
  return format;
}

/** A calendar day «3 дек.» / «3 Dec» of a `YYYY-MM-DD` (no zone). */
export function formatDay(isoDay: string, locale: Locale): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return dateFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(Date.UTC(y!, m! - 1, d!));
}

/** Clock time «14:05» (or a date and time) in the agency zone, whatever zone the browser runs in. */
export function formatInZone(at: number, timeZone: string, locale: Locale, withDate = false): string {
  return dateFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  }).format(at);
}
