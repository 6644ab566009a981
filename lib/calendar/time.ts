// Zone-free day arithmetic on "day numbers" (days since 1970-01-01) and `HH:MM` strings.
// Why: the engine works on epoch-ms numbers for speed; these helpers never touch the machine zone
// because they only use the UTC getters of Date.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` → minutes since midnight, or null when malformed. */
export function parseHHMM(text: string): number | null {
  const m = HHMM_RE.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatHHMM(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** `YYYY-MM-DD` → day number, or null when it is not a real calendar date. */
export function dayNumOfDate(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY;
}

const dateCache = new Map<number, string>();

/** Day number → `YYYY-MM-DD` (cached: the engine formats the same few hundred days repeatedly). */
export function dateOfDayNum(dayNum: number): string {
  let s = dateCache.get(dayNum);
  if (s === undefined) {
    s = new Date(dayNum * DAY).toISOString().slice(0, 10);
    if (dateCache.size > 100_000) dateCache.clear();
    dateCache.set(dayNum, s);
  }
  return s;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfDayNum(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM` of a day number. */
export function monthOfDayNum(dayNum: number): string {
  return dateOfDayNum(dayNum).slice(0, 7);
}
