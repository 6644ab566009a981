import type { EventAuthor, Instant } from './facts';

export type PlanFormat = 'post' | 'carousel' | 'reels';
export type PlanState = 'drafting' | 'sent' | 'corrections' | 'agreed';
/** Plans 1, 2, 3 of a service period cover days 1–9, 10–18, 19–30 (lengths from settings). */
export type PlanNo = 1 | 2 | 3;

export interface PlanDay {
  /** Local calendar date `YYYY-MM-DD` in the agency zone. */
  date: string;
  format: PlanFormat;
  /** Topic or caption draft. */
  topic: string;
}

export interface ContentPlan {
  clientId: string;
  /** Start instant of the service period the plan belongs to. */
  periodStart: Instant;
  planNo: PlanNo;
  state: PlanState;
  days: PlanDay[];
  /** When this version was made: this browser's save, or, read back from amoCRM, the note's attributed time. */
  updatedAt: Instant;
  /** Who made this version, as amoCRM says (set only on a version read back from the deal's notes). */
  author?: EventAuthor;
}

/** What the Instagram sidebar shows for today. */
export interface TodayPlanItem {
  plan: Pick<ContentPlan, 'planNo' | 'state'>;
  day: PlanDay | null;
  /** Where the plan is made: the dashboard's plan editor for this client. */
  editUrl: string;
}
