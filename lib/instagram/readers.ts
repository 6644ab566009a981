// Readers of the two web endpoints' JSON (shapes in docs/sites.md): defensive, never throw.

export interface ObservedPost {
  shortcode: string;
  /** Epoch ms. */
  takenAt: number;
  isVideo: boolean;
  pinned: boolean;
}

export interface ObservedStory {
  pk: string;
  takenAt: number;
}

export interface ProfileInfo {
  userId: string;
  username: string;
  postCount: number | null;
  /** The grid's first page, newest first (pinned posts kept but flagged). */
  posts: ObservedPost[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
const seconds = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v * 1000) : null;

/** `/api/v1/users/web_profile_info/?username=` → profile and its latest posts; null when unusable. */
export function readProfileInfo(body: unknown): ProfileInfo | null {
  if (!isObj(body) || !isObj(body.data) || !isObj(body.data.user)) return null;
  const user = body.data.user;
  const userId = str(user.id) ?? str(user.pk);
  const username = str(user.username);
  if (!userId || !username) return null;
  const media = isObj(user.edge_owner_to_timeline_media) ? user.edge_owner_to_timeline_media : {};
  const edges = Array.isArray(media.edges) ? media.edges : [];
  const posts: ObservedPost[] = [];
  for (const edge of edges) {
    const node = isObj(edge) && isObj(edge.node) ? edge.node : null;
    const shortcode = node ? str(node.shortcode) : null;
    const takenAt = node ? seconds(node.taken_at_timestamp) : null;
    if (!node || !shortcode || takenAt === null) continue;
    const pinned = Array.isArray(node.pinned_for_users) && node.pinned_for_users.length > 0;
    posts.push({ shortcode, takenAt, isVideo: node.is_video === true, pinned });
  }
  posts.sort((a, b) => b.takenAt - a.takenAt);
  return { userId, username: username.toLowerCase(), postCount: typeof media.count === 'number' ? media.count : null, posts };
}

/** `/api/v1/feed/reels_media/?reel_ids=` → the current stories of one user, oldest first. */
export function readReelsMedia(body: unknown, userId: string): ObservedStory[] {
  if (!isObj(body)) return [];
  const reels: unknown[] = Array.isArray(body.reels_media)
    ? body.reels_media
    : isObj(body.reels)
      ? Object.values(body.reels)
      : [];
  const out = new Map<string, ObservedStory>();
  for (const reel of reels) {
    if (!isObj(reel)) continue;
    const owner = isObj(reel.user) ? (str(reel.user.pk) ?? str(reel.user.id)) : str(reel.id);
    if (owner !== userId) continue;
    for (const item of Array.isArray(reel.items) ? reel.items : []) {
      if (!isObj(item)) continue;
      const pk = str(item.pk) ?? (str(item.id)?.split('_')[0] || null);
      const takenAt = seconds(item.taken_at);
      if (pk && takenAt !== null) out.set(pk, { pk, takenAt });
    }
  }
  return [...out.values()].sort((a, b) => a.takenAt - b.takenAt);
}

/** The newest post that is not pinned (pinned posts head the grid whatever their date). */
export function latestPost(posts: ObservedPost[]): ObservedPost | null {
  return posts.filter((p) => !p.pinned).sort((a, b) => b.takenAt - a.takenAt)[0] ?? posts[0] ?? null;
}
