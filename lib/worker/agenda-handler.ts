// agenda.get: the popup's and the sidebar's agenda across all clients, derived fresh.
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { buildAgenda } from './agenda';
import { deriveAll, loadWorld } from './replan';

export interface AgendaDeps {
  db: () => Promise<Db>;
  now: () => number;
}

export function createAgendaHandlers(deps: AgendaDeps): Pick<Handlers, 'agenda.get'> {
  return {
    'agenda.get': async (_payload, ctx) => {
      const db = await deps.db();
      const at = deps.now();
      const world = await loadWorld(db);
      const away = (await repo.getMeta(db, 'awayWindow')) ?? null;
      const agenda = buildAgenda(deriveAll(world, at), world.settings, at, away);
      // «Shown once»: only our own pages (the popup) consume the away list.
      if (ctx.sender.kind === 'page' && away && !away.shown) await repo.setMeta(db, 'awayWindow', { ...away, shown: true });
      return agenda;
    },
  };
}
