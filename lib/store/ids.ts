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

export function withEventId(event: NewClientEvent): ClientEvent {
  return (event.id ? event : { ...event, id: naturalEventId(event) }) as ClientEvent;
}
