// Agency-zone (Asia/Almaty, UTC+5 all year) calendar helpers for the fakes. Pure functions.

import { DAY, HOUR, MINUTE } from '../../lib/calendar/time';

export { DAY, HOUR, MINUTE };
export const ALMATY_OFFSET = 5 * HOUR;

/** UTC instant of Almaty midnight of the local day containing `ms`. */
export function localDayStart(ms: number): number {
  return Math.floor((ms + ALMATY_OFFSET) / DAY) * DAY - ALMATY_OFFSET;
}

/** The instant `dayOffset` local days from the day of `now`, at local `h:m`. */
export function atLocal(now: number, dayOffset: number, h: number, m = 0): number {
  return localDayStart(now) + dayOffset * DAY + h * HOUR + m * MINUTE;
}

/** Local calendar date `YYYY-MM-DD` of an instant. */
export function localDate(ms: number): string {
  return new Date(ms + ALMATY_OFFSET).toISOString().slice(0, 10);
}

/** Unix seconds of Almaty midnight of a `YYYY-MM-DD` date (what amoCRM returns for a date field). */
export function dateToUnix(date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - ALMATY_OFFSET) / 1000);
}

export function unix(ms: number): number {
  return Math.floor(ms / 1000);
}

export function localHm(ms: number): string {
  return new Date(ms + ALMATY_OFFSET).toISOString().slice(11, 16);
}

const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** amoCRM feed date: «Сегодня 14:05», «Вчера 10:12», «12 марта 09:30» (year added when not the current one). */
export function amoRelativeDate(ms: number, now: number): string {
  const day = localDayStart(ms);
  const today = localDayStart(now);
  if (day === today) return `Сегодня ${localHm(ms)}`;
  if (day === today - DAY) return `Вчера ${localHm(ms)}`;
  const d = new Date(ms + ALMATY_OFFSET);
  const year = new Date(now + ALMATY_OFFSET).getUTCFullYear() === d.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS_GEN[d.getUTCMonth()]}${year} ${localHm(ms)}`;
}

/** `DD.MM.YYYY` as amoCRM shows a date field. */
export function amoDateField(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** Instagram relative time: «5 мин.», «3 ч.», «2 дн.», «12 марта». */
export function igRelativeTime(ms: number, now: number): string {
  const diff = Math.max(0, now - ms);
  if (diff < HOUR) return `${Math.max(1, Math.floor(diff / MINUTE))} мин.`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} ч.`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)} дн.`;
  const d = new Date(ms + ALMATY_OFFSET);
  const year = new Date(now + ALMATY_OFFSET).getUTCFullYear() === d.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()} г.`;
  return `${d.getUTCDate()} ${MONTHS_GEN[d.getUTCMonth()]}${year}`;
}

export function formatTenge(n: number): string {
  return `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}\u00a0₸`;
}
