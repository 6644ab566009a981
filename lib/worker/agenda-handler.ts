// agenda.get: the popup's and the sidebar's agenda across all clients, from the stored facts as
// they are now (derived again after any change, else stated from the last derivation:
// ./agenda-cache.ts). record.pull: the popup's read of the team's record, asked after its first paint
// so a network round trip (or a tab's) never stands between opening the popup and the list.
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { buildAgenda } from './agenda';
import { createAgendaCache } from './agenda-cache';
import { cutAgenda } from '../messaging/agenda-cut';
import type { TeamRecord } from './record';
import { resolveAccount } from './account';

export interface AgendaDeps {
  db: () => Promise<Db>;
  now: () => number;
  record: TeamRecord;
}

export function createAgendaHandlers(deps: AgendaDeps): Pick<Handlers, 'agenda.get' | 'record.pull'> {
  const cache = createAgendaCache();
  return {
    'agenda.get': async ({ limit }, ctx) => {
      const db = await deps.db();
      const at = deps.now();
      const [{ settings, clients }, away, record] = await Promise.all([
        cache.at(db, at),
        repo.getMeta(db, 'awayWindow'),
        deps.record.status(db),
      ]);
      const full = { ...buildAgenda(clients, settings, at, away ?? null), record };
      // Only our own pages get a first screen: a content script's lists are cut to what it may see afterwards.
      const rows = full.overdue.length + full.today.length + full.tomorrow.length;
      const agenda = limit !== undefined && rows > limit && ctx.sender.kind === 'page' ? cutAgenda(full, limit) : full;
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
