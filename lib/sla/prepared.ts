// Settings turned into numbers once (minutes, ms), cached per Settings object, so the hot
// loops never parse `HH:MM` strings.
import { calendarFor, type BusinessCalendar } from '../calendar';
import { MINUTE, parseHHMM } from '../calendar/time';
import type { Settings } from '../playbook/settings';

export interface Prepared {
  settings: Settings;
  cal: BusinessCalendar;
  firstContactMs: number;
  firstContactNextDayBy: number;
  conceptCallMs: number;
  dailyPostBy: number;
  planStart: number;
  /** Slots as minutes of day with their `HH:mm` text (for keys), ascending. */
  slots: { minute: number; text: string }[];
  engagementOverdueMs: number;
  renewalContactBy: number;
}

function minutes(text: string, path: string): number {
  const m = parseHHMM(text);
  if (m === null) throw new Error(`${path}: must be HH:MM`);
  return m;
}

const cache = new WeakMap<Settings, Prepared>();

export function prepare(settings: Settings): Prepared {
  let p = cache.get(settings);
  if (p) return p;
  const n = settings.newClients;
  const c = settings.currentClients;
  p = {
    settings,
    cal: calendarFor(settings.calendar),
    firstContactMs: n.firstContactMinutes * MINUTE,
    firstContactNextDayBy: minutes(n.firstContactNextDayBy, 'newClients.firstContactNextDayBy'),
    conceptCallMs: n.conceptCallHours * 60 * MINUTE,
    dailyPostBy: minutes(c.dailyPostBy, 'currentClients.dailyPostBy'),
    planStart: minutes(c.planStartTime, 'currentClients.planStartTime'),
    slots: c.engagementSlots
      .map((text) => ({ minute: minutes(text, 'currentClients.engagementSlots'), text }))
      .sort((a, b) => a.minute - b.minute),
    engagementOverdueMs: c.engagementOverdueMinutes * MINUTE,
    renewalContactBy: minutes(c.renewalContactBy, 'currentClients.renewalContactBy'),
  };
  cache.set(settings, p);
  return p;
}
