// Kazakhstan public holidays from the precomputed data file (KZ only, ~20 KB).
import { KZ_HOLIDAYS, KZ_HOLIDAYS_FIRST_YEAR, KZ_HOLIDAYS_LAST_YEAR } from './kz-holidays.data';
import { dayNumOfDate } from './time';

export { KZ_HOLIDAYS_FIRST_YEAR, KZ_HOLIDAYS_LAST_YEAR };

let byDayNum: Map<number, string> | null = null;

/** Day number → holiday name, built lazily once per process. */
export function kzHolidayMap(): ReadonlyMap<number, string> {
  if (!byDayNum) {
    byDayNum = new Map();
    for (const [date, name] of KZ_HOLIDAYS) {
      const n = dayNumOfDate(date);
      if (n !== null) byDayNum.set(n, name);
    }
  }
  return byDayNum;
}

/** True when the data file covers the year (outside it only weekends and overrides apply). */
export function kzHolidaysCover(year: number): boolean {
  return year >= KZ_HOLIDAYS_FIRST_YEAR && year <= KZ_HOLIDAYS_LAST_YEAR;
}
