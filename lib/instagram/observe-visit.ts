// What a profile visit learns from Instagram: its two endpoints first (≤ 2 requests, cached), the
// page's own markup second when they fail. Facts go to the worker; the caller keeps the state.
import type { ClientView, Send } from '../messaging/protocol';
import { DAY } from '../calendar/time';
import { observeProfile, type ApiDeps, type FetchOutcome } from './api';
import type { DomProfile } from './dom';
import { observationEvents } from './observe';

export interface ObserveDeps extends Omit<ApiDeps, 'store' | 'origin'> {
  send: Send;
  store: ApiDeps['store'];
  /** Still the same visit: a late answer of a left page changes nothing. */
  current: () => boolean;
}

export interface VisitOutcome {
  /** The worker's view after the recorded facts (the given one when nothing new was recorded). */
  view: ClientView;
  status: FetchOutcome['status'];
  until?: number;
}

/** Records the posts and Stories the endpoints show; returns null when the visit was left. */
export async function recordObservation(username: string, view: ClientView, deps: ObserveDeps): Promise<VisitOutcome | null> {
  const outcome = await observeProfile(username, deps);
  if (!deps.current()) return null;
  const observation = outcome.status === 'not-found' ? null : outcome.observation;
  let latest = view;
  if (observation?.profile) {
    const since = Math.min(view.period?.start ?? Infinity, deps.now() - 35 * DAY) - DAY;
    const events = observationEvents(view.client.id, observation.profile.posts, observation.stories ?? [], since);
    for (const event of events) {
      const reply = await deps.send('event.record', { event });
      if (!deps.current()) return null;
      if (reply.recorded) latest = reply.view;
    }
  }
  return { view: latest, status: outcome.status, ...(outcome.status === 'limited' ? { until: outcome.until } : {}) };
}

/** The profile as the page renders it, once it shows this username (Instagram renders late). */
export async function readPageWhenReady(
  username: string,
  read: () => DomProfile,
  wait: (ms: number) => Promise<void>,
): Promise<DomProfile | null> {
  for (let i = 0; i < 20; i++) {
    const page = read();
    if (page.username === username) return page;
    await wait(150);
  }
  return null;
}
