import type { CalendarSettings } from './types';

/** The agency's calendar as docs/playbook.md states it. */
export const defaultCalendarSettings: CalendarSettings = {
  timeZone: 'Asia/Almaty',
  workStart: '10:00',
  workEnd: '20:00',
  workDays: [1, 2, 3, 4, 5],
  useKzHolidays: true,
  extraDaysOff: [],
  extraWorkingDays: [],
};
