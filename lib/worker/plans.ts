// Content plans in the worker: plan.today (sidebar), plans.list and plans.save (dashboard).
// Stored in the `plans` object store keyed [clientId, periodStart, planNo].
import { calendarFor } from '../calendar';
import { todayItem } from '../dashboard/plans';
import { HandlerError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import type { ContentPlan } from '../model/plans';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';

export interface PlanDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** `dashboard.html#plans/{clientId}` as an absolute extension URL. */
  editUrl: (clientId: string) => string;
}

export async function plansOf(db: Db, clientId: string): Promise<ContentPlan[]> {
  const list = await db.getAllFromIndex('plans', 'byClient', clientId);
  return list.sort((a, b) => a.periodStart - b.periodStart || a.planNo - b.planNo);
}

export async function allPlans(db: Db): Promise<ContentPlan[]> {
  return db.getAll('plans');
}

export function createPlanHandlers(deps: PlanDeps): Pick<Handlers, 'plan.today' | 'plans.list' | 'plans.save'> {
  return {
    'plan.today': async ({ clientId }) => {
      const db = await deps.db();
      const [plans, settings] = await Promise.all([plansOf(db, clientId), repo.getSettings(db)]);
      const today = calendarFor(settings.calendar).localDateOf(deps.now());
      return todayItem(plans, today, deps.editUrl(clientId));
    },
    'plans.list': async ({ clientId }) => plansOf(await deps.db(), clientId),
    'plans.save': async ({ plan }) => {
      const db = await deps.db();
      if (!(await repo.getClient(db, plan.clientId))) throw new HandlerError('not-found', `No client ${plan.clientId}`);
      const dates = plan.days.map((d) => d.date);
      if (new Set(dates).size !== dates.length)
        throw new HandlerError('invalid', 'Invalid plans.save: a date appears twice in payload.plan.days');
      const stored: ContentPlan = {
        ...plan,
        days: [...plan.days].sort((a, b) => (a.date < b.date ? -1 : 1)),
        updatedAt: deps.now(),
      };
      await db.put('plans', stored);
      return stored;
    },
  };
}
