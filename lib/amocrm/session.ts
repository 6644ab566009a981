// One visit of one deal card: reads the deal, syncs it with the worker, holds what the overlay
// shows (signals), records ticks. Browser APIs come in as dependencies.
import { store } from './store';
import type { ClientView, Send } from '../messaging/protocol';
import type { NewClientEvent } from '../model/facts';
import type { ContentSettings } from '../playbook/settings-types';
import type { AmoApi } from './api';
import type { DealRead } from './deal';
import type { StaleCard } from './dom';
import { LayoutError, type ApiErrorKind, type LayoutPart, type PageLack } from './errors';
import { markedEventId, type MarkedEvent } from './markers';
import { keepKnown, type MappedDeal } from './mapping';
import { readDeal } from './read';
import { clientIdOf } from './url';

export interface SessionDeps {
  host: string;
  leadId: number;
  send: Send;
  api: AmoApi;
  settings: () => Promise<ContentSettings>;
  /** Resolves with the document once this lead's card is rendered. */
  cardReady: () => Promise<ParentNode>;
  doc: () => ParentNode;
  /** The card shown before this visit (single-page navigation). */
  stale?: () => StaleCard | null;
  now?: () => number;
  /** This deal's view as this page last showed it (a visit earlier in the same page), painted first. */
  remembered?: ClientView | null;
  /** The extension was reloaded: tear down quietly. */
  onInvalidated: () => void;
  isInvalidated: (error: unknown) => boolean;
}

export interface OverlayData {
  view: ClientView | null;
  settings: ContentSettings | null;
  deal: DealRead | null;
  mapped: MappedDeal | null;
  /** Page-data mode and why; null in API mode or before the first read. */
  fallback: ApiErrorKind | null;
  /** Page-data mode: what the page did not give. */
  lacks: PageLack[];
  /** The API failed and the card's layout changed: what the page lacks (nothing was read or recorded). */
  layout: LayoutPart[] | null;
  /** The first full read (API or page) finished. */
  synced: boolean;
  error: string | null;
}

export function createSession(deps: SessionDeps) {
  const now = deps.now ?? (() => Date.now());
  const clientId = clientIdOf(deps.host, deps.leadId);
  const data = store<OverlayData>({
    view: deps.remembered ?? null,
    settings: null,
    deal: null,
    mapped: null,
    fallback: null,
    lacks: [],
    layout: null,
    synced: false,
    error: null,
  });
  const pending = store<Record<string, boolean>>({});
  let closed = false;
  let lastRead = 0;
  let reading: Promise<void> | null = null;

  const patch = (p: Partial<OverlayData>) => {
    if (!closed) data.set({ ...data.get(), ...p });
  };
  const fail = (error: unknown) => {
    if (closed) return;
    if (deps.isInvalidated(error)) {
      closed = true;
      deps.onInvalidated();
      return;
    }
    if (error instanceof LayoutError) return patch({ layout: error.missing, fallback: error.reason, error: null });
    patch({ error: error instanceof Error ? error.message : String(error) });
  };

  async function quickView(): Promise<void> {
    try {
      const view = await deps.send('client.view', { clientId });
      // The worker's last state replaces what this page remembered (a tick in another tab since).
      if (view && !data.get().synced) patch({ view });
    } catch (error) {
      if (deps.isInvalidated(error)) fail(error);
    }
  }

  async function read(): Promise<void> {
    const settings = await deps.settings();
    patch({ settings });
    const result = await readDeal(deps.leadId, {
      api: deps.api,
      host: deps.host,
      amo: settings.amocrm,
      timeZone: settings.calendar.timeZone,
      now,
      cardReady: deps.cardReady,
      doc: deps.doc,
      ...(deps.stale ? { stale: deps.stale } : {}),
    });
    if (closed) return;
    let mapped = result.mapped;
    if (mapped.missingFields.length) {
      const prev = data.get().view?.client ?? (await deps.send('client.view', { clientId }))?.client;
      mapped = { ...mapped, client: keepKnown(mapped.client, prev, mapped.missingFields, settings.amocrm) };
    }
    const { recorded: _r, view } = await deps.send('client.sync', { client: mapped.client, events: mapped.events });
    lastRead = now();
    patch({
      view,
      deal: result.deal,
      mapped,
      fallback: result.fallback,
      lacks: result.lacks,
      layout: null,
      synced: true,
      error: null,
    });
  }

  function load(): Promise<void> {
    if (!reading)
      reading = read()
        .catch(fail)
        .finally(() => (reading = null));
    return reading;
  }

  // The worker queues the note that shares the tick with the team (lib/worker/record.ts).
  async function record(event: MarkedEvent): Promise<void> {
    const pendingKey = `${event.item}|${event.key ?? ''}`;
    pending.set({ ...pending.get(), [pendingKey]: true });
    try {
      const { view } = await deps.send('event.record', { event: event as NewClientEvent });
      patch({ view });
    } catch (error) {
      fail(error);
    } finally {
      const { [pendingKey]: _done, ...rest } = pending.get();
      pending.set(rest);
    }
  }

  return {
    clientId,
    data,
    pending,
    start(): void {
      void quickView();
      void load();
    },
    /** The page became visible again (another tab may have ticked): fresh view; re-read when stale. */
    refresh(): void {
      if (closed) return;
      if (now() - lastRead > 30_000) {
        deps.api.refresh(deps.leadId);
        void load();
      } else
        void deps
          .send('client.view', { clientId })
          .then((view) => view && patch({ view }))
          .catch(fail);
    },
    retry(): void {
      patch({ error: null });
      void load();
    },
    tick(item: string, key: string | undefined, value?: string): Promise<void> {
      const at = now();
      const event: MarkedEvent = {
        id: markedEventId('tick', item, key, at),
        clientId,
        type: 'tick',
        item,
        at,
        source: 'manager',
        ...(key ? { key } : {}),
        ...(value ? { value } : {}),
      };
      return record(event);
    },
    untick(item: string, key: string | undefined): Promise<void> {
      const at = now();
      const event: MarkedEvent = {
        id: markedEventId('untick', item, key, at),
        clientId,
        type: 'untick',
        item,
        at,
        source: 'manager',
        ...(key ? { key } : {}),
      };
      return record(event);
    },
    close(): void {
      closed = true;
    },
  };
}

export type Session = ReturnType<typeof createSession>;
