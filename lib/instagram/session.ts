// The Instagram sidebar's session: one visit per page (a profile, or a round page: feed, Direct, a
// post), its conversations with the worker and Instagram, held in signals the sidebar renders.
// Browser access (messages, fetch, storage, cookie, the page) comes in as dependencies; the
// features live beside it: ./session-state.ts, ./session-profile.ts (a profile visit).
import { signal } from '@preact/signals-core';
import { postPageChannel, type PostPageOutcome, type PostPageReport } from './post-page';
import type { Send } from '../messaging/protocol';
import type { NewClientEvent } from '../model/facts';
import type { KeyValue } from './api';
import type { DomProfile } from './dom';
import { manualEvent, roundTick } from './observe';
import { createProfileVisits } from './session-profile';
import { createSessionState } from './session-state';
import { localDateOf } from './today';
import { parseInstagramUrl } from './url';

export type { IgStatus, Mode, PlanState, ProfileState } from './session-state';

export interface SidebarSessionDeps {
  send: Send;
  /** The extension was reloaded under the page (every later call would throw). */
  isInvalidated: (error: unknown) => boolean;
  fetch: typeof fetch;
  /** Per-tab cache and back-off for the Instagram endpoints (session storage or memory). */
  store: () => Promise<KeyValue>;
  csrfToken: () => string | null;
  /** The profile as the page shows it. */
  readPage: () => DomProfile;
  /** The page's current URL. */
  href: () => string;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

export function createSidebarSession(deps: SidebarSessionDeps) {
  const clock = deps.now ?? (() => Date.now());
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const s = createSessionState(clock, deps.isInvalidated);
  const profile = createProfileVisits(s, { ...deps, now: clock, wait });
  let pageKey = '';
  /** On a post page: what came of it (entrypoints/instagram-post.content records it and reports here). */
  const postPage = signal<PostPageOutcome | null>(null);
  // A report may come before this script has seen the URL change: the last one is kept.
  let lastReport: PostPageReport | null = null;
  postPageChannel().addEventListener('report', (event) => {
    lastReport = (event as CustomEvent<PostPageReport>).detail;
    if (!s.dead && pageKey === `post:${lastReport.shortcode}`) postPage.value = lastReport.outcome;
  });

  /** Starts a visit when the page changed; true when it did. */
  function navigate(href: string, options: { observe?: boolean } = {}): boolean {
    if (s.dead) return false;
    const page = parseInstagramUrl(href);
    const key =
      page.kind === 'profile'
        ? `profile:${page.username}`
        : page.kind === 'post'
          ? `post:${page.shortcode}`
          : page.kind === 'feed' || page.kind === 'direct'
            ? 'round'
            : 'hidden';
    if (key === pageKey) return false;
    pageKey = key;
    const id = ++s.visit;
    s.failure.value = null;
    s.ig.value = { kind: 'idle' };
    s.dom.value = null;
    s.blind.value = false;
    postPage.value = page.kind === 'post' && lastReport?.shortcode === page.shortcode ? lastReport.outcome : null;
    s.now.value = clock();
    if (page.kind === 'profile') void profile.open(id, page.username, options.observe ?? true);
    else if (key === 'round' || page.kind === 'post') void openRound(id);
    else s.mode.value = { kind: 'hidden' };
    return true;
  }

  async function openRound(id: number): Promise<void> {
    s.mode.value = { kind: 'round', round: undefined };
    try {
      const agenda = await deps.send('agenda.get', {});
      if (s.current(id)) s.mode.value = { kind: 'round', round: agenda.round };
    } catch (error) {
      if (s.current(id)) s.handle(error);
    }
  }

  /** A tick or a manual mark on the client on screen. */
  async function record(event: NewClientEvent, label: string): Promise<void> {
    const m = s.mode.value;
    if (m.kind !== 'profile' || m.state.kind !== 'client') return;
    const id = s.visit;
    s.busy.value = label;
    try {
      const reply = await deps.send('event.record', { event });
      s.showClient(id, m.state.username, reply.view);
    } catch (error) {
      if (s.current(id)) s.handle(error);
    } finally {
      s.busy.value = null;
    }
  }

  return {
    mode: s.mode,
    ig: s.ig,
    dom: s.dom,
    blind: s.blind,
    zone: s.zone,
    serviceNames: s.serviceNames,
    now: s.now,
    busy: s.busy,
    failure: s.failure,
    postPage,
    navigate,
    link: profile.link,
    loadSettings(): void {
      deps
        .send('settings.view', {})
        .then((settings) => {
          s.zone.value = settings.calendar.timeZone || s.zone.value;
          s.serviceNames.value = settings.shownAmocrm.serviceValues;
        })
        .catch(() => undefined);
    },
    /** The extension was reloaded under the page: say so, ask nothing more. */
    invalidated: (error: unknown) => s.handle(error),
    tick: () => (s.now.value = clock()),
    /** Re-reads the worker's view (never Instagram: not a new visit), e.g. when the tab becomes visible. */
    refresh(): void {
      const key = pageKey;
      pageKey = '';
      if (key) navigate(deps.href(), { observe: false });
    },
    tickRound(slot: string): Promise<void> {
      const view = s.clientView();
      return view ? record(roundTick(view.client.id, slot, clock()), `round:${slot}`) : Promise.resolve();
    },
    markManual(kind: 'post' | 'story'): Promise<void> {
      const view = s.clientView();
      if (!view) return Promise.resolve();
      const at = clock();
      return record(manualEvent(view.client.id, kind, at, localDateOf(at, s.zone.value)), kind);
    },
  };
}

export type SidebarSession = ReturnType<typeof createSidebarSession>;
