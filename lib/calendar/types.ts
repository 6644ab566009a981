/** How the agency's business calendar is configured (the `calendar` group of Settings). */
export interface CalendarSettings {
  /** IANA zone every rule is computed in, e.g. `Asia/Almaty`. */
  timeZone: string;
  /** Opening time `HH:MM` (inclusive). */
  workStart: string;
  /** Closing time `HH:MM` (exclusive). */
  workEnd: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workDays: number[];
  /** Use the Kazakhstan public holidays shipped in kz-holidays.data.ts. */
  useKzHolidays: boolean;
  /** Extra days off `YYYY-MM-DD` (days the government moves, agency days off). */
  extraDaysOff: string[];
  /** Extra working days `YYYY-MM-DD`; they win over weekends, holidays and extraDaysOff. */
  extraWorkingDays: string[];
}

/** Wall-clock parts of an instant in the agency zone. */
export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local calendar day as days since 1970-01-01 (handy for day arithmetic). */
  dayNum: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** `YYYY-MM-DD` */
  date: string;
}

export interface HolidayEntry {
  /** `YYYY-MM-DD` */
  date: string;
  name: string;
  /** Where the day off comes from. */
  source: 'kz' | 'extra-day-off' | 'extra-working-day';
}
