import { DEFAULT_TIME_ZONE } from './default-zone';
import type { CalendarSettings } from './types';

/** The agency's calendar as docs/playbook.md states it. */
export const defaultCalendarSettings: CalendarSettings = {
  timeZone: DEFAULT_TIME_ZONE,
  workStart: '10:00',
  workEnd: '20:00',
  workDays: [1, 2, 3, 4, 5],
  useKzHolidays: true,
  extraDaysOff: [],
  extraWorkingDays: [],
};
