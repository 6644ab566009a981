// What the pipeline board shows per deal (computed by the worker, painted by the board script).
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
