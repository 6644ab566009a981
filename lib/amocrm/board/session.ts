// One board view: reads the cards on the page, asks the worker once for all of them, reads the
// deals it does not know in one batched API request, paints chips and column summaries, follows
// infinite scroll and filters (MutationObserver, debounced) and records a card dragged to another
// column as a stage change. Browser access comes in as dependencies; nothing here polls.
import type { Locale } from '../../i18n/locale';
import type { BoardEntry } from '../../model/board';
import type { BoardView, ClientView, Send } from '../../messaging/protocol';
import { LEADS_PAGE_MAX, type AmoApi } from '../api';
import { shouldFallBack } from '../errors';
import { isSecretField } from '../mapping';
import { workingState } from '../overlay-model';
import { readDeal } from '../read';
import { clientIdOf } from '../url';
import { chipOf, chipText, overdueDeals, type ChipModel } from './chip';
import { agencyPipelineOf, dealsFromLeads, isAgencyPipeline, moveEvent, pipelineOfColumns } from './deals';
import { boardEntryOf } from './entry';
import { readBoard, type BoardRead, type ChipPlace } from './read';
import type { BoardPage } from './url';

/** What the board paints with (components/board). */
export interface BoardPainter {
  /** Shows (or, with null, removes) a card's chip at its place (lib/amocrm/board/read.ts `ChipPlace`). */
  chip(anchor: Element, place: ChipPlace, model: ChipModel | null): void;
  /** Reglament's column head at the end of the list view's head row. */
  listColumn(head: Element, title: string): void;
  /** The overdue count in a column's head (0 removes it). */
  summary(head: Element, count: number, text: string, label: string): void;
  /** A quiet one-line notice (null hides it). */
  notice(text: string | null): void;
  /** Whether a DOM node is one of ours (its mutations are not the board changing). */
  owns(node: Node): boolean;
  /** Removes everything painted. */
  clear(): void;
}

export interface BoardSessionDeps {
  host: string;
  page: BoardPage;
  doc: Document;
  send: Send;
  api: AmoApi;
  painter: BoardPainter;
  locale: () => Locale;
  now?: () => number;
  /** Debounce of page changes (infinite scroll, filters, drag-and-drop). */
  debounceMs?: number;
  /** How long after a drop the API is asked to confirm the move (the page saves it first). */
  confirmAfterMs?: number;
  /** How often countdowns are redrawn (text only: no message, no request). */
  tickMs?: number;
  onInvalidated: () => void;
  isInvalidated: (error: unknown) => boolean;
  /**
   * The last board the worker answered, kept by the entry (extension storage): painted at once on
   * the next view, then replaced by the worker's fresh answer (last known state first).
   */
  lastKnown?: { read(): Promise<BoardView | null>; write(view: BoardView): void };
}

/** Entries kept for the next view's first paint at most (a board rarely shows more). */
const LAST_KNOWN_MAX = 1000;

