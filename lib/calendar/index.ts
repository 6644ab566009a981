export { createCalendar, kzHolidaysCover, type BusinessCalendar } from './calendar';
export { calendarFor } from './cached';
export { defaultCalendarSettings } from './defaults';
export { KZ_HOLIDAYS_FIRST_YEAR, KZ_HOLIDAYS_LAST_YEAR } from './holidays';
export { DAY, HOUR, MINUTE, dateOfDayNum, dayNumOfDate, formatHHMM, monthOfDayNum, parseHHMM, weekdayOfDayNum } from './time';
export type { CalendarSettings, HolidayEntry, LocalParts } from './types';
export { createZoneClock, isValidTimeZone, type ZoneClock } from './zone';
