// Readers of the web endpoints' JSON (shapes in lib/instagram/schemas.ts, sources in
// docs/instagram.md): never throw, keep every item that is whole, drop the rest.
import * as v from 'valibot';
import {
  FailAnswer,
  FeedItem,
  ProfileInfoAnswer,
  ProfileNode,
  Reel,
  ReelsMediaAnswer,
  StoryItem,
  UserFeedAnswer,
} from './schemas';

import type { ObservedPost, ObservedStory, ProfileInfo } from '../model/instagram';

export type { ObservedPost, ObservedStory, ProfileInfo } from '../model/instagram';

const byNewest = (a: ObservedPost, b: ObservedPost) => b.takenAt - a.takenAt;
const shortcodeRe = /^[\w-]+$/;
const mediaIdRe = /^(\d+)_(\d+)$/;

/** An id as exact text: a digit string, or a JSON number small enough to be exact; else null. */
function idText(value: string | number | undefined): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
  return value && /^\d+$/.test(value) ? value : null;
}

/** Unix seconds → epoch ms, or null when not a plausible time. */
const ms = (seconds: number) => (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null);

/** `/api/v1/users/web_profile_info/?username=` → profile and its latest posts; null when unusable. */
export function readProfileInfo(body: unknown): ProfileInfo | null {
  const parsed = v.safeParse(ProfileInfoAnswer, body);
  if (!parsed.success) return null;
  const user = parsed.output.data.user;
  const userId = idText(user.id);
  if (!userId || !user.username) return null;
  const posts: ObservedPost[] = [];
  for (const edge of user.edge_owner_to_timeline_media?.edges ?? []) {
    const item = v.safeParse(ProfileNode, edge);
    if (!item.success) continue;
    const node = item.output.node;
    const takenAt = ms(node.taken_at_timestamp);
    if (takenAt === null || !shortcodeRe.test(node.shortcode)) continue;
    posts.push({
      shortcode: node.shortcode,
      takenAt,
      isVideo: node.is_video === true,
      pinned: (node.pinned_for_users?.length ?? 0) > 0,
    });
  }
  return {
    userId,
    username: user.username.toLowerCase(),
    postCount: user.edge_owner_to_timeline_media?.count ?? null,
    posts: posts.sort(byNewest),
  };
}

/** The 400 that `web_profile_info` answers for many business accounts (a deleted schema asset). */
export function isBusinessSchemaFailure(status: number, body: unknown): boolean {
  if (status !== 400) return false;
  const fail = v.safeParse(FailAnswer, body);
  return (
    fail.success &&
    fail.output.status === 'fail' &&
    /laser\.provider|cannot use this schema|ig_business_category/i.test(fail.output.message)
  );
}

/**
 * `/api/v1/feed/user/{username}/username/` (or `/feed/user/{userId}/`) → the same ProfileInfo.
 * The owner's id comes from `user.pk`, else from the items of that username; null when neither.
 */
export function readUserFeed(body: unknown, username: string): ProfileInfo | null {
  const parsed = v.safeParse(UserFeedAnswer, body);
  if (!parsed.success) return null;
  const name = username.toLowerCase();
  let userId = idText(parsed.output.user?.pk) ?? idText(parsed.output.user?.id);
  const posts: ObservedPost[] = [];
  for (const raw of parsed.output.items) {
    const item = v.safeParse(FeedItem, raw);
    if (!item.success) continue;
    const it = item.output;
    const owner = mediaIdRe.exec(it.id)?.[2];
    const takenAt = ms(it.taken_at);
    if (!owner || takenAt === null || !shortcodeRe.test(it.code)) continue;
    // Collaborations show up in the owner's feed too; they are still the owner's posts.
    if (!userId && it.user?.username?.toLowerCase() === name) userId = owner;
    posts.push({
      shortcode: it.code,
      takenAt,
      isVideo: it.media_type === 2 || it.product_type === 'clips',
      pinned: (it.timeline_pinned_user_ids?.length ?? 0) > 0,
    });
  }
  if (!userId) return null;
  return { userId, username: name, postCount: null, posts: posts.sort(byNewest) };
}

/** The story's media pk, exact: the part of the string `id` ("PK_OWNERID") before `_`. */
export function storyIdOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return (typeof id === 'string' && mediaIdRe.exec(id)?.[1]) || null;
}

/** `/api/v1/feed/reels_media/?reel_ids=` → the current stories of one user, oldest first. */
export function readReelsMedia(body: unknown, userId: string): ObservedStory[] {
  const parsed = v.safeParse(ReelsMediaAnswer, body);
  if (!parsed.success) return [];
  const keyed = parsed.output.reels;
  const reels = parsed.output.reels_media ?? (keyed && typeof keyed === 'object' ? Object.values(keyed) : []);
  const out = new Map<string, ObservedStory>();
  for (const raw of reels) {
    const reel = v.safeParse(Reel, raw);
    if (!reel.success) continue;
    const owner = idText(reel.output.user?.pk) ?? idText(reel.output.user?.id) ?? idText(reel.output.id);
    if (owner !== userId) continue;
    for (const rawItem of reel.output.items ?? []) {
      const item = v.safeParse(StoryItem, rawItem);
      if (!item.success) continue;
      const id = mediaIdRe.exec(item.output.id);
      const takenAt = ms(item.output.taken_at);
      if (!id || id[2] !== userId || takenAt === null) continue;
      out.set(id[1], { pk: id[1], takenAt });
    }
  }
  return [...out.values()].sort((a, b) => a.takenAt - b.takenAt);
}

/** The latest post: the maximum `taken_at` over unpinned posts (pinned ones head the grid whatever their date). */
export function latestPost(posts: ObservedPost[]): ObservedPost | null {
  return posts.filter((p) => !p.pinned).reduce<ObservedPost | null>((a, p) => (a && a.takenAt >= p.takenAt ? a : p), null);
}
