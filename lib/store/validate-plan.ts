// A content plan as stored: checked when the dashboard saves one (plans.save) and when a backup
// brings them, so the `plans` store holds ContentPlan values only.
import { dayNumOfDate } from '../calendar/time';
import type { ContentPlan, PlanFormat, PlanNo, PlanState } from '../model/plans';
import type { Checked, FieldError } from './validate';

export const PLAN_NOS: readonly PlanNo[] = [1, 2, 3];
export const PLAN_FORMATS: readonly PlanFormat[] = ['post', 'carousel', 'reels'];
export const PLAN_STATES: readonly PlanState[] = ['drafting', 'sent', 'corrections', 'agreed'];
export const MAX_TOPIC = 2000;

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