export function createBoardSession(deps: BoardSessionDeps) {
  const now = deps.now ?? (() => Date.now());
  const debounceMs = deps.debounceMs ?? 80;
  const entries = new Map<number, BoardEntry | null>();
  const asked = new Set<number>();
  const lastColumn = new Map<number, number>();
  let meta: Omit<BoardView, 'entries' | 'unknown'> | null = null;
  let board: BoardRead = { kind: 'pipeline', columns: [], cards: [], listHead: null };
  let agency: boolean | null = null;
  let apiDown = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const nodes = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
      if (nodes.some((n) => !deps.painter.owns(n) && n.nodeType === 1)) return schedule();
    }
  });

  function schedule(): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      scan();
    }, debounceMs);
  }

  const fail = (error: unknown): void => {
    if (stopped) return;
    if (deps.isInvalidated(error)) {
      stop();
      deps.onInvalidated();
    }
    // Anything else: the board stays as amoCRM drew it; the next change tries again.
  };

  function entryOfView(view: ClientView): void {
    entries.set(view.client.leadId, boardEntryOf(view));
  }

  function merge(view: BoardView, fresh = true): void {
    const { entries: list, unknown, ...rest } = view;
    meta = rest;
    for (const e of list) entries.set(e.leadId, e);
    for (const id of unknown) entries.set(Number(id.slice(id.lastIndexOf(':') + 1)), null);
    if (fresh) remember();
  }

  let writing: ReturnType<typeof setTimeout> | null = null;
  let written = false;
  function writeLast(): void {
    if (!meta || !deps.lastKnown) return;
    written = true;
    const known = [...entries.values()].filter((e): e is BoardEntry => e !== null).slice(-LAST_KNOWN_MAX);
    deps.lastKnown.write({ ...meta, entries: known, unknown: [] });
  }
  function remember(): void {
    if (!deps.lastKnown || writing) return;
    // The first answer at once: a board left straight away (a card opened from it) still leaves
    // the next board its first paint. Later answers (scrolling, filters) a second after the last.
    if (!written) return writeLast();
    writing = setTimeout(() => {
      writing = null;
      if (!stopped) writeLast();
    }, 1000);
  }
  /** The pending write now: the board is left within the app. */
  function flush(): void {
    if (!writing) return;
    clearTimeout(writing);
    writing = null;
    if (!stopped) writeLast();
  }

  /** Chips and summaries for what is on the page now. */
  function paint(): void {
    if (stopped || !meta) return;
    if (agency === false) return deps.painter.clear();
    const at = now();
    const locale = deps.locale();
    const working = workingState(meta.workingHours, meta.now, at, meta.calendar).working;
    if (board.listHead) deps.painter.listColumn(board.listHead, chipText(locale, 'listColumn'));
    for (const card of board.cards) {
      const entry = entries.get(card.leadId);
      deps.painter.chip(card.anchor, card.place, entry ? chipOf(entry, at, working, locale) : null);
    }
    for (const column of board.columns) {
      const count = overdueDeals(
        board.cards.filter((c) => c.statusId === column.statusId).map((c) => entries.get(c.leadId) ?? undefined),
        at,
      );
      deps.painter.summary(column.head, count, chipText(locale, 'column', { count }), chipText(locale, 'columnLabel', { count }));
    }
  }

  async function ask(leadIds: number[]): Promise<void> {
    for (const id of leadIds) asked.add(id);
    const view = await deps.send('board.view', { clientIds: leadIds.map((id) => clientIdOf(deps.host, id)) });
    if (stopped) return;
    merge(view);
    if (agency === null && board.kind === 'pipeline') agency = isAgencyPipeline(board.columns, view.amocrm);
    paint();
    const unknown = view.unknown.map((id) => Number(id.slice(id.lastIndexOf(':') + 1)));
    if (unknown.length && !apiDown && agency !== false) await readUnknown(unknown, view);
  }

  /** The deals the worker does not know: one batched request, then one message to record them. */
  async function readUnknown(leadIds: number[], view: BoardView): Promise<void> {
    try {
      let pipeline;
      if (board.kind === 'pipeline') pipeline = pipelineOfColumns(board.columns, deps.page.pipelineId);
      else {
        pipeline = agencyPipelineOf(await deps.api.pipelines(), view.amocrm);
      }
      if (!pipeline) return;
      // One request per API page (250 deals): one for a board view, two for a board of 300 strangers.
      for (let i = 0; i < leadIds.length && !stopped; i += LEADS_PAGE_MAX) {
        const leads = await deps.api.leadsByIds(leadIds.slice(i, i + LEADS_PAGE_MAX), isSecretField(view.amocrm));
        const deals = dealsFromLeads(leads, {
          host: deps.host,
          pipeline,
          amo: view.amocrm,
          timeZone: view.calendar.timeZone,
          now: now(),
        });
        if (stopped || !deals.length) continue;
        merge(await deps.send('board.sync', { deals: deals.map((d) => ({ client: d.client, events: d.events })) }));
        paint();
      }
    } catch (error) {
      if (shouldFallBack(error)) {
        apiDown = true;
        deps.painter.notice(chipText(deps.locale(), 'offline'));
        return;
      }
      throw error;
    }
  }

  /** A card now in another column than last seen: the manager dragged it there. */
  async function moved(leadId: number, toStatusId: number): Promise<void> {
    const column = board.columns.find((c) => c.statusId === toStatusId);
    if (!column || !meta) return;
    const known = entries.get(leadId);
    const event = moveEvent(deps.host, leadId, column, meta.amocrm, now());
    if (known && event) {
      const { view } = await deps.send('event.record', { event });
      if (stopped) return;
      entryOfView(view);
      paint();
    }
    setTimeout(() => void confirm(leadId).catch(fail), deps.confirmAfterMs ?? 1500);
  }

  /** The API's word on a moved deal: its real history recorded (idempotent), the chip redrawn. */
  async function confirm(leadId: number): Promise<void> {
    if (stopped || !meta || apiDown) return;
    deps.api.refresh(leadId);
    const settings = { amocrm: meta.amocrm, timeZone: meta.calendar.timeZone };
    try {
      const { mapped } = await readDeal(leadId, {
        api: deps.api,
        host: deps.host,
        amo: settings.amocrm,
        timeZone: settings.timeZone,
        now,
        cardReady: () => Promise.reject(new Error('no card on the board')),
        doc: () => deps.doc,
      });
      const { view } = await deps.send('client.sync', { client: mapped.client, events: mapped.events });
      if (stopped) return;
      entryOfView(view);
      paint();
    } catch (error) {
      if (deps.isInvalidated(error)) return fail(error);
      // The API is down: the move stays as recorded from the page; the quiet notice says so.
      deps.painter.notice(chipText(deps.locale(), 'offline'));
    }
  }

  function scan(): void {
    if (stopped) return;
    try {
      board = readBoard(deps.doc);
      // Not rendered yet, or a layout we do not know: nothing to show, nothing to break.
      if (!board.cards.length && !board.columns.length) return;
      if (board.kind === 'pipeline' && meta && agency === null) agency = isAgencyPipeline(board.columns, meta.amocrm);
      if (agency === false) return deps.painter.clear();
      const fresh: number[] = [];
      for (const card of board.cards) {
        if (!asked.has(card.leadId)) fresh.push(card.leadId);
        const before = lastColumn.get(card.leadId);
        if (card.statusId !== null) {
          if (before !== undefined && before !== card.statusId) void moved(card.leadId, card.statusId).catch(fail);
          lastColumn.set(card.leadId, card.statusId);
        }
      }
      paint();
      if (fresh.length) void ask(fresh).catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  function stop(): void {
    if (stopped) return;
    flush();
    stopped = true;
    observer.disconnect();
    if (timer) clearTimeout(timer);
    if (ticker) clearInterval(ticker);
    deps.painter.clear();
  }

  return {
    start(): void {
      // The last known state, painted while the worker computes the fresh one (never over it).
      void deps.lastKnown?.read().then(
        (last) => {
          if (!last || stopped || meta) return;
          merge(last, false);
          paint();
        },
        () => undefined,
      );
      observer.observe(deps.doc.body ?? deps.doc.documentElement, { childList: true, subtree: true });
      ticker = setInterval(paint, deps.tickMs ?? 30_000);
      scan();
    },
    /** The tab became visible again: fresh entries for every card (one message). */
    refresh(): void {
      if (stopped || agency === false) return;
      const ids = board.cards.map((c) => c.leadId);
      if (ids.length) void ask(ids).catch(fail);
    },
    stop,
    /** For tests: what the session knows. */
    entries: () => entries,
  };
}

export type BoardSession = ReturnType<typeof createBoardSession>;
