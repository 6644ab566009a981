// The Instagram sidebar's session: one visit per page (a profile, or a round page: feed, Direct, a
// post), its conversations with the worker and Instagram, held in signals the sidebar renders.
// Navigating away makes the previous visit's late answers harmless (they check `current`).
// Browser access (messages, fetch, storage, cookie, the page) comes in as dependencies.
import { signal } from '@preact/signals-core';
import { DEFAULT_TIME_ZONE } from '../calendar/default-zone';
import type { Agenda, ClientSummary, ClientView, Send } from '../messaging/protocol';
import type { NewClientEvent, Service } from '../model/facts';
import type { TodayPlanItem } from '../model/plans';
import type { KeyValue } from './api';
import type { DomProfile } from './dom';
import { manualEvent, roundTick } from './observe';
import { readPageWhenReady, recordObservation } from './observe-visit';
import { localDateOf } from './today';
import { parseInstagramUrl } from './url';

export type IgStatus = { kind: 'idle' | 'checking' | 'ok' } | { kind: 'limited'; until: number } | { kind: 'error' };

export type PlanState = TodayPlanItem | null | 'unavailable' | undefined;

export type ProfileState =
  | { kind: 'loading'; username: string }
  | { kind: 'unknown'; username: string; clients: ClientSummary[] | null }
  | { kind: 'client'; username: string; view: ClientView; plan: PlanState };

