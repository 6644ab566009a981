// agenda.get: the popup's and the sidebar's agenda across all clients, derived fresh.
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { buildAgenda } from './agenda';
import { deriveAll, loadWorld } from './replan';
import type { TeamRecord } from './record';
import { resolveAccount } from './account';

export interface AgendaDeps {
  db: () => Promise<Db>;
  now: () => number;
  record: TeamRecord;
}

export function createAgendaHandlers(deps: AgendaDeps): Pick<Handlers, 'agenda.get'> {
  return {
    'agenda.get': async (_payload, ctx) => {
      const db = await deps.db();
      // The popup shows the team's record: colleagues' notes since the last read (at most once a minute).
      if (ctx.sender.kind === 'page') {
        const account = await resolveAccount(db, (await repo.getSettings(db)).amocrm.subdomain);
        if (account) await deps.record.pullAccount(account.host).catch(() => 0);
      }
      const at = deps.now();
      const world = await loadWorld(db);
      const away = (await repo.getMeta(db, 'awayWindow')) ?? null;
      const agenda = { ...buildAgenda(deriveAll(world, at), world.settings, at, away), record: await deps.record.status(db) };
      // «Shown once»: only our own pages (the popup) consume the away list.
      if (ctx.sender.kind === 'page' && away && !away.shown) await repo.setMeta(db, 'awayWindow', { ...away, shown: true });
      return agenda;
    },
  };
}
