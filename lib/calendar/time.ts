// Zone-free day arithmetic on "day numbers" (days since 1970-01-01) and `HH:MM` strings.
// Why: the engine works on epoch-ms numbers for speed; these helpers never touch the machine zone
// because they only use the UTC getters of Date.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

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

/**
 * `YYYY-MM-DD` → day number, or null when it is not a real calendar date (years before 100 are
 * refused too, as Date.UTC, which read them as 19xx, used to). Read with charCodeAt: the engine
 * reads start dates and ticked dates of every client.
 */
export function dayNumOfDate(date: string): number | null {
  // '-' 45
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const century = twoDigits(date, 0);
  const yearOf = twoDigits(date, 2);
  if (century < 1 || yearOf < 0) return null;
  return civilDayNum(century * 100 + yearOf, twoDigits(date, 5), twoDigits(date, 8));
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

/** The two-digit number at `i`, or -1 when either character is not a digit. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Day number of a proleptic Gregorian date (Hinnant's days_from_civil), or null when it is not a
 * real date (negative parts stand for unreadable digits).
 */
function civilDayNum(y: number, m: number, d: number): number | null {
  if (y < 0 || m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m]!)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * `YYYY-MM-DDTHH:mm` (exactly that form, a real date and time) → day number × 1440 + minute of
 * day, else null. Equal numbers ⇔ equal keys, so the engine matches round ticks to slots by
 * number. Read with charCodeAt: it runs once per round tick per client (no regex, no Date, no
 * strings built), cheaper than even a Map lookup of the key.
 */
export function slotNumOfKey(key: string): number | null {
  // '-' 45, 'T' 84, ':' 58
  if (key.length !== 16 || key.charCodeAt(4) !== 45 || key.charCodeAt(7) !== 45) return null;
  if (key.charCodeAt(10) !== 84 || key.charCodeAt(13) !== 58) return null;
  const century = twoDigits(key, 0);
  const yearOf = twoDigits(key, 2);
  const h = twoDigits(key, 11);
  const mi = twoDigits(key, 14);
  if (century < 0 || yearOf < 0 || h < 0 || h > 23 || mi < 0 || mi > 59) return null;
  const day = civilDayNum(century * 100 + yearOf, twoDigits(key, 5), twoDigits(key, 8));
  return day === null ? null : day * 1440 + h * 60 + mi;
}
