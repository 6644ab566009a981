// The agency's business calendar: zone, working hours, working days, holidays and the
// working-day arithmetic of docs/playbook.md. Everything is computed in the agency zone,
// whatever zone the machine runs in, on epoch-ms numbers with cached per-day data.
import type { Instant } from '../model/facts';
import { kzHolidayMap, kzHolidaysCover } from './holidays';
import { DAY, HOUR, MINUTE, dateOfDayNum, dayNumOfDate, parseHHMM, weekdayOfDayNum } from './time';
import type { CalendarSettings, HolidayEntry, LocalParts } from './types';
import { createZoneClock } from './zone';

export interface BusinessCalendar {
  readonly settings: CalendarSettings;
  readonly timeZone: string;
  /** Opening and closing minute of day (closing exclusive). */
  readonly openMinute: number;
  readonly closeMinute: number;
  /** Offset (ms) of the agency zone at an instant. */
  offsetAt(t: Instant): number;
  /** Wall-clock parts of an instant in the agency zone. */
  partsOf(t: Instant): LocalParts;
  /** Local day number (days since 1970-01-01) of an instant. */
  dayNumOf(t: Instant): number;
  /** Minutes since local midnight of an instant. */
  minuteOfDayOf(t: Instant): number;
  /** `YYYY-MM-DD` in the agency zone. */
  localDateOf(t: Instant): string;
  /** Instant of a local wall time: day number (or `YYYY-MM-DD`) plus minutes since midnight. */
  atLocal(day: number | string, minuteOfDay: number): Instant;
  /** Instant of a local `YYYY-MM-DDTHH:mm[:ss]` wall time (no offset). */
  fromLocalIso(text: string): Instant | null;
  /** Local midnight that starts the day of t. */
  startOfLocalDay(t: Instant): Instant;
  isWorkingDay(day: number | string | Date): boolean;
  /** Inside a working day's hours: opening inclusive, closing exclusive. */
  isWorkingTime(t: Instant): boolean;
  /** The first opening time (working day at workStart) at or after t. */
  nextOpening(t: Instant): Instant;
  /** t when inside working hours, else the next opening. */
  clampToWorkingTime(t: Instant): Instant;
  /** "N working days after t" as the playbook defines it. */
  addWorkingDays(t: Instant, n: number): Instant;
  /** Days off of a year with names: KZ holidays, extra days off, extra working days (listed so the options page can show them). */
  holidaysOf(year: number): HolidayEntry[];
  /** ISO 8601 with the agency offset, seconds precision: `2026-12-02T11:00:00+05:00`. */
  formatIso(t: Instant): string;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function offsetText(offMs: number): string {
  const sign = offMs < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offMs / MINUTE));
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const LOCAL_ISO_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

