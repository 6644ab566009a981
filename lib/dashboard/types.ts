// Shapes the dashboard receives from the worker (`dashboard.month`, `team.sync.*`).
import type { Instant } from '../model/facts';
import type { RuleId } from '../model/obligations';
import type { PlanFormat, PlanState } from '../model/plans';
import type { PayrollReport } from '../payroll/types';

/** What happened to one obligation: on time, late (by `lateBy`), missed (still overdue), or not yet due. */
export type Outcome = 'met' | 'met-late' | 'missed' | 'open';

export interface RecordRow {
  obligationId: string;
  clientId: string;
  clientName: string;
  managerId: number | null;
  managerName: string;
  rule: RuleId;
  title: string;
  /** The deadline (or, for rules without one, when it started). */
  dueAt: Instant | null;
  startAt: Instant;
  metAt: Instant | null;
  outcome: Outcome;
  /** met-late: how late (ms); missed: how long overdue at `now`. */
  lateBy: number | null;
}

export interface WeekBar {
  /** First and last local date of the week, clipped to the month (`YYYY-MM-DD`). */
  from: string;
  to: string;
  kept: number;
  missed: number;
}

export interface DashboardClient {
  id: string;
  name: string;
  managerId: number | null;
  managerName: string;
}

export interface CalendarCell {
  format: PlanFormat | null;
  topic: string | null;
  planState: PlanState | null;
  posted: boolean;
}

export interface MonthCalendar {
  /** Every local date of the month. */
  dates: string[];
  /** Clients with anything planned or posted in the month. */
  rows: Array<{ clientId: string; clientName: string; cells: Record<string, CalendarCell> }>;
}

export interface DashboardMonth {
  month: string;
  now: Instant;
  timeZone: string;
  /** settings.motivation.refundWindowDays: the refund lines' labels name it. */
  refundWindowDays: number;
  payroll: PayrollReport;
  clients: DashboardClient[];
  record: RecordRow[];
  weeks: WeekBar[];
  calendar: MonthCalendar;
  /** Per manager kept/late/missed per rule and the proposed best manager of the month. */
  team: HeadView;
  /** The best manager the head confirmed for this month, if any. */
  bestConfirmed: { managerId: number; managerName: string; at: Instant } | null;
}

export type TeamSyncPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface TeamSyncStatus {
  phase: TeamSyncPhase;
  /** What the sync is doing now: `pipelines`, `users`, `leads`, `events`, `saving`. */
  step: string | null;
  leadsDone: number;
  /** Known once the leads are read (amoCRM gives no total up front). */
  leadsTotal: number | null;
  eventsBatchesDone: number;
  eventsBatchesTotal: number | null;
  requests: number;
  startedAt: Instant | null;
  finishedAt: Instant | null;
  /** Clients written / new events recorded by the last run. */
  clients: number;
  recorded: number;
  /** The last completed sync (a second run asks only for what changed since). */
  lastSyncAt: Instant | null;
  /** `token` (long-lived token) or `session` (the browser's amoCRM cookies). */
  auth: 'token' | 'session' | null;
  incremental: boolean;
  error: string | null;
  /** Deals the last run could not read (one bad deal is reported, the others sync). */
  failed: Array<{ leadId: number | null; message: string }>;
}

// ---- the head's view (lib/dashboard/head-view.ts) ----

export interface RuleTally {
  rule: RuleId;
  title: string;
  kept: number;
  late: number;
  missed: number;
}

export interface ManagerTally {
  managerId: number;
  managerName: string;
  kept: number;
  late: number;
  missed: number;
  rules: RuleTally[];
}

export interface BestManagerProposal {
  managerId: number;
  managerName: string;
  /** Why (Russian, ready to show). */
  reason: string;
  /** Managers it was tied with on kept obligations, and how the tie was decided (null: no tie). */
  tie: string | null;
}

export interface HeadView {
  managers: ManagerTally[];
  best: BestManagerProposal | null;
}
