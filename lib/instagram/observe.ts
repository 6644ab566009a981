// What the sidebar saw on Instagram, as facts for the worker (natural ids: idempotent).
import type { NewClientEvent } from '../model/facts';
import type { ObservedPost, ObservedStory } from './readers';

export const postEventId = (shortcode: string) => `ig:post:${shortcode}`;
export const storyEventId = (pk: string) => `ig:story:${pk}`;

/**
 * Posts and stories worth recording: everything newer than `since` (the start of the current
 * period, or a few weeks back), so a revisit sends nothing the worker already has beyond that.
 */
export function observationEvents(
  clientId: string,
  posts: ObservedPost[],
  stories: ObservedStory[],
  since: number,
): NewClientEvent[] {
  const out: NewClientEvent[] = [];
  for (const p of posts)
    if (p.takenAt >= since)
      out.push({
        id: postEventId(p.shortcode),
        clientId,
        type: 'post',
        at: p.takenAt,
        source: 'instagram',
        shortcode: p.shortcode,
      });
  for (const s of stories)
    if (s.takenAt >= since)
      out.push({ id: storyEventId(s.pk), clientId, type: 'story', at: s.takenAt, source: 'instagram', storyId: s.pk });
  return out.sort((a, b) => a.at - b.at);
}

/** A post read whole from its own page: the same natural id as from the endpoints, so it is recorded once. */
export function postPageEvent(clientId: string, post: { shortcode: string; takenAt: number }): NewClientEvent {
  return {
    id: postEventId(post.shortcode),
    clientId,
    type: 'post',
    at: post.takenAt,
    source: 'instagram',
    shortcode: post.shortcode,
  };
}

/** The manager's own word: «Пост опубликован» / «Stories опубликованы», once per client per day. */
export function manualEvent(clientId: string, kind: 'post' | 'story', at: number, localDate: string): NewClientEvent {
  return kind === 'post'
    ? { id: `ig:post:manual:${clientId}:${localDate}`, clientId, type: 'post', at, source: 'manager' }
    : { id: `ig:story:manual:${clientId}:${localDate}`, clientId, type: 'story', at, source: 'manager' };
}

/** A round slot ticked for one client (key = local slot `YYYY-MM-DDTHH:mm`). */
export function roundTick(clientId: string, slot: string, at: number): NewClientEvent {
  return {
    id: `tick:engagement-round:${clientId}:${slot}`,
    clientId,
    type: 'tick',
    item: 'engagement-round',
    key: slot,
    at,
    source: 'manager',
  };
}
