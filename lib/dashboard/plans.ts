// The content-plan editing model: which dates each plan of a period covers, the state machine
// drafting → sent → corrections → agreed, the deadline from the engine, the tick that agreeing
// records, and «today's item» for the Instagram sidebar. Pure.
import { dateOfDayNum, dayNumOfDate } from '../calendar/time';
import type { Instant, NewClientEvent } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { ContentPlan, PlanDay, PlanNo, PlanState, TodayPlanItem } from '../model/plans';
import { check, type Checked } from '../schemas/issues';
import { plainDataIssues } from '../schemas/plain';
import { PLAN_NOS, PlanSchema } from '../schemas/plan';

export { MAX_TOPIC, PLAN_FORMATS, PLAN_NOS, PLAN_STATES } from '../schemas/plan';

export interface PlanRange {
  planNo: PlanNo;
  /** Local dates the plan covers, in order. */
  dates: string[];
}

/** Plans 1, 2, 3 of a period that starts on `startDate` (local `YYYY-MM-DD`): days 1–9, 10–18, 19–30 by default. */
export function planRanges(startDate: string, lengths: readonly [number, number, number]): PlanRange[] {
  const s = dayNumOfDate(startDate);
  if (s === null) throw new Error(`startDate: must be YYYY-MM-DD, got ${startDate}`);
  let offset = 0;
  return PLAN_NOS.map((planNo, i) => {
    const dates = Array.from({ length: lengths[i]! }, (_, k) => dateOfDayNum(s + offset + k));
    offset += lengths[i]!;
    return { planNo, dates };
  });
}

/** The plan as stored, or a fresh draft with one `post` per covered day. Days are realigned to `dates` (kept by date). */
export function planFor(
  existing: ContentPlan | undefined,
  clientId: string,
  periodStart: Instant,
  range: PlanRange,
  now: Instant,
): ContentPlan {
  const byDate = new Map((existing?.days ?? []).map((d) => [d.date, d]));
  const days: PlanDay[] = range.dates.map((date) => byDate.get(date) ?? { date, format: 'post', topic: '' });
  return existing
    ? { ...existing, days }
    : { clientId, periodStart, planNo: range.planNo, state: 'drafting', days, updatedAt: now };
}

/** The states a plan may move to from `state` (buttons of the editor). */
export function nextStates(state: PlanState): PlanState[] {
  switch (state) {
    case 'drafting':
      return ['sent'];
    case 'sent':
      return ['corrections', 'agreed'];
    case 'corrections':
      return ['sent', 'agreed'];
    case 'agreed':
      return ['corrections'];
  }
}

/** The checklist item the engine reads when a plan is agreed (lib/playbook/rules.ts). */
export function agreedItem(planNo: PlanNo): string {
  return `plan-${planNo}-agreed`;
}

/**
 * The tick (or untick) to record when a plan's state changes into or out of `agreed`; null when
 * nothing changes for the engine. Plans 2 and 3 are scoped to the period (key = S); plan 1 is the
 * first-plan item, un-keyed.
 */
export function agreementEvent(
  plan: ContentPlan,
  previous: PlanState | null,
  periodStartDate: string,
  at: Instant,
): NewClientEvent | null {
  const was = previous === 'agreed';
  const is = plan.state === 'agreed';
  if (was === is) return null;
  const item = agreedItem(plan.planNo);
  const key = plan.planNo === 1 ? undefined : periodStartDate;
  const base = { clientId: plan.clientId, at, source: 'manager' as const, item, ...(key ? { key } : {}) };
  return is ? { ...base, type: 'tick' } : { ...base, type: 'untick' };
}

/** The obligation that bounds a plan: plan 1 → first-post-72h (first-plan has no deadline of its own), 2/3 → content-plan-2/3 of the period. */
export function planObligation(
  planNo: PlanNo,
  obligations: readonly Obligation[],
  periodStartDate: string,
): Obligation | undefined {
  if (planNo === 1)
    return obligations.find((o) => o.rule === 'first-post-72h') ?? obligations.find((o) => o.rule === 'first-plan');
  const rule = planNo === 2 ? 'content-plan-2' : 'content-plan-3';
  return obligations.find((o) => o.rule === rule && o.key === periodStartDate);
}

/** Today's planned item for a client: the most recently edited plan that covers `today`. */
export function todayItem(plans: readonly ContentPlan[], today: string, editUrl: string): TodayPlanItem | null {
  let best: ContentPlan | undefined;
  for (const p of plans) if (p.days.some((d) => d.date === today) && (!best || p.updatedAt > best.updatedAt)) best = p;
  if (!best) return null;
  return { plan: { planNo: best.planNo, state: best.state }, day: best.days.find((d) => d.date === today) ?? null, editUrl };
}

/** How many days of a plan have a topic. */
export function filledDays(plan: ContentPlan): number {
  return plan.days.filter((d) => d.topic.trim().length > 0).length;
}

/** Validates a plan from a message; unknown fields are rejected. */
export function validatePlan(input: unknown, path = 'plan'): Checked<ContentPlan> {
  const plain = plainDataIssues(input, path);
  return plain.length ? { ok: false, errors: plain } : check(PlanSchema, input, path);
}
