// The sidebar session's state, shared by its feature modules: what the sidebar renders (signals)
// and which visit is current. A visit is one page; answers of a left visit change nothing.
import { signal } from '@preact/signals-core';
import { DEFAULT_TIME_ZONE } from '../calendar/default-zone';
import type { Agenda, ClientSummary, ClientView } from '../messaging/protocol';
import type { Service } from '../model/facts';
import type { TodayPlanItem } from '../model/plans';
import type { DomProfile } from './dom';

export type IgStatus = { kind: 'idle' | 'checking' | 'ok' } | { kind: 'limited'; until: number } | { kind: 'error' };

export type PlanState = TodayPlanItem | null | 'unavailable' | undefined;

export type ProfileState =
  | { kind: 'loading'; username: string }
  | { kind: 'unknown'; username: string; clients: ClientSummary[] | null }
  | { kind: 'client'; username: string; view: ClientView; plan: PlanState };

export type Mode =
  { kind: 'hidden' } | { kind: 'profile'; state: ProfileState } | { kind: 'round'; round: Agenda['round'] | undefined };

export function createSessionState(clock: () => number, isInvalidated: (error: unknown) => boolean) {
  const state = {
    mode: signal<Mode>({ kind: 'hidden' }),
    ig: signal<IgStatus>({ kind: 'idle' }),
    dom: signal<DomProfile | null>(null),
    /** The endpoints failed and the page shows no posts we can read (its layout changed). */
    blind: signal(false),
    zone: signal(DEFAULT_TIME_ZONE),
    /** The agency's names of the services (settings.amocrm.serviceValues); null until the settings arrive. */
    serviceNames: signal<Record<Service, string> | null>(null),
    now: signal(clock()),
    busy: signal<string | null>(null),
    failure: signal<'invalidated' | string | null>(null),
    visit: 0,
    /** The extension was reloaded under the page: nothing more is asked. */
    dead: false,
    current: (id: number) => id === state.visit && !state.dead,
    isInvalidated,
    /** A failed call: the extension was reloaded, or a message to show. */
    handle(error: unknown): void {
      if (isInvalidated(error)) {
        state.dead = true;
        state.failure.value = 'invalidated';
        return;
      }
      state.failure.value = error instanceof Error ? error.message : String(error);
    },
    /** The client on screen, if the page is a known client's profile. */
    clientView(): ClientView | null {
      const m = state.mode.value;
      return m.kind === 'profile' && m.state.kind === 'client' ? m.state.view : null;
    },
    showClient(id: number, username: string, view: ClientView, plan?: PlanState): void {
      if (!state.current(id)) return;
      const m = state.mode.value;
      const prev = m.kind === 'profile' && m.state.kind === 'client' ? m.state.plan : undefined;
      state.mode.value = { kind: 'profile', state: { kind: 'client', username, view, plan: plan === undefined ? prev : plan } };
      state.now.value = clock();
    },
  };
  return state;
}

export type SessionState = ReturnType<typeof createSessionState>;
