// Mounts the amoCRM overlay: one session (lib/amocrm/session.ts) per visit of a deal card, one
// shadow-root UI moved between cards, placed in the card's widget column or floating.
import { render } from 'preact';
import type { ContentScriptContext } from '#imports';
import { findAmoApi, lazyAmoApi, missingAmoApi } from '@/lib/amocrm/api-port';
import { cardMarker, cardRoot, type StaleCard } from '@/lib/amocrm/dom';
import { watchPage } from '@/lib/amocrm/navigation';
import { S } from '@/lib/amocrm/selectors';
import { createSession, type Session } from '@/lib/amocrm/session';
import { overlayMessages } from '@/lib/amocrm/strings';
import { leadIdOf } from '@/lib/amocrm/url';
import { createPrefetch } from '@/lib/amocrm/prefetch';
import { translator } from '@/lib/i18n/translate';
import { isContextInvalidated, sendMessage } from '@/lib/messaging/client';
import type { ContentSettings } from '@/lib/playbook/settings-types';
import type { ClientView, OptionsSection } from '@/lib/messaging/protocol';
import { createShadowUi, type ShadowUi } from '../common/shadow-ui';
import { markForTests } from '../common/build-mode';
import { Overlay } from './Overlay';
import { createOverlayPrefs } from './prefs';

/** Without a recognizable card after this long, the overlay floats bottom-right. */
const FLOAT_AFTER_MS = 1500;
/** Page-data mode waits this long for the card; then it reads whatever is there (a changed layout says so). */
const CARD_WAIT_MS = 5000;
/** Views of earlier cards kept in the page for going back to them. */
const REMEMBERED_VIEWS = 50;
/** An API request without an answer after this long gives way to the page. */
const API_TIMEOUT_MS = 8000;

interface Visit {
  leadId: number;
  session: Session;
  abort: AbortController;
  started: number;
  /** The previous deal's card, not to be taken for this one while it is still on the page. */
  stale: StaleCard | null;
  /** This deal's card once seen (it becomes the next visit's `stale`). */
  marker: StaleCard | null;
  cardWaiters: Array<(doc: ParentNode) => void>;
  stopEffect: () => void;
}

/** True while the page's HTML is still parsing (the script runs from the document's start). */
const parsing = () => document.readyState === 'loading';