export function createCalendar(settings: CalendarSettings): BusinessCalendar {
  const zone = createZoneClock(settings.timeZone);
  const open = parseHHMM(settings.workStart);
  const close = parseHHMM(settings.workEnd);
  if (open === null || close === null || open >= close) {
    throw new Error(`calendar: bad working hours ${settings.workStart}–${settings.workEnd}`);
  }
  const workDays = new Set(settings.workDays);
  const extraOff = new Set<number>();
  const extraWork = new Set<number>();
  for (const d of settings.extraDaysOff) {
    const n = dayNumOfDate(d);
    if (n !== null) extraOff.add(n);
  }
  for (const d of settings.extraWorkingDays) {
    const n = dayNumOfDate(d);
    if (n !== null) extraWork.add(n);
  }
  const holidays = settings.useKzHolidays ? kzHolidayMap() : new Map<number, string>();
  const workingCache = new Map<number, boolean>();

  function dayNumFromInput(day: number | string | Date): number {
    if (typeof day === 'number') return day;
    if (typeof day === 'string') {
      const n = dayNumOfDate(day);
      if (n === null) throw new Error(`not a date: ${day}`);
      return n;
    }
    return dayNumOf(day.getTime());
  }

  function isWorkingDayNum(n: number): boolean {
    let w = workingCache.get(n);
    if (w === undefined) {
      w = extraWork.has(n) || (workDays.has(weekdayOfDayNum(n)) && !holidays.has(n) && !extraOff.has(n));
      workingCache.set(n, w);
    }
    return w;
  }

  function dayNumOf(t: Instant): number {
    return Math.floor(zone.toLocalMs(t) / DAY);
  }

  function minuteOfDayOf(t: Instant): number {
    const local = zone.toLocalMs(t);
    return Math.floor((local - Math.floor(local / DAY) * DAY) / MINUTE);
  }

  function atLocal(day: number | string, minuteOfDay: number): Instant {
    const n = typeof day === 'number' ? day : dayNumFromInput(day);
    return zone.fromLocalMs(n * DAY + minuteOfDay * MINUTE);
  }

  function isWorkingTime(t: Instant): boolean {
    const n = dayNumOf(t);
    if (!isWorkingDayNum(n)) return false;
    const m = minuteOfDayOf(t);
    return m >= open! && m < close!;
  }

  function nextOpening(t: Instant): Instant {
    let n = dayNumOf(t);
    // The same day still counts when t is at or before its opening time.
    if (isWorkingDayNum(n) && atLocal(n, open!) >= t) return atLocal(n, open!);
    for (let i = 0; i < 3660; i++) {
      n += 1;
      if (isWorkingDayNum(n)) return atLocal(n, open!);
    }
    throw new Error('calendar: no working day within 10 years');
  }

  function clampToWorkingTime(t: Instant): Instant {
    return isWorkingTime(t) ? t : nextOpening(t);
  }

  function addWorkingDays(t: Instant, n: number): Instant {
    const start = clampToWorkingTime(t);
    let day = dayNumOf(start);
    const minute = (zone.toLocalMs(start) - day * DAY) / MINUTE; // keeps seconds as a fraction
    let left = Math.max(0, Math.floor(n));
    let guard = 0;
    while (left > 0) {
      day += 1;
      if (isWorkingDayNum(day)) left -= 1;
      if (++guard > 36_600) throw new Error('calendar: working days exhausted');
    }
    return atLocal(day, minute);
  }

  function partsOf(t: Instant): LocalParts {
    const local = zone.toLocalMs(t);
    const d = new Date(local);
    const dayNum = Math.floor(local / DAY);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      weekday: weekdayOfDayNum(dayNum),
      dayNum,
      minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes(),
      date: dateOfDayNum(dayNum),
    };
  }

  function holidaysOf(year: number): HolidayEntry[] {
    const from = Date.UTC(year, 0, 1) / DAY;
    const to = Date.UTC(year + 1, 0, 1) / DAY;
    const out: HolidayEntry[] = [];
    for (let n = from; n < to; n++) {
      const date = dateOfDayNum(n);
      if (extraWork.has(n)) out.push({ date, name: 'Рабочий день (перенос)', source: 'extra-working-day' });
      else if (holidays.has(n)) out.push({ date, name: holidays.get(n)!, source: 'kz' });
      else if (extraOff.has(n)) out.push({ date, name: 'Дополнительный выходной', source: 'extra-day-off' });
    }
    return out;
  }

  function formatIso(t: Instant): string {
    const off = zone.offsetAt(t);
    const d = new Date(t + off);
    const iso = d.toISOString(); // UTC getters of the shifted date = local wall clock
    return `${iso.slice(0, 19)}${offsetText(off)}`;
  }

  function fromLocalIso(text: string): Instant | null {
    const m = LOCAL_ISO_RE.exec(text);
    if (!m) return null;
    const n = dayNumOfDate(m[1]!);
    const h = Number(m[2]);
    const min = Number(m[3]);
    const s = m[4] === undefined ? 0 : Number(m[4]);
    if (n === null || h > 23 || min > 59 || s > 59) return null;
    return zone.fromLocalMs(n * DAY + h * HOUR + min * MINUTE + s * 1000);
  }

  return {
    settings,
    timeZone: settings.timeZone,
    openMinute: open,
    closeMinute: close,
    offsetAt: zone.offsetAt,
    partsOf,
    dayNumOf,
    minuteOfDayOf,
    localDateOf: (t) => dateOfDayNum(dayNumOf(t)),
    atLocal,
    fromLocalIso,
    startOfLocalDay: (t) => atLocal(dayNumOf(t), 0),
    isWorkingDay: (day) => isWorkingDayNum(dayNumFromInput(day)),
    isWorkingTime,
    nextOpening,
    clampToWorkingTime,
    addWorkingDays,
    holidaysOf,
    formatIso,
  };
}

export { kzHolidaysCover };
