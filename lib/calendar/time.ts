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

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil; month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `YYYY-MM-DDTHH:mm` (exactly that form, a real date and time) → day number × 1440 + minute of
 * day, else null. Equal numbers ⇔ equal keys, so the engine matches round ticks to slots by
 * number. Read with charCodeAt: it runs once per round tick per client (no regex, no Date).
 */
export function slotNumOfKey(key: string): number | null {
  if (key.length !== 16 || key[4] !== '-' || key[7] !== '-' || key[10] !== 'T' || key[13] !== ':') return null;
  const y = digitsAt(key, 0, 4);
  const mo = digitsAt(key, 5, 2);
  const d = digitsAt(key, 8, 2);
  const h = digitsAt(key, 11, 2);
  const mi = digitsAt(key, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const monthDays = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (d > monthDays) return null;
  return daysFromCivil(y, mo, d) * 1440 + h * 60 + mi;
}
