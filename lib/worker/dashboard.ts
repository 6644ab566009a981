// dashboard.month: payroll (lib/payroll), the obligation record, weekly bars and plan calendar
// of one month, derived from the store on every call.
import { buildDashboardMonth } from '../dashboard/month';
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { allPlans } from './plans';

export function createDashboardHandlers(deps: { db: () => Promise<Db>; now: () => number }): Pick<Handlers, 'dashboard.month'> {
  return {
    'dashboard.month': async ({ month }) => {
      const db = await deps.db();
      const [settings, clients, events, plans] = await Promise.all([
        repo.getSettings(db),
        repo.listClients(db),
        repo.eventsByClient(db),
        allPlans(db),
      ]);
      return buildDashboardMonth({ month, clients, events, plans, settings, now: deps.now() });
    },
  };
}
