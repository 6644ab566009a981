// The first screen of an agenda: its first rows across the three lists in the order they show
// (overdue, today, tomorrow), with the lists' full lengths. The worker answers the popup's first
// request with it (a few KB instead of every client's rows) and the popup keeps it as the next
// opening's snapshot.
import type { Agenda, AgendaTotals } from './protocol';

export function cutAgenda(agenda: Agenda, rows: number): Agenda & { totals: AgendaTotals } {
  let left = rows;
  const take = <T>(list: T[]): T[] => {
    const out = list.slice(0, Math.max(left, 0));
    left -= out.length;
    return out;
  };
  return {
    ...agenda,
    overdue: take(agenda.overdue),
    today: take(agenda.today),
    tomorrow: take(agenda.tomorrow),
    totals: agenda.totals ?? { overdue: agenda.overdue.length, today: agenda.today.length, tomorrow: agenda.tomorrow.length },
  };
}
