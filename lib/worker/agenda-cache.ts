// The worker's agenda between two changes. Every client's agenda slice is derived once, with a
// horizon a day past the longest it holds (./validity.ts), and stated at the moment of each
// request (lib/sla/restate.ts). The popup asks at every opening: while the worker stays up and
// nothing changed, the answer needs neither the timelines nor the engine. It lives in memory
// only (a stopped worker starts without it); the data version, bumped in the same transaction as
// every write of events, clients or settings (lib/store/repo.ts), and the record counts (a write
// that bypassed the repo) say when it no longer holds, as for the plan cache (./replan.ts).
import { DAY } from '../calendar/time';
import { readDataKey, sameDataKey, type DataKey } from '../store/meta';
import type { Db } from '../store/schema';
import { agendaSliceOf, type ClientObligations } from './agenda';
import { obligationsAt, obligationsOf, type Settings } from './engine';
import { loadWorld } from './replan';
import { PLAN_CACHE_TTL, validUntilOf } from './validity';

interface Entry {
  key: DataKey;
  computedAt: number;
  validUntil: number;
  settings: Settings;
  slices: ClientObligations[];
}

/** Every client's obligations that the agenda can show at one moment, and the settings they follow. */
export interface AgendaSource {
  settings: Settings;
  clients: ClientObligations[];
  /** When they were derived (earlier than the moment asked for when stated from the last derivation). */
  derivedAt: number;
}

async function dataKey(db: Db): Promise<DataKey> {
  const tx = db.transaction(['meta', 'clients', 'events'], 'readonly');
  const key = await readDataKey({
    meta: tx.objectStore('meta'),
    clients: tx.objectStore('clients'),
    events: tx.objectStore('events'),
  });
  await tx.done;
  return key;
}

export function createAgendaCache() {
  let entry: Entry | null = null;

  /** Derived from the stored facts at `now`, tagged with `key` (read before them: a write in between makes the next request miss). */
  async function derive(db: Db, key: DataKey, now: number): Promise<Entry> {
    const { settings, clients, events } = await loadWorld(db);
    const horizon = now + DAY + PLAN_CACHE_TTL;
    const slices = clients.map((client) => ({
      client,
      obligations: agendaSliceOf(obligationsOf(client, events.get(client.id) ?? [], settings, now, horizon), now),
    }));
    return { key, computedAt: now, validUntil: validUntilOf(now, settings, events.values()), settings, slices };
  }

  return {
    /** Every client's agenda obligations as of `now`: stated from the last derivation while it holds, else derived again. */
    async at(db: Db, now: number): Promise<AgendaSource> {
      const key = await dataKey(db);
      const held = entry && sameDataKey(entry.key, key) && now >= entry.computedAt && now < entry.validUntil ? entry : null;
      const current = held ?? (entry = await derive(db, key, now));
      return {
        settings: current.settings,
        derivedAt: current.computedAt,
        clients: current.slices.map(({ client, obligations }) => ({ client, obligations: obligationsAt(obligations, now) })),
      };
    },
  };
}
