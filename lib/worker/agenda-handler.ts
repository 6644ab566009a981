// agenda.get: the popup's and the sidebar's agenda across all clients, derived fresh from the
// stored facts. record.pull: the popup's read of the team's record, asked after its first paint
// so a network round trip (or a tab's) never stands between opening the popup and the list.
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

export function createAgendaHandlers(deps: AgendaDeps): Pick<Handlers, 'agenda.get' | 'record.pull'> {
  return {
    'agenda.get': async (_payload, ctx) => {
      const db = await deps.db();
      const at = deps.now();
      const world = await loadWorld(db);
      const away = (await repo.getMeta(db, 'awayWindow')) ?? null;
      const agenda = { ...buildAgenda(deriveAll(world, at), world.settings, at, away), record: await deps.record.status(db) };
      // «Shown once»: only our own pages (the popup) consume the away list.
      if (ctx.sender.kind === 'page' && away && !away.shown) await repo.setMeta(db, 'awayWindow', { ...away, shown: true });
      return agenda;
    },
    // Colleagues' notes since the last read (at most once a minute); a failed read is retried by the next one.
    'record.pull': async () => {
      const db = await deps.db();
      const account = await resolveAccount(db, (await repo.getSettings(db)).amocrm.subdomain);
      const added = account ? await deps.record.pullAccount(account.host).catch(() => 0) : 0;
      return { added };
    },
  };
}
