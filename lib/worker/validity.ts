// How long what the engine derived at one moment stays right for later moments (the whole plan
// in ./replan.ts, each client's share in ./derived.ts):
//   - recurring occurrences are generated up to t + 1 day, so the result is complete for well
//     under a day: 6 hours;
//   - the local day decides periods and start dates, so it ends at the next local midnight of
//     the agency zone;
//   - facts dated after t are ignored until their time, so it ends at the first of them.
import { calendarFor } from '../calendar';
import type { ClientEvent } from '../model/facts';
import type { Settings } from './engine';
import { HOUR } from '../calendar/time';

/** How long derived candidates are trusted at most (recurring occurrences are generated 1 day ahead). */
export const PLAN_CACHE_TTL = 6 * HOUR;

/**
 * Until when candidates computed at `computedAt` hold: 6 hours, the next local midnight of the
 * agency zone, or the first fact dated after computedAt, whichever comes first.
 */
export function validUntilOf(computedAt: number, settings: Settings, events: Iterable<readonly ClientEvent[]>): number {
  const cal = calendarFor(settings.calendar);
  let until = Math.min(computedAt + PLAN_CACHE_TTL, cal.atLocal(cal.dayNumOf(computedAt) + 1, 0));
  for (const list of events) {
    // Each list is in time order: only its tail can lie ahead.
    for (let i = list.length - 1; i >= 0 && list[i]!.at > computedAt; i--) if (list[i]!.at < until) until = list[i]!.at;
  }
  return until;
}
