// A profile visit: the worker's view of the client behind it (or the list to link it to), today's
// plan item, then what Instagram shows (endpoints first, the page second).
import type { ClientView, Send } from '../messaging/protocol';
import type { TodayPlanItem } from '../model/plans';
import type { KeyValue } from './api';
import type { DomProfile } from './dom';
import { readPageWhenReady, recordObservation } from './observe-visit';
import type { SessionState } from './session-state';

export interface ProfileDeps {
  send: Send;
  fetch: typeof fetch;
  store: () => Promise<KeyValue>;
  csrfToken: () => string | null;
  readPage: () => DomProfile;
  now: () => number;
  wait: (ms: number) => Promise<void>;
}

export function createProfileVisits(s: SessionState, deps: ProfileDeps) {
  let store: Promise<KeyValue> | null = null;

  async function open(id: number, username: string, withInstagram: boolean): Promise<void> {
    s.mode.value = { kind: 'profile', state: { kind: 'loading', username } };
    try {
      const view = await deps.send('client.byInstagram', { username });
      if (!s.current(id)) return;
      if (!view) {
        s.mode.value = { kind: 'profile', state: { kind: 'unknown', username, clients: null } };
        const clients = await deps.send('clients.list', {});
        if (s.current(id)) s.mode.value = { kind: 'profile', state: { kind: 'unknown', username, clients } };
        return;
      }
      s.showClient(id, username, view);
      void loadPlan(id, view.client.id);
      if (withInstagram) await observe(id, username, view);
    } catch (error) {
      if (s.current(id)) s.handle(error);
    }
  }

  async function loadPlan(id: number, clientId: string): Promise<void> {
    let plan: TodayPlanItem | null | 'unavailable';
    try {
      plan = await deps.send('plan.today', { clientId });
    } catch (error) {
      if (s.isInvalidated(error)) return s.handle(error);
      plan = 'unavailable';
    }
    const m = s.mode.value;
    if (s.current(id) && m.kind === 'profile' && m.state.kind === 'client')
      s.showClient(id, m.state.username, m.state.view, plan);
  }

  /** Instagram first (≤ 2 requests, cached), the page second; facts go to the worker. */
  async function observe(id: number, username: string, view: ClientView): Promise<void> {
    s.ig.value = { kind: 'checking' };
    store ??= deps.store();
    const outcome = await recordObservation(username, view, {
      send: deps.send,
      fetch: deps.fetch,
      now: deps.now,
      store: await store,
      read: (req) => deps.send('instagram.read', req),
      csrfToken: deps.csrfToken,
      current: () => s.current(id),
    });
    if (!outcome) return;
    if (outcome.view !== view) s.showClient(id, username, outcome.view);
    if (outcome.status === 'ok') s.ig.value = { kind: 'ok' };
    else {
      s.ig.value = outcome.status === 'limited' ? { kind: 'limited', until: outcome.until ?? deps.now() } : { kind: 'error' };
      const read = await readPageWhenReady(username, deps.readPage, deps.wait);
      if (!s.current(id)) return;
      s.dom.value = read;
      s.blind.value = !read?.shortcodes.length;
    }
  }

  /** Links the unknown profile on screen to a client, then observes it like any visit. */
  async function link(clientId: string): Promise<void> {
    const m = s.mode.value;
    if (m.kind !== 'profile' || m.state.kind !== 'unknown') return;
    const id = s.visit;
    const username = m.state.username;
    s.busy.value = 'link';
    try {
      const view = await deps.send('client.linkInstagram', { clientId, username });
      if (!s.current(id)) return;
      s.showClient(id, username, view);
      void loadPlan(id, view.client.id);
      await observe(id, username, view);
    } catch (error) {
      if (s.current(id)) s.handle(error);
    } finally {
      s.busy.value = null;
    }
  }

  return { open, link };
}
