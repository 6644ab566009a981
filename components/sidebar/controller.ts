// The sidebar's state and its conversations with the worker and Instagram. One visit per page:
// navigating away makes the previous visit's late answers harmless (they check `visit`).
import { signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import { ExtensionContextInvalidatedError, isContextInvalidated, sendMessage } from '@/lib/messaging/client';
import type { Agenda, ClientSummary, ClientView, MessageType, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { NewClientEvent, Service } from '@/lib/model/facts';
import type { TodayPlanItem } from '@/lib/model/plans';
import { memoryStore, observeProfile, type KeyValue } from '@/lib/instagram/api';
import { readProfileDom, type DomProfile } from '@/lib/instagram/dom';
import { manualEvent, observationEvents, roundTick } from '@/lib/instagram/observe';
import { localDateOf } from '@/lib/instagram/today';
import { parseInstagramUrl } from '@/lib/instagram/url';
import { measureLayout, type PanelLayout } from './layout';
import { localeStorageKey, resolveLocale, type Locale, type LocalePreference } from '@/lib/i18n/locale';
import { DEFAULT_TIME_ZONE } from '@/lib/calendar/default-zone';

export type IgStatus = { kind: 'idle' | 'checking' | 'ok' } | { kind: 'limited'; until: number } | { kind: 'error' };

export type ProfileState =
  | { kind: 'loading'; username: string }
  | { kind: 'unknown'; username: string; clients: ClientSummary[] | null }
  | { kind: 'client'; username: string; view: ClientView; plan: PlanState };

export type PlanState = TodayPlanItem | null | 'unavailable' | undefined;

export type Mode =
  { kind: 'hidden' } | { kind: 'profile'; state: ProfileState } | { kind: 'round'; round: Agenda['round'] | undefined };

const DAY = 86_400_000;
const collapsedKey = 'sidebar.collapsed';
type CollapsedPref = { wide?: boolean; narrow?: boolean };

async function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return sendMessage(type, payload);
}

/** `browser.storage.session` when content scripts may use it, else memory (per tab). */
async function sessionStore(): Promise<KeyValue> {
  const session = (
    browser.storage as {
      session?: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    }
  ).session;
  if (session) {
    try {
      await session.get('ig.probe');
      return {
        get: async <T>(key: string) => (await session.get(key))[key] as T | undefined,
        set: (key, value) => session.set({ [key]: value }),
      };
    } catch {
      /* not exposed to content scripts */
    }
  }
  return memoryStore();
}

function csrfToken(): string | null {
  return /(?:^|;\s*)csrftoken=([^;]+)/.exec(document.cookie)?.[1] ?? null;
}

export function createController() {
  const mode = signal<Mode>({ kind: 'hidden' });
  const ig = signal<IgStatus>({ kind: 'idle' });
  const dom = signal<DomProfile | null>(null);
  /** The endpoints failed and the page shows no posts we can read (its layout changed). */
  const blind = signal(false);
  const collapsed = signal(true);
  const layout = signal<PanelLayout>({ docked: false, width: 300, top: 16 });
  const locale = signal<Locale>(resolveLocale('auto', navigator.language));
  const zone = signal(DEFAULT_TIME_ZONE);
  /** The agency's names of the services (settings.amocrm.serviceValues); null until the settings arrive. */
  const serviceNames = signal<Record<Service, string> | null>(null);
  const now = signal(Date.now());
  const busy = signal<string | null>(null);
  const failure = signal<'invalidated' | string | null>(null);
  let pref: CollapsedPref = {};
  let visit = 0;
  let pageKey = '';
  let store: Promise<KeyValue> | null = null;
  let dead = false;

  function handle(error: unknown): void {
    if (error instanceof ExtensionContextInvalidatedError || isContextInvalidated(error)) {
      dead = true;
      failure.value = 'invalidated';
      return;
    }
    failure.value = error instanceof Error ? error.message : String(error);
  }

  async function init(): Promise<void> {
    try {
      const got = await browser.storage.local.get([collapsedKey, localeStorageKey]);
      // A toggle made while this read was under way is the manager's newer choice: it wins.
      pref = { ...((got[collapsedKey] as CollapsedPref | undefined) ?? {}), ...pref };
      locale.value = resolveLocale(got[localeStorageKey] as LocalePreference | undefined, navigator.language);
    } catch (error) {
      if (isContextInvalidated(error)) return handle(error);
    }
    applyCollapsedDefault();
    call('settings.get', {})
      .then((s) => {
        zone.value = s.calendar.timeZone || zone.value;
        serviceNames.value = s.amocrm.serviceValues;
      })
      .catch(() => undefined);
  }

  /** Re-measures where the panel fits; the default (or the remembered choice) follows. */
  function applyCollapsedDefault(): void {
    const next = measureLayout();
    const prev = layout.value;
    if (next.docked !== prev.docked || next.width !== prev.width || next.top !== prev.top) layout.value = next;
    const stored = next.docked ? pref.wide : pref.narrow;
    collapsed.value = stored ?? !next.docked;
  }

  function toggle(): void {
    collapsed.value = !collapsed.value;
    pref = { ...pref, [layout.value.docked ? 'wide' : 'narrow']: collapsed.value };
    try {
      browser.storage.local.set({ [collapsedKey]: pref }).catch(() => undefined);
    } catch {
      /* the extension was reloaded under the page */
    }
  }

  function navigate(href: string, options: { observe?: boolean } = {}): void {
    if (dead) return;
    const page = parseInstagramUrl(href);
    const key =
      page.kind === 'profile'
        ? `profile:${page.username}`
        : page.kind === 'feed' || page.kind === 'direct' || page.kind === 'post'
          ? 'round'
          : 'hidden';
    if (key === pageKey) return;
    pageKey = key;
    const id = ++visit;
    failure.value = null;
    ig.value = { kind: 'idle' };
    dom.value = null;
    blind.value = false;
    now.value = Date.now();
    // Instagram renders the new page a moment after the URL changes.
    setTimeout(() => current(id) && applyCollapsedDefault(), 400);
    if (page.kind === 'profile') void openProfile(id, page.username, options.observe ?? true);
    else if (key === 'round') void openRound(id);
    else mode.value = { kind: 'hidden' };
  }

  const current = (id: number) => id === visit && !dead;

  async function openRound(id: number): Promise<void> {
    mode.value = { kind: 'round', round: undefined };
    try {
      const agenda = await call('agenda.get', {});
      if (current(id)) mode.value = { kind: 'round', round: agenda.round };
    } catch (error) {
      if (current(id)) handle(error);
    }
  }

  async function openProfile(id: number, username: string, withInstagram: boolean): Promise<void> {
    mode.value = { kind: 'profile', state: { kind: 'loading', username } };
    try {
      const view = await call('client.byInstagram', { username });
      if (!current(id)) return;
      if (!view) {
        mode.value = { kind: 'profile', state: { kind: 'unknown', username, clients: null } };
        const clients = await call('clients.list', {});
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
    now.value = Date.now();
  }

  async function loadPlan(id: number, clientId: string): Promise<void> {
    let plan: TodayPlanItem | null | 'unavailable';
    try {
      plan = await call('plan.today', { clientId });
    } catch (error) {
      if (isContextInvalidated(error)) return handle(error);
      plan = 'unavailable';
    }
    const m = mode.value;
    if (current(id) && m.kind === 'profile' && m.state.kind === 'client') showClient(id, m.state.username, m.state.view, plan);
  }

  /** Instagram first (≤ 2 requests, cached), the page second; facts go to the worker. */
  async function observe(id: number, username: string, view: ClientView): Promise<void> {
    ig.value = { kind: 'checking' };
    store ??= sessionStore();
    const outcome = await observeProfile(username, {
      fetch: (...a) => fetch(...a),
      now: Date.now,
      store: await store,
      csrfToken,
    });
    if (!current(id)) return;
    const observation = outcome.status === 'not-found' ? null : outcome.observation;
    if (observation?.profile) {
      const since = Math.min(view.period?.start ?? Infinity, Date.now() - 35 * DAY) - DAY;
      const events = observationEvents(view.client.id, observation.profile.posts, observation.stories ?? [], since);
      let latest = view;
      for (const event of events) {
        const reply = await call('event.record', { event });
        if (!current(id)) return;
        if (reply.recorded) latest = reply.view;
      }
      if (latest !== view) showClient(id, username, latest);
    }
    if (outcome.status === 'ok') ig.value = { kind: 'ok' };
    else {
      ig.value = outcome.status === 'limited' ? { kind: 'limited', until: outcome.until } : { kind: 'error' };
      const read = await readDomWhenReady(username);
      if (!current(id)) return;
      dom.value = read;
      blind.value = !read?.shortcodes.length;
    }
  }

  async function readDomWhenReady(username: string): Promise<DomProfile | null> {
    for (let i = 0; i < 20; i++) {
      const read = readProfileDom(document);
      if (read.username === username) return read;
      await new Promise((r) => setTimeout(r, 150));
    }
    return null;
  }

  async function record(event: NewClientEvent, label: string): Promise<void> {
    const m = mode.value;
    if (m.kind !== 'profile' || m.state.kind !== 'client') return;
    const id = visit;
    busy.value = label;
    try {
      const reply = await call('event.record', { event });
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
    collapsed,
    layout,
    locale,
    zone,
    serviceNames,
    now,
    busy,
    failure,
    init,
    navigate,
    toggle,
    relayout: applyCollapsedDefault,
    tick: () => (now.value = Date.now()),
    /** Re-reads the worker's view (never Instagram: not a new visit), e.g. when the tab becomes visible. */
    refresh(): void {
      const key = pageKey;
      pageKey = '';
      if (key) navigate(location.href, { observe: false });
    },
    tickRound(slot: string): Promise<void> {
      const view = clientOf();
      return view ? record(roundTick(view.client.id, slot, Date.now()), `round:${slot}`) : Promise.resolve();
    },
    markManual(kind: 'post' | 'story'): Promise<void> {
      const view = clientOf();
      if (!view) return Promise.resolve();
      const at = Date.now();
      return record(manualEvent(view.client.id, kind, at, localDateOf(at, zone.value)), kind);
    },
    async link(clientId: string): Promise<void> {
      const m = mode.value;
      if (m.kind !== 'profile' || m.state.kind !== 'unknown') return;
      const id = visit;
      const username = m.state.username;
      busy.value = 'link';
      try {
        const view = await call('client.linkInstagram', { clientId, username });
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

export type Controller = ReturnType<typeof createController>;
