// One calendar per settings object: building one costs Intl calls and holiday maps, and the
// engine, the alarm planner and payroll call it with the same settings again and again.
import { createCalendar, type BusinessCalendar } from './calendar';
import type { CalendarSettings } from './types';

const cache = new WeakMap<CalendarSettings, BusinessCalendar>();

export function calendarFor(settings: CalendarSettings): BusinessCalendar {
  let cal = cache.get(settings);
  if (!cal) {
    cal = createCalendar(settings);
    cache.set(settings, cal);
  }
  return cal;
}
