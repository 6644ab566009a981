// The month's plan calendar: per client and day, what is planned (format, topic) and whether a
// post was published. Pure.
import type { Client, ClientEvent, Instant } from '../model/facts';
import type { ContentPlan } from '../model/plans';
import { dateOfDayNum, dayNumOfDate } from '../calendar/time';
import type { CalendarCell, MonthCalendar } from './types';

/** Local dates of a `YYYY-MM` month. */
export function datesOfMonth(month: string): string[] {
  const first = dayNumOfDate(`${month}-01`);
  if (first === null) throw new Error(`month: must be YYYY-MM, got ${month}`);
  const out: string[] = [];
  for (let d = first; dateOfDayNum(d).startsWith(month); d++) out.push(dateOfDayNum(d));
  return out;
}

export function buildMonthCalendar(
  month: string,
  clients: readonly Client[],
  plans: readonly ContentPlan[],
  events: Map<string, readonly ClientEvent[]>,
  localDateOf: (t: Instant) => string,
): MonthCalendar {
  const dates = datesOfMonth(month);
  const inMonth = new Set(dates);
  const byClient = new Map<string, Record<string, CalendarCell>>();
  const cell = (clientId: string, date: string): CalendarCell => {
    let row = byClient.get(clientId);
    if (!row) byClient.set(clientId, (row = {}));
    return (row[date] ??= { format: null, topic: null, planState: null, posted: false });
  };
  // Later-updated plans win when two cover the same day (a provisional first plan, then the real one).
  for (const plan of [...plans].sort((a, b) => a.updatedAt - b.updatedAt)) {
    for (const day of plan.days) {
      if (!inMonth.has(day.date)) continue;
      const c = cell(plan.clientId, day.date);
      c.format = day.format;
      c.topic = day.topic || null;
      c.planState = plan.state;
    }
  }
  for (const client of clients) {
    for (const e of events.get(client.id) ?? []) {
      let date: string;
      if (e.type === 'post') date = localDateOf(e.at);
      else if (e.type === 'tick' && e.item === 'daily-post')
        date = e.key && /^\d{4}-\d{2}-\d{2}$/.test(e.key) ? e.key : localDateOf(e.at);
      else continue;
      if (inMonth.has(date)) cell(client.id, date).posted = true;
    }
  }
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const rows = [...byClient.entries()]
    .filter(([id]) => names.has(id))
    .map(([clientId, cells]) => ({ clientId, clientName: names.get(clientId)!, cells }))
    .sort((a, b) => a.clientName.localeCompare(b.clientName, 'ru'));
  return { dates, rows };
}
