// What the pipeline board shows per deal (computed by the worker, painted by the board script).
import type { CalendarSettings } from '../calendar/types';
import type { AmoCrmSettings } from '../playbook/settings-types';
import type { Instant, Stage } from './facts';
import type { RuleId } from './obligations';

export interface BoardObligation {
  rule: RuleId;
  title: string;
  dueAt: Instant;
  overdue: boolean;
  /** Counted in working time: its clock stands still outside working hours (⏸). */
  workingTime: boolean;
}

export interface BoardEntry {
  clientId: string;
  leadId: number;
  stage: Stage | null;
  /** The most urgent open obligation (overdue longest first, then soonest due); null when none is open. */
  top: BoardObligation | null;
  /** Open obligations past their deadline (older missed occurrences of recurring rules included). */
  overdue: number;
}

/** The worker's answer for a board: entries of the clients it knows, the ids it does not. */
export interface BoardView {
  now: Instant;
  /** The agency's working hours at `now` (holidays and moved days included). */
  workingHours: { open: boolean; nextOpening: Instant | null };
  calendar: CalendarSettings;
  /** The mapping names (stages, fields) for deals read from the API and for dragged cards. */
  amocrm: AmoCrmSettings;
  entries: BoardEntry[];
  /** Client ids the worker has no record of. */
  unknown: string[];
}
