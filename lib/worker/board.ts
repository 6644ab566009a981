// The pipeline board in the worker: board.view answers all visible deals in one message;
// board.sync records the deals the board read from the API in one batch (like client.sync).
import { calendarFor } from '../calendar';
import { boardEntryOf } from '../amocrm/board/entry';
import type { Handlers } from '../messaging/router';
import type { BoardEntry } from '../model/board';
import type { BoardView } from '../messaging/protocol';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { obligationsOf, type Settings } from './engine';
import { stageOf } from './summary';
import { syncedClient } from './sync-client';

export interface BoardDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** New facts were recorded: re-plan soon. */
  onRecorded: () => void;
}

export async function boardViewOf(db: Db, clientIds: string[], now: number, settings?: Settings): Promise<BoardView> {
  const ids = [...new Set(clientIds)];
  const [s, found] = await Promise.all([settings ?? repo.getSettings(db), repo.clientsWithEvents(db, ids)]);
  const entries: BoardEntry[] = [];
  const unknown: string[] = [];
  for (const { id, client, events } of found) {
    // Only what a chip shows: the obligations and the stage (no warnings, period, last post…).
    if (client)
      entries.push(boardEntryOf({ client, stage: stageOf(events), obligations: obligationsOf(client, events, s, now), now }));
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
