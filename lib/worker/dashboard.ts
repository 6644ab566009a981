// dashboard.month: payroll (lib/payroll), the obligation record, weekly bars and plan calendar
// of one month, derived from the store on every call.
import { buildDashboardMonth } from '../dashboard/month';
import { HandlerError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { allPlans } from './plans';

export function createDashboardHandlers(deps: {
  db: () => Promise<Db>;
  now: () => number;
}): Pick<Handlers, 'dashboard.month' | 'dashboard.best.confirm'> {
  return {
    'dashboard.month': async ({ month }) => {
      const db = await deps.db();
      const [settings, clients, events, plans, best] = await Promise.all([
        repo.getSettings(db),
        repo.listClients(db),
        repo.eventsByClient(db),
        allPlans(db),
        repo.getMeta(db, 'bestManagers'),
      ]);
      return buildDashboardMonth({
        month,
        clients,
        events,
        plans,
        settings,
        now: deps.now(),
        bestConfirmed: best?.[month] ?? null,
      });
    },
    // The head confirms (or changes) the month's best manager; the proposal stays a proposal until then.
    'dashboard.best.confirm': async ({ month, managerId }) => {
      const db = await deps.db();
      const clients = await repo.listClients(db);
      const client = clients.find((c) => c.managerId === managerId);
      if (!client) throw new HandlerError('not-found', `No client of manager ${managerId}`);
      const confirmed = { managerId, managerName: client.managerName ?? `#${managerId}`, at: deps.now() };
      const all = (await repo.getMeta(db, 'bestManagers')) ?? {};
      await repo.setMeta(db, 'bestManagers', { ...all, [month]: confirmed });
      return confirmed;
    },
  };
}