export function mountOverlay(ctx: ContentScriptContext): void {
  const pageLife = new AbortController();
  ctx.onInvalidated(() => pageLife.abort());
  // Looked up at the first request: the API client's script may run after this one at the document's start.
  const api = lazyAmoApi(() => {
    const factory = findAmoApi();
    return factory ? factory({ origin: location.origin, timeoutMs: API_TIMEOUT_MS }) : missingAmoApi();
  });
  let settingsP: Promise<ContentSettings> | null = null;
  const settings = () =>
    (settingsP ??= sendMessage('settings.view', {}).catch((e: unknown) => ((settingsP = null), Promise.reject(e))));
  const prefs = createOverlayPrefs();

  let ui: ShadowUi | null = null;
  let uiP: Promise<ShadowUi> | null = null;
  let visit: Visit | null = null;
  let mounted = false;
  let lastCard: StaleCard | null = null;
  /** The last view shown per deal in this page: going back to a card paints it before any message. */
  const shown = new Map<number, ClientView>();
  const remember = (leadId: number, view: ClientView) => {
    shown.delete(leadId);
    shown.set(leadId, view);
    // A day of cards in one tab stays small: the oldest go first.
    if (shown.size > REMEMBERED_VIEWS) shown.delete(shown.keys().next().value!);
  };

  const prefetchView = createPrefetch({
    host: location.hostname,
    send: sendMessage,
    has: (leadId) => shown.has(leadId),
    current: () => visit?.leadId ?? null,
    keep: remember,
  });
  /** A deal link pointed at or pressed: the card it opens paints its last known view at once. */
  const prefetch = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href*="/leads/detail/"]') : null;
    if (link instanceof HTMLAnchorElement) prefetchView(link.href);
  };

  /** The extension was reloaded under this page: the overlay gives way to a one-line notice. */
  const quit = () => {
    pageLife.abort();
    const shown = mounted && ui;
    mounted = false;
    leave();
    if (!shown || !ui) return;
    markForTests(ui.host, 'state', 'invalidated');
    render(
      <div class="rg">
        <p class="rg-note rg-note--error" role="alert" data-notice="invalidated">
          {translator(overlayMessages, prefs.locale)('invalidated')}
        </p>
      </div>,
      ui.container,
    );
  };

  // The UI and the stored preferences together: nothing is rendered before the language is known.
  const makeUi = () =>
    (uiP ??= Promise.all([createShadowUi('reglament-overlay', 'amocrm'), prefs.loaded]).then(([created]) => (ui = created)));

  const unmount = () => {
    if (!ui) return;
    render(null, ui.container);
    ui.host.remove();
  };
  ctx.onInvalidated(unmount);

  const mount = (v: Visit, anchor: Element, floating: boolean) => {
    if (!ui) return;
    unmount();
    if (floating) anchor.append(ui.host);
    else anchor.prepend(ui.host);
    render(<Overlay session={v.session} locale={prefs.locale} openOptions={openOptions} />, ui.container);
  };

  const openOptions = (section: OptionsSection) => void sendMessage('options.open', { section }).catch(() => undefined);

  function leave(): void {
    if (visit) {
      lastCard = visit.marker ?? lastCard;
      visit.abort.abort();
      visit.session.close();
      visit.stopEffect();
      visit = null;
    }
    if (mounted) unmount();
    mounted = false;
  }

  function enter(leadId: number): void {
    const abort = new AbortController();
    const v: Visit = {
      leadId,
      abort,
      started: performance.now(),
      stale: lastCard,
      marker: null,
      cardWaiters: [],
      stopEffect: () => undefined,
      session: createSession({
        host: location.hostname,
        leadId,
        send: sendMessage,
        api,
        settings,
        doc: () => document,
        stale: () => v.stale,
        remembered: shown.get(leadId) ?? null,
        cardReady: () =>
          new Promise<ParentNode>((resolve, reject) => {
            if (!parsing() && cardRoot(document, leadId, v.stale)) return resolve(document);
            v.cardWaiters.push(resolve);
            setTimeout(() => resolve(document), CARD_WAIT_MS);
            abort.signal.addEventListener('abort', () => reject(new Error('left the card')), { once: true });
          }),
        onInvalidated: quit,
        isInvalidated: isContextInvalidated,
      }),
    };
    visit = v;
    v.stopEffect = v.session.data.subscribe(() => {
      const { view } = v.session.data.get();
      if (view) remember(leadId, view);
      if (ui && visit === v) mark(ui.host, v);
    });
    v.session.start();
  }

  function place(v: Visit): void {
    // A card still being parsed is not read, and the overlay does not float in its stead.
    const card = cardRoot(document, v.leadId, v.stale);
    if (card && !parsing()) {
      v.marker = cardMarker(document);
      for (const resolve of v.cardWaiters.splice(0)) resolve(document);
    }
    const column = card ? document.querySelector(S.widgetColumn) : null;
    const floating = !column;
    if (!ui) {
      void makeUi().then(check, () => undefined);
      return;
    }
    if (mounted && ui.host.isConnected && (floating || column!.contains(ui.host))) return;
    if (floating && parsing()) return;
    if (floating && !card && performance.now() - v.started < FLOAT_AFTER_MS) {
      setTimeout(check, FLOAT_AFTER_MS);
      return;
    }
    mount(v, column ?? document.body, floating);
    mounted = true;
    const host = ui.host;
    markForTests(host, 'lead', String(v.leadId));
    // Floating (no widget column): placed by the shadow root's `:host([data-floating=true])` rule.
    host.dataset.floating = String(floating);
    mark(host, v);
  }

  /** State on the host element, for tests and the bench. */
  function mark(host: HTMLElement, v: Visit): void {
    const d = v.session.data.get();
    markForTests(host, 'state', d.error ? 'error' : d.view ? 'ready' : d.layout ? 'error' : 'loading');
    markForTests(host, 'mode', d.fallback ? 'page' : d.synced ? 'api' : 'pending');
  }

  function check(): void {
    try {
      if (pageLife.signal.aborted) return;
      const leadId = leadIdOf(location.href);
      if (visit && visit.leadId !== leadId) leave();
      if (leadId === null) return;
      if (!visit) enter(leadId);
      place(visit!);
    } catch {
      // Never throw into the page; the next change tries again.
    }
  }

  // From the document's start on a deal card: the UI's CSS, the preferences and the deal's last known
  // view (the session's first message) are on their way while amoCRM's HTML parses, so the
  // countdowns paint as soon as the card's widget column is there. Elsewhere (the board, whose own
  // script reads its last state at this moment) the UI is made at the first card.
  if (leadIdOf(location.href) !== null) void makeUi().then(check, () => undefined);
  watchPage(check, pageLife.signal);
  if (parsing()) ctx.addEventListener(document, 'DOMContentLoaded', check);
  ctx.addEventListener(window, 'wxt:locationchange', check);
  ctx.addEventListener(document, 'pointerover', prefetch, { capture: true, passive: true });
  ctx.addEventListener(document, 'pointerdown', prefetch, { capture: true, passive: true });
  const refresh = () => {
    if (document.visibilityState === 'visible' && visit) visit.session.refresh();
  };
  ctx.addEventListener(document, 'visibilitychange', refresh);
  ctx.addEventListener(window, 'focus', refresh);
  check();
}
