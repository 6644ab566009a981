// Clients and their facts: syncing a deal, recording an event, the client's view, linking an
// Instagram account, the list. Every change asks for a re-plan (`changed`).
import { syncedClient } from './sync-client';
import { HandlerError } from '../messaging/errors';
import type { ClientView } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import type { Settings } from './engine';
import { summaryOf } from './summary';
import { buildView } from './view';
import type { TeamRecord } from './record';

export interface ClientDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** A client or its facts changed: re-plan soon. */
  changed: () => void;
  /** The team's record in amoCRM: shares new facts, reads colleagues' back, says what waits. */
  record: TeamRecord;
}

type ClientHandlers = Pick<
  Handlers,
  | 'client.sync'
  | 'event.record'
  | 'client.view'
  | 'client.byInstagram'
  | 'client.linkInstagram'
  | 'clients.list'
  | 'client.events'
>;

/** The client's obligations as of `now`, or null for an unknown client. */
export async function viewOf(db: Db, clientId: string, now: number, settings?: Settings): Promise<ClientView | null> {
  const client = await repo.getClient(db, clientId);
  if (!client) return null;
  const [events, s] = await Promise.all([repo.eventsOf(db, clientId), settings ?? repo.getSettings(db)]);
  return buildView(client, events, s, now);
}

/** The client's last known state, from its stored timeline in one transaction (what a card or profile paints first). */
export async function lastViewOf(db: Db, clientId: string, now: number): Promise<ClientView | null> {
  const known = await repo.lastKnown(db, clientId);
  return known && buildView(known.client, known.events, known.settings, now);
}

export function createClientHandlers(deps: ClientDeps): ClientHandlers {
  const { now } = deps;
  // The view and the record's status are read side by side: each is a transaction of its own.
  const withStatus = async (db: Db, view: Promise<ClientView | null>): Promise<ClientView | null> => {
    const [v, record] = await Promise.all([view, deps.record.status(db)]);
    return v && { ...v, record };
  };
  const mustView = async (db: Db, clientId: string): Promise<ClientView> => {
    const view = await withStatus(db, viewOf(db, clientId, now()));
    if (!view) throw new HandlerError('not-found', `No client ${clientId}`);
    return view;
  };

  return {
    'client.sync': async ({ client, events }) => {
      const db = await deps.db();
      const merged = syncedClient(client, await repo.getClient(db, client.id), now());
      await repo.putClient(db, merged);
      const added = await repo.recordEvents(db, events);
      // The team's notes on this deal since it was last read (a colleague's ticks, posts seen).
      const pulled = await deps.record.pullDeal(client.host, client.leadId).catch(() => 0);
      const view = await mustView(db, client.id);
      deps.changed();
      return { recorded: added.length + pulled, view };
    },
    'event.record': async ({ event }) => {
      const db = await deps.db();
      const client = await repo.getClient(db, event.clientId);
      if (!client) throw new HandlerError('not-found', `No client ${event.clientId}`);
      const settings = await repo.getSettings(db);
      const added = await repo.recordEvents(db, [event], {
        outbox: deps.record.outboxFor(settings, new Map([[client.id, client]])),
      });
      const view = await mustView(db, event.clientId);
      if (added.length) {
        deps.changed();
        deps.record.soon();
      }
      return { recorded: added.length > 0, view };
    },
    'client.view': async ({ clientId }) => {
      const db = await deps.db();
      return withStatus(db, lastViewOf(db, clientId, now()));
    },
    'client.byInstagram': async ({ username }) => {
      const db = await deps.db();
      const client = await repo.findClientByInstagram(db, username);
      return client ? lastViewOf(db, client.id, now()) : null;
    },
    'client.linkInstagram': async ({ clientId, username }) => {
      const db = await deps.db();
      const client = await repo.getClient(db, clientId);
      if (!client) throw new HandlerError('not-found', `No client ${clientId}`);
      await repo.putClient(db, { ...client, instagram: username, updatedAt: now() });
      deps.changed();
      return mustView(db, clientId);
    },
    'clients.list': async () => {
      const clients = await repo.listClients(await deps.db());
      return clients.map(summaryOf).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    },
    'client.events': async ({ clientId }) => repo.eventsOf(await deps.db(), clientId),
  };
}