export type Mode =
  { kind: 'hidden' } | { kind: 'profile'; state: ProfileState } | { kind: 'round'; round: Agenda['round'] | undefined };

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
  const mode = signal<Mode>({ kind: 'hidden' });
  const ig = signal<IgStatus>({ kind: 'idle' });
  const dom = signal<DomProfile | null>(null);
  /** The endpoints failed and the page shows no posts we can read (its layout changed). */
  const blind = signal(false);
  const zone = signal(DEFAULT_TIME_ZONE);
  /** The agency's names of the services (settings.amocrm.serviceValues); null until the settings arrive. */
  const serviceNames = signal<Record<Service, string> | null>(null);
  const now = signal(clock());
  const busy = signal<string | null>(null);
  const failure = signal<'invalidated' | string | null>(null);
  let visit = 0;
  let pageKey = '';
  let store: Promise<KeyValue> | null = null;
  let dead = false;

  const current = (id: number) => id === visit && !dead;

  function handle(error: unknown): void {
    if (deps.isInvalidated(error)) {
      dead = true;
      failure.value = 'invalidated';
      return;
    }
    failure.value = error instanceof Error ? error.message : String(error);
  }

  function loadSettings(): void {
    deps
      .send('settings.get', {})
      .then((s) => {
        zone.value = s.calendar.timeZone || zone.value;
        serviceNames.value = s.amocrm.serviceValues;
      })
      .catch(() => undefined);
  }

  /** Starts a visit when the page changed; true when it did. */
  function navigate(href: string, options: { observe?: boolean } = {}): boolean {
    if (dead) return false;
    const page = parseInstagramUrl(href);
    const key =
      page.kind === 'profile'
        ? `profile:${page.username}`
        : page.kind === 'feed' || page.kind === 'direct' || page.kind === 'post'
          ? 'round'
          : 'hidden';
    if (key === pageKey) return false;
    pageKey = key;
    const id = ++visit;
    failure.value = null;
    ig.value = { kind: 'idle' };
    dom.value = null;
    blind.value = false;
    now.value = clock();
    if (page.kind === 'profile') void openProfile(id, page.username, options.observe ?? true);
    else if (key === 'round') void openRound(id);
    else mode.value = { kind: 'hidden' };
    return true;
  }

  async function openRound(id: number): Promise<void> {
    mode.value = { kind: 'round', round: undefined };
    try {
      const agenda = await deps.send('agenda.get', {});
      if (current(id)) mode.value = { kind: 'round', round: agenda.round };
    } catch (error) {
      if (current(id)) handle(error);
    }
  }

  async function openProfile(id: number, username: string, withInstagram: boolean): Promise<void> {
    mode.value = { kind: 'profile', state: { kind: 'loading', username } };
    try {
      const view = await deps.send('client.byInstagram', { username });
      if (!current(id)) return;
      if (!view) {
        mode.value = { kind: 'profile', state: { kind: 'unknown', username, clients: null } };
        const clients = await deps.send('clients.list', {});
        if (current(id)) mode.value = { kind: 'profile', state: { kind: 'unknown', username, clients } };
        return;
      }
      showClient(id, username, view);
      void loadPlan(id, view.client.id);
      if (withInstagram) await observe(id, username, view);
    } catch (error) {
      if (current(id)) handle(error);
    }
  }

  function showClient(id: number, username: string, view: ClientView, plan?: PlanState): void {
    if (!current(id)) return;
    const prev = mode.value.kind === 'profile' && mode.value.state.kind === 'client' ? mode.value.state.plan : undefined;
    mode.value = { kind: 'profile', state: { kind: 'client', username, view, plan: plan === undefined ? prev : plan } };
    now.value = clock();
  }

  async function loadPlan(id: number, clientId: string): Promise<void> {
    let plan: TodayPlanItem | null | 'unavailable';
    try {
      plan = await deps.send('plan.today', { clientId });
    } catch (error) {
      if (deps.isInvalidated(error)) return handle(error);
      plan = 'unavailable';
    }
    const m = mode.value;
    if (current(id) && m.kind === 'profile' && m.state.kind === 'client') showClient(id, m.state.username, m.state.view, plan);
  }

  /** Instagram first (≤ 2 requests, cached), the page second; facts go to the worker. */
  async function observe(id: number, username: string, view: ClientView): Promise<void> {
    ig.value = { kind: 'checking' };
    store ??= deps.store();
    const outcome = await recordObservation(username, view, {
      send: deps.send,
      fetch: deps.fetch,
      now: clock,
      store: await store,
      csrfToken: deps.csrfToken,
      current: () => current(id),
    });
    if (!outcome) return;
    if (outcome.view !== view) showClient(id, username, outcome.view);
    if (outcome.status === 'ok') ig.value = { kind: 'ok' };
    else {
      ig.value = outcome.status === 'limited' ? { kind: 'limited', until: outcome.until ?? clock() } : { kind: 'error' };
      const read = await readPageWhenReady(username, deps.readPage, wait);
      if (!current(id)) return;
      dom.value = read;
      blind.value = !read?.shortcodes.length;
    }
  }

  async function record(event: NewClientEvent, label: string): Promise<void> {
    const m = mode.value;
    if (m.kind !== 'profile' || m.state.kind !== 'client') return;
    const id = visit;
    busy.value = label;
    try {
      const reply = await deps.send('event.record', { event });
      showClient(id, m.state.username, reply.view);
    } catch (error) {
      if (current(id)) handle(error);
    } finally {
      busy.value = null;
    }
  }

  function clientOf(): ClientView | null {
    const m = mode.value;
    return m.kind === 'profile' && m.state.kind === 'client' ? m.state.view : null;
  }

  return {
    mode,
    ig,
    dom,
    blind,
    zone,
    serviceNames,
    now,
    busy,
    failure,
    loadSettings,
    navigate,
    /** The extension was reloaded under the page: say so, ask nothing more. */
    invalidated(error: unknown): void {
      handle(error);
    },
    tick: () => (now.value = clock()),
    /** Re-reads the worker's view (never Instagram: not a new visit), e.g. when the tab becomes visible. */
    refresh(): void {
      const key = pageKey;
      pageKey = '';
      if (key) navigate(deps.href(), { observe: false });
    },
    tickRound(slot: string): Promise<void> {
      const view = clientOf();
      return view ? record(roundTick(view.client.id, slot, clock()), `round:${slot}`) : Promise.resolve();
    },
    markManual(kind: 'post' | 'story'): Promise<void> {
      const view = clientOf();
      if (!view) return Promise.resolve();
      const at = clock();
      return record(manualEvent(view.client.id, kind, at, localDateOf(at, zone.value)), kind);
    },
    async link(clientId: string): Promise<void> {
      const m = mode.value;
      if (m.kind !== 'profile' || m.state.kind !== 'unknown') return;
      const id = visit;
      const username = m.state.username;
      busy.value = 'link';
      try {
        const view = await deps.send('client.linkInstagram', { clientId, username });
        if (!current(id)) return;
        showClient(id, username, view);
        void loadPlan(id, view.client.id);
        await observe(id, username, view);
      } catch (error) {
        if (current(id)) handle(error);
      } finally {
        busy.value = null;
      }
    },
  };
}

export type SidebarSession = ReturnType<typeof createSidebarSession>;
