// Timelines: a derived, per-client snapshot of the `events` store ({ clientId, events sorted by
// time, count }), so a cold start reads one record per client instead of one per event.
// `events` stays the append-only source of truth; a timeline is written in the same transaction
// as every change to its client's events, and is rebuilt from `events` whenever its count
// disagrees with theirs (see repo.eventsByClient), so it never silently diverges.
import type { ClientEvent } from '../model/facts';

export interface Timeline {
  clientId: string;
  /** The client's events in store order: by `at`, then by id (as the `byClientAt` index orders them). */
  events: ClientEvent[];
  /** events.length, checked against the `events` store's count for the client on read. */
  count: number;
}

/** The `byClientAt` index order within one client: time, then primary key (id). */
export function compareEvents(a: ClientEvent, b: ClientEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function timelineOf(clientId: string, events: ClientEvent[]): Timeline {
  return { clientId, events, count: events.length };
}

/** Groups events by client into timelines, each sorted. */
export function timelinesFrom(events: readonly ClientEvent[]): Map<string, Timeline> {
  const groups = new Map<string, ClientEvent[]>();
  for (const e of events) {
    let list = groups.get(e.clientId);
    if (!list) groups.set(e.clientId, (list = []));
    list.push(e);
  }
  const out = new Map<string, Timeline>();
  for (const [clientId, list] of groups) out.set(clientId, timelineOf(clientId, list.sort(compareEvents)));
  return out;
}

/** Merges events (any order, none already in `sorted`) into a sorted list; returns a new array. */
export function mergeSorted(sorted: readonly ClientEvent[], added: readonly ClientEvent[]): ClientEvent[] {
  const extra = [...added].sort(compareEvents);
  const out: ClientEvent[] = new Array<ClientEvent>(sorted.length + extra.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length && j < extra.length) out[k++] = compareEvents(sorted[i]!, extra[j]!) <= 0 ? sorted[i++]! : extra[j++]!;
  while (i < sorted.length) out[k++] = sorted[i++]!;
  while (j < extra.length) out[k++] = extra[j++]!;
  return out;
}
