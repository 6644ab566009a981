// A content plan as it enters the store (the dashboard's editor, a backup): every field checked.
import * as v from 'valibot';
import type { ContentPlan, PlanFormat, PlanNo, PlanState } from '../model/plans';
import { authorSchema, clientId, instant, localDate, obj, text } from './common';

export const PLAN_NOS: readonly PlanNo[] = [1, 2, 3];
export const PLAN_FORMATS: readonly PlanFormat[] = ['post', 'carousel', 'reels'];
export const PLAN_STATES: readonly PlanState[] = ['drafting', 'sent', 'corrections', 'agreed'];
export const MAX_TOPIC = 2000;
/** A plan covers at most a two-month period's days. */
export const MAX_PLAN_DAYS = 62;

export const PlanDaySchema = obj({
  date: localDate,
  format: v.picklist(PLAN_FORMATS, `must be one of ${PLAN_FORMATS.join(', ')}`),
  topic: text(MAX_TOPIC),
});

const planEntries = {
  clientId,
  periodStart: instant,
  planNo: v.picklist(PLAN_NOS, 'must be 1, 2 or 3'),
  state: v.picklist(PLAN_STATES, `must be one of ${PLAN_STATES.join(', ')}`),
  days: v.pipe(
    v.array(PlanDaySchema, 'must be an array of days'),
    v.maxLength(MAX_PLAN_DAYS, `must be an array of at most ${MAX_PLAN_DAYS} days`),
  ),
  updatedAt: instant,
};

/** From messages (the dashboard's editor): no author, only amoCRM says who made a version. */
export const PlanSchema = obj(planEntries) satisfies v.GenericSchema<unknown, ContentPlan>;

/** As stored (backups): a version read back from amoCRM keeps its author. */
export const StoredPlanSchema = obj({ ...planEntries, author: v.optional(authorSchema) }) satisfies v.GenericSchema<
  unknown,
  ContentPlan
>;
