import type { Instant } from './facts';

export type RuleId =
  | 'first-contact'
  | 'concept-call'
  | 'first-plan'
  | 'launch'
  | 'first-post-72h'
  | 'daily-post'
  | 'stories'
  | 'content-plan-2'
  | 'content-plan-3'
  | 'engagement-round'
  | 'renewal-contact'
  | 'renewal-outcome'
  | 'lost-deadline';

/**
 * Rules with one occurrence per day or window, generated up to the engine's horizon
 * (RULES[rule].kind === 'recurring'; a unit test keeps these in step with lib/playbook/rules.ts).
 */
export const RECURRING_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['daily-post', 'stories', 'engagement-round']);

export type ObligationState = 'open' | 'overdue' | 'met' | 'met-late';

export interface ChecklistItem {
  id: string;
  title: string;
  done: boolean;
  doneAt?: Instant;
  /** The value of the latest active tick (the reference accounts' usernames), so it survives a reload. */
  value?: string;
  /** Shown but not asked of the manager (e.g. «аккаунт оформляет менеджер по рекламе» for complex). */
  info?: boolean;
}

export interface Obligation {
  /** Stable per occurrence: `${clientId}|${rule}|${key}`. */
  id: string;
  clientId: string;
  rule: RuleId;
  /** Occurrence key for recurring rules (a date, a slot, a period start); the rule id otherwise. */
  key: string;
  title: string;
  startAt: Instant;
  /** null for rules with no deadline of their own (first-plan). */
  dueAt: Instant | null;
  state: ObligationState;
  metAt?: Instant;
  items?: ChecklistItem[];
  /** Human-readable list of what is still missing. */
  missing?: string[];
}
