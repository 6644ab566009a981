// The pipeline board in the worker: board.view answers all visible deals in one message;
// board.sync records the deals the board read from the API in one batch (like client.sync).
import { calendarFor } from '../calendar';
import { boardEntryOf } from '../amocrm/board/entry';
import type { Handlers } from '../messaging/router';
import type { BoardEntry, BoardView } from '../model/board';
import type { Client, ClientEvent } from '../model/facts';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import type { Settings } from './engine';
import { syncedClient } from './sync-client';
import { buildView } from './view';

export interface BoardDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** New facts were recorded: re-plan soon. */
  onRecorded: () => void;
}

/** Past this many ids, one read of every timeline beats a read per client. */
const BULK_READ_OVER = 24;

async function clientsWithEvents(db: Db, ids: string[]): Promise<Array<{ id: string; client?: Client; events: ClientEvent[] }>> {
  if (ids.length > BULK_READ_OVER) {
    const [clients, events] = await Promise.all([repo.listClients(db), repo.eventsByClient(db)]);
    const byId = new Map(clients.map((c) => [c.id, c]));
    return ids.map((id) => ({ id, client: byId.get(id), events: events.get(id) ?? [] }));
  }
  return Promise.all(
    ids.map(async (id) => {
      const client = await repo.getClient(db, id);
      return { id, client, events: client ? await repo.eventsOf(db, id) : [] };
    }),
  );
}

export async function boardViewOf(db: Db, clientIds: string[], now: number, settings?: Settings): Promise<BoardView> {
  const ids = [...new Set(clientIds)];
  const [s, found] = await Promise.all([settings ?? repo.getSettings(db), clientsWithEvents(db, ids)]);
  const entries: BoardEntry[] = [];
  const unknown: string[] = [];
  for (const { id, client, events } of found) {
    if (client) entries.push(boardEntryOf(buildView(client, events, s, now)));
    else unknown.push(id);
  }
  const cal = calendarFor(s.calendar);
  const open = cal.isWorkingTime(now);
  return {
    now,
    workingHours: { open, nextOpening: open ? null : cal.nextOpening(now) },
    calendar: s.calendar,
    amocrm: s.amocrm,
    entries,
    unknown,
  };
}

export function createBoardHandlers(deps: BoardDeps): Pick<Handlers, 'board.view' | 'board.sync'> {
  return {
    'board.view': async ({ clientIds }) => boardViewOf(await deps.db(), clientIds, deps.now()),
    'board.sync': async ({ deals }) => {
      const db = await deps.db();
      let recorded = 0;
      for (const { client, events } of deals) {
        await repo.putClient(db, syncedClient(client, await repo.getClient(db, client.id), deps.now()));
        recorded += (await repo.recordEvents(db, events)).length;
      }
      if (deals.length || recorded) deps.onRecorded();
      return boardViewOf(
        db,
        deals.map((d) => d.client.id),
        deps.now(),
      );
    },
  };
}
