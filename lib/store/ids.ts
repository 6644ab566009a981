// Deterministic identities for facts, so the same status change or post reported twice is stored once.
import type { ClientEvent, NewClientEvent } from '../model/facts';

/** The natural key of an event without an id, derived from its content only. */
export function naturalEventId(event: NewClientEvent): string {
  const e = event as NewClientEvent & Partial<Record<'item' | 'key' | 'stage' | 'date' | 'shortcode' | 'storyId', string>>;
  if (e.type === 'post' && e.shortcode) return `${e.clientId}|post|${e.shortcode}`;
  if (e.type === 'story' && e.storyId) return `${e.clientId}|story|${e.storyId}`;
  const detail = e.stage ?? e.date ?? '';
  return `${e.clientId}|${e.type}|${e.at}|${e.item ?? detail}|${e.key ?? ''}`;
}

/**
 * A producer's id scoped by its client: the events store is keyed by id across all clients, and
 * a producer's id (`amo:start-date:2026-12-01`, `rg|tick|references||1234`) is unique only within
 * one client. Idempotent: an id that already starts with `${clientId}|` is kept.
 */
export function scopedEventId(clientId: string, id: string): string {
  return id.startsWith(`${clientId}|`) ? id : `${clientId}|${id}`;
}

/** The event with the id it is stored under (every write path goes through here). */
export function withEventId(event: NewClientEvent): ClientEvent {
  const id = event.id ? scopedEventId(event.clientId, event.id) : naturalEventId(event);
  return (id === event.id ? event : { ...event, id }) as ClientEvent;
}
