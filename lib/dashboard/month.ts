// The month as the dashboard shows it: payroll (lib/payroll), the record of every obligation
// due in the month with its outcome, the kept/missed bars per week, and the plan calendar.
// Pure: the worker calls it with what it read from the store.
import { calendarFor } from '../calendar';
import { dayNumOfDate, weekdayOfDayNum } from '../calendar/time';
import type { Client, ClientEvent, Instant } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { ContentPlan } from '../model/plans';
import { computePayroll } from '../payroll';
import type { Settings } from '../playbook/settings';
import { languageOf } from '../playbook/localize';
import { payrollText } from '../payroll/strings';
import type { Locale } from '../i18n/locale';
import { computeObligations } from '../sla';
import { buildMonthCalendar, datesOfMonth } from './calendar';
import { headView } from './head-view';

export { datesOfMonth };
import { managerAt } from './manager-at';
import type { DashboardClient, DashboardMonth, Outcome, RecordRow, WeekBar } from './types';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface MonthInput {
  month: string;
  clients: Client[];
  events: Map<string, readonly ClientEvent[]>;
  plans: ContentPlan[];
  settings: Settings;
  now: Instant;
  /** The head's confirmed best manager of this month (meta `bestManagers`). */
  bestConfirmed?: DashboardMonth['bestConfirmed'];
}

export function managerNameOf(client: Pick<Client, 'managerId' | 'managerName'>, locale: Locale): string {
  return client.managerName ?? (client.managerId === null ? payrollText(locale)('noManager') : `#${client.managerId}`);
}

export function outcomeOf(o: Obligation, now: Instant): { outcome: Outcome; lateBy: number | null } {
  if (o.state === 'met') return { outcome: 'met', lateBy: null };
  if (o.state === 'met-late')
    return { outcome: 'met-late', lateBy: o.metAt !== undefined && o.dueAt !== null ? Math.max(0, o.metAt - o.dueAt) : null };
  if (o.state === 'overdue') return { outcome: 'missed', lateBy: o.dueAt !== null ? Math.max(0, now - o.dueAt) : null };
  return { outcome: 'open', lateBy: null };
}

/** The instant that places an obligation in a month: its deadline, else when it was met, else its start. */
export function anchorOf(o: Obligation): Instant {
  return o.dueAt ?? o.metAt ?? o.startAt;
}

export function recordOf(input: MonthInput): RecordRow[] {
  const cal = calendarFor(input.settings.calendar);
  const rows: RecordRow[] = [];
  for (const client of input.clients) {
    const events = input.events.get(client.id) ?? [];
    for (const o of computeObligations(client, events, input.settings, input.now)) {
      const at = anchorOf(o);
      if (cal.localDateOf(at).slice(0, 7) !== input.month) continue;
      const { outcome, lateBy } = outcomeOf(o, input.now);
      // A client handed over in between counts for whoever was responsible at the obligation's date.
      const manager = managerAt(client, at);
      rows.push({
        obligationId: o.id,
        clientId: client.id,
        clientName: client.name,
        managerId: manager.id,
        managerName: managerNameOf({ managerId: manager.id, managerName: manager.name }, languageOf(input.settings)),
        rule: o.rule,
        title: o.title,
        dueAt: o.dueAt,
        startAt: o.startAt,
        metAt: o.metAt ?? null,
        outcome,
        lateBy,
      });
    }
  }
  rows.sort(
    (a, b) =>
      anchorRow(a) - anchorRow(b) ||
      a.clientName.localeCompare(b.clientName, 'ru') ||
      a.obligationId.localeCompare(b.obligationId),
  );
  return rows;
}

const anchorRow = (r: RecordRow) => r.dueAt ?? r.metAt ?? r.startAt;

/**
 * Kept vs missed per calendar week (Monday–Sunday) clipped to the month. Kept = met on time;
 * missed = met late or still overdue. Obligations not yet due are not counted.
 */
export function weeklyBars(month: string, rows: readonly RecordRow[], localDateOf: (t: Instant) => string): WeekBar[] {
  const dates = datesOfMonth(month);
  const weeks: WeekBar[] = [];
  const weekOf = new Map<string, WeekBar>();
  for (const date of dates) {
    const dn = dayNumOfDate(date)!;
    let w = weeks[weeks.length - 1];
    if (!w || weekdayOfDayNum(dn) === 1) weeks.push((w = { from: date, to: date, kept: 0, missed: 0 }));
    w.to = date;
    weekOf.set(date, w);
  }
  for (const r of rows) {
    if (r.outcome === 'open') continue;
    const w = weekOf.get(localDateOf(anchorRow(r)));
    if (!w) continue;
    if (r.outcome === 'met') w.kept++;
    else w.missed++;
  }
  return weeks;
}

/** Filters of the record view; empty = all. */
export interface RecordFilter {
  clientId?: string;
  rule?: string;
  managerId?: number | null | 'all';
  outcome?: Outcome | 'all';
}

export function filterRecord(rows: readonly RecordRow[], f: RecordFilter): RecordRow[] {
  return rows.filter(
    (r) =>
      (!f.clientId || r.clientId === f.clientId) &&
      (!f.rule || r.rule === f.rule) &&
      (f.managerId === undefined || f.managerId === 'all' || r.managerId === f.managerId) &&
      (!f.outcome || f.outcome === 'all' || r.outcome === f.outcome),
  );
}

export function buildDashboardMonth(input: MonthInput): DashboardMonth {
  if (!MONTH_RE.test(input.month)) throw new Error(`month: must be YYYY-MM, got ${input.month}`);
  const cal = calendarFor(input.settings.calendar);
  const payroll = computePayroll({
    month: input.month,
    settings: input.settings,
    now: input.now,
    clients: input.clients.map((client) => ({ client, events: input.events.get(client.id) ?? [] })),
  });
  const record = recordOf(input);
  const clients: DashboardClient[] = input.clients
    .map((c) => ({ id: c.id, name: c.name, managerId: c.managerId, managerName: managerNameOf(c, languageOf(input.settings)) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return {
    month: input.month,
    now: input.now,
    timeZone: cal.timeZone,
    refundWindowDays: input.settings.motivation.refundWindowDays,
    payroll,
    clients,
    record,
    weeks: weeklyBars(input.month, record, (t) => cal.localDateOf(t)),
    calendar: buildMonthCalendar(input.month, input.clients, input.plans, input.events, (t) => cal.localDateOf(t)),
    team: headView(record),
    bestConfirmed: input.bestConfirmed ?? null,
  };
}
