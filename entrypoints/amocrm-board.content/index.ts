// amoCRM board content script: chips on the pipeline board and the list view. Its own script (the
// card overlay's has no room left): it matches the whole account origin, because the SPA goes from
// a card to the board without a reload, and starts a board session only on board/list URLs.
import { browser } from 'wxt/browser';
import { createBoardPainter } from '@/components/board/painter';
import { findAmoApi, missingAmoApi } from '@/lib/amocrm/api-port';
import { createBoardSession, type BoardSession } from '@/lib/amocrm/board/session';
import { boardPageOf, sameBoardPage, type BoardPage } from '@/lib/amocrm/board/url';
import { watchPage } from '@/lib/amocrm/navigation';
import { amocrmMatches } from '@/lib/hosts';
import { DEFAULT_LOCALE, localeStorageKey, resolveLocale, type Locale } from '@/lib/i18n/locale';
import { isContextInvalidated, sendMessage } from '@/lib/messaging/client';
import type { BoardView } from '@/lib/messaging/protocol';

/** Where the last board view is kept for the next view's first paint (per account). */
const lastKey = (host: string) => `board.last:${host}`;

export default defineContentScript({
  matches: amocrmMatches,
  // From the document's start, only to read the last known board from extension storage while
  // amoCRM's HTML is still parsing: at document_idle that read began after the board was ready,
  // and its round trip was most of the time to the first chips (scripts/bench/board.ts).
  // Everything else waits for DOMContentLoaded, as before.
  runAt: 'document_start',
  main(ctx) {
    const life = new AbortController();
    ctx.onInvalidated(() => life.abort());
    // The API client's own content script (document_start) has left its factory by now.
    const factory = findAmoApi();
    const api = factory ? factory({ origin: location.origin }) : missingAmoApi();
    let locale: Locale = DEFAULT_LOCALE;
    void browser.storage.local.get(localeStorageKey).then(
      (v) => (locale = resolveLocale(v[localeStorageKey])),
      () => undefined,
    );
    const readLast = async () =>
      ((await browser.storage.local.get(lastKey(location.hostname)))[lastKey(location.hostname)] as BoardView) ?? null;
    /** The read started at the document's start, handed to the first board session. */
    let early: Promise<BoardView | null> | null = boardPageOf(location.href) ? readLast() : null;
    early?.catch(() => undefined);
    let page: BoardPage | null = null;
    let session: BoardSession | null = null;

    const check = () => {
      try {
        const next = life.signal.aborted ? null : boardPageOf(location.href);
        if (sameBoardPage(next, page) && (session || !next)) return;
        session?.stop();
        session = null;
        page = next;
        if (!page) return;
        session = createBoardSession({
          host: location.hostname,
          page,
          doc: document,
          send: sendMessage,
          api,
          painter: createBoardPainter(document),
          locale: () => locale,
          onInvalidated: () => life.abort(),
          isInvalidated: isContextInvalidated,
          lastKnown: {
            read: () => {
              const read = early ?? readLast();
              early = null;
              return read;
            },
            write: (view) => void browser.storage.local.set({ [lastKey(location.hostname)]: view }).catch(() => undefined),
          },
        });
        session.start();
      } catch {
        // Never throw into the page; the next navigation tries again.
      }
    };

    ctx.onInvalidated(() => session?.stop());
    const begin = () => {
      if (life.signal.aborted) return;
      watchPage(check, life.signal);
      ctx.addEventListener(window, 'wxt:locationchange', check);
      ctx.addEventListener(document, 'visibilitychange', () => {
        if (document.visibilityState === 'visible') session?.refresh();
      });
      check();
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', begin, { once: true, signal: life.signal });
    else begin();
  },
});
