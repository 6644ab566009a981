// Where a client stands today: the period («день 7 из 30») and the phase of its life.
import type { ClientEvent, Instant } from '../model/facts';
import type { Settings } from '../playbook/settings';
import { dateOfDayNum } from '../calendar/time';
import { analyze } from './analyze';
import type { SlaClient } from './context';

export interface PeriodInfo {
  /** 1-based period number (1 = the first month of service). */
  index: number;
  /** S and E as instants (local midnights); E is exclusive. */
  start: Instant;
  end: Instant;
  startDate: string;
  /** Last day of service `YYYY-MM-DD` (E − 1 day), for «до 31 декабря». */
  lastDate: string;
  /** 1-based day of the period today; above `length` while waiting for payment after E. */
  day: number;
  length: number;
}

export type ClientPhase = 'new' | 'current' | 'renewal' | 'lost';

/** The latest period started on or before today, or null before the first post. */
export function periodOf(client: SlaClient, events: readonly ClientEvent[], settings: Settings, now: Instant): PeriodInfo | null {
  void client;
  const { p, periods } = analyze(events, settings, now);
  const today = p.cal.dayNumOf(now);
  let cur = null;
  for (const span of periods) if (span.startDay <= today) cur = span;
  if (!cur) return null;
  const length = cur.endDay - cur.startDay;
  return {
    index: cur.index,
    start: p.cal.atLocal(cur.startDay, 0),
    end: p.cal.atLocal(cur.endDay, 0),
    startDate: dateOfDayNum(cur.startDay),
    lastDate: dateOfDayNum(cur.endDay - 1),
    day: today - cur.startDay + 1,
    length,
  };
}

/**
 * new: no period yet; current: inside a period before the renewal window; renewal: from
 * E − renewalContactDaysBefore until payment; lost: stage «Клиент потерян» or a refund (not
 * won back by a later payment). The loss reason alone (without a dated event) does not count.
 */
export function clientPhase(client: SlaClient, events: readonly ClientEvent[], settings: Settings, now: Instant): ClientPhase {
  void client;
  const { p, periods, lostAt } = analyze(events, settings, now);
  if (lostAt !== null) return 'lost';
  const today = p.cal.dayNumOf(now);
  let cur = null;
  for (const span of periods) if (span.startDay <= today) cur = span;
  if (!cur) return 'new';
  return today >= cur.endDay - settings.currentClients.renewalContactDaysBefore ? 'renewal' : 'current';
}
