// The board's last known view (lib/amocrm/board/session.ts): the worker's first answer written at
// once, later ones a second after (or when the board is left within the app), so the next board
// paints from it instead of waiting for the worker, even after a card was opened from it at once.
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBoardSession, type BoardPainter } from '@/lib/amocrm/board/session';
import { boardPageOf } from '@/lib/amocrm/board/url';
import { missingAmoApi } from '@/lib/amocrm/api-port';
import { defaultSettings } from '@/lib/playbook/settings';
import type { BoardView, Send } from '@/lib/messaging/protocol';
import { renderBoardHtml } from '../../fakes/amocrm/index';
import { createSeed } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0);
const seed = createSeed(NOW);
const URL_ = `https://${seed.host}/leads/pipeline/${seed.pipeline.id}/`;

const painter: BoardPainter = {
  chip: () => undefined,
  listColumn: () => undefined,
  summary: () => undefined,
  notice: () => undefined,
  owns: () => false,
  clear: () => undefined,
};

/** The worker's answer: every asked deal known, none with a deadline. */
const send = (async (type: string, payload: { clientIds: string[] }) => {
  if (type !== 'board.view') throw new Error(`unexpected ${type}`);
  const view: BoardView = {
    now: NOW,
    workingHours: { open: true, nextOpening: null },
    calendar: defaultSettings.calendar,
    amocrm: defaultSettings.amocrm,
    entries: payload.clientIds.map((id) => ({
      clientId: id,
      leadId: Number(id.slice(id.lastIndexOf(':') + 1)),
      stage: null,
      top: null,
      overdue: 0,
    })),
    unknown: [],
  };
  return view;
}) as unknown as Send;

function start(writes: BoardView[]) {
  const { document, MutationObserver } = parseHTML(renderBoardHtml(seed));
  vi.stubGlobal('MutationObserver', MutationObserver);
  const session = createBoardSession({
    host: seed.host,
    page: boardPageOf(URL_)!,
    doc: document as unknown as Document,
    send,
    api: missingAmoApi(),
    painter,
    locale: () => 'ru',
    now: () => NOW,
    onInvalidated: () => undefined,
    isInvalidated: () => false,
    lastKnown: { read: async () => null, write: (view) => void writes.push(view) },
  });
  session.start();
  return session;
}

describe('the board’s last known view', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is written at once for the worker’s first answer', async () => {
    const writes: BoardView[] = [];
    start(writes);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.entries.length).toBeGreaterThan(0);
  });

  it('is written a second after a later answer, once', async () => {
    const writes: BoardView[] = [];
    const session = start(writes);
    await vi.advanceTimersByTimeAsync(100);
    session.refresh();
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(2);
  });

  it('is written when the board is left within the app before that second', async () => {
    const writes: BoardView[] = [];
    const session = start(writes);
    await vi.advanceTimersByTimeAsync(100);
    session.refresh();
    await vi.advanceTimersByTimeAsync(100);
    session.stop();
    expect(writes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(2);
  });

  it('is not written before the worker answered anything', () => {
    const writes: BoardView[] = [];
    const session = start(writes);
    session.stop();
    expect(writes).toEqual([]);
  });
});
