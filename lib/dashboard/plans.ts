// The content-plan editing model: which dates each plan of a period covers, the state machine
// drafting → sent → corrections → agreed, the deadline from the engine, the tick that agreeing
// records, and «today's item» for the Instagram sidebar. Pure.
import { dateOfDayNum, dayNumOfDate } from '../calendar/time';
import type { Instant, NewClientEvent } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { ContentPlan, PlanDay, PlanFormat, PlanNo, PlanState, TodayPlanItem } from '../model/plans';
import type { Checked, FieldError } from '../store/validate';

export const PLAN_NOS: readonly PlanNo[] = [1, 2, 3];
export const PLAN_FORMATS: readonly PlanFormat[] = ['post', 'carousel', 'reels'];
export const PLAN_STATES: readonly PlanState[] = ['drafting', 'sent', 'corrections', 'agreed'];
export const MAX_TOPIC = 2000;

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

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const CLIENT_ID_RE = /^[a-z0-9.-]+:\d+$/i;

/** Validates a plan from a message; unknown fields are rejected. */
export function validatePlan(input: unknown, path = 'plan'): Checked<ContentPlan> {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ path: `${path}.${field}`, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ path, message: 'must be an object' }] };
  const p = input as Record<string, unknown>;
  for (const k of Object.keys(p))
    if (!['clientId', 'periodStart', 'planNo', 'state', 'days', 'updatedAt'].includes(k)) bad(k, 'unknown field');
  if (typeof p.clientId !== 'string' || !CLIENT_ID_RE.test(p.clientId)) bad('clientId', 'must be `{host}:{leadId}`');
  if (typeof p.periodStart !== 'number' || !Number.isFinite(p.periodStart)) bad('periodStart', 'must be an instant (epoch ms)');
  if (!PLAN_NOS.includes(p.planNo as PlanNo)) bad('planNo', 'must be 1, 2 or 3');
  if (!PLAN_STATES.includes(p.state as PlanState)) bad('state', `must be one of ${PLAN_STATES.join(', ')}`);
  if (typeof p.updatedAt !== 'number' || !Number.isFinite(p.updatedAt)) bad('updatedAt', 'must be an instant (epoch ms)');
  if (!Array.isArray(p.days) || p.days.length > 62) bad('days', 'must be an array of at most 62 days');
  else
    p.days.forEach((d: unknown, i) => {
      const day = d as Record<string, unknown>;
      if (typeof d !== 'object' || d === null) return bad(`days[${i}]`, 'must be an object');
      for (const k of Object.keys(day)) if (!['date', 'format', 'topic'].includes(k)) bad(`days[${i}].${k}`, 'unknown field');
      if (typeof day.date !== 'string' || !DATE_RE.test(day.date) || dayNumOfDate(day.date) === null)
        bad(`days[${i}].date`, 'must be YYYY-MM-DD');
      if (!PLAN_FORMATS.includes(day.format as PlanFormat)) bad(`days[${i}].format`, `must be one of ${PLAN_FORMATS.join(', ')}`);
      if (typeof day.topic !== 'string' || day.topic.length > MAX_TOPIC)
        bad(`days[${i}].topic`, `must be a string of at most ${MAX_TOPIC} characters`);
    });
  return errors.length ? { ok: false, errors } : { ok: true, value: input as ContentPlan };
}
