// The shapes of Instagram's web answers that the readers rely on (sources: docs/instagram.md).
// Tolerant where the evidence says fields vary: ids come as numbers or strings, optional fields
// are often missing, and list items are checked one by one (by the readers) so one odd item
// never sinks the answer. Kept to valibot's smallest pieces: this runs in the content script,
// whose size is budgeted; value rules (digits, "PK_OWNERID", positive times) live in readers.ts.
import * as v from 'valibot';

/** A numeric id: a JSON number (exact only below 2^53) or a digit string. */
const anyId = v.union([v.string(), v.number()]);
const list = v.optional(v.nullable(v.array(v.unknown())));
const UserRef = v.nullable(v.object({ pk: v.optional(anyId), id: v.optional(anyId), username: v.optional(v.string()) }));

/** `{"message": "…", "status": "fail"}`: what the endpoints answer with 4xx. */
export const FailAnswer = v.object({ message: v.string(), status: v.string() });

/** `web_profile_info` → `data.user`; its edges are checked one by one with {@link ProfileNode}. */
export const ProfileInfoAnswer = v.object({
  data: v.object({
    user: v.object({
      id: anyId,
      username: v.string(),
      edge_owner_to_timeline_media: v.optional(v.object({ count: v.optional(v.number()), edges: list })),
    }),
  }),
});

export const ProfileNode = v.object({
  node: v.object({
    shortcode: v.string(),
    taken_at_timestamp: v.number(),
    is_video: v.optional(v.boolean()),
    /** Non-empty on pinned posts (the GraphQL name of what the feed calls `timeline_pinned_user_ids`). */
    pinned_for_users: list,
  }),
});

/** `feed/user/{username}/username/` and `feed/user/{userId}/` → `items[]` (each checked with {@link FeedItem}). */
export const UserFeedAnswer = v.object({ items: v.array(v.unknown()), user: v.optional(UserRef) });

export const FeedItem = v.object({
  /** "PK_OWNERID": the media pk, exact, as text, and the owner's id. */
  id: v.string(),
  code: v.string(),
  taken_at: v.number(),
  media_type: v.optional(v.number()),
  product_type: v.optional(v.string()),
  user: v.optional(UserRef),
  /** On every item; non-empty (numbers or strings) when the owner pinned it. */
  timeline_pinned_user_ids: list,
});

/** `feed/reels_media/?reel_ids=` → `reels_media[]` (or the same reels keyed in `reels{}`). */
export const ReelsMediaAnswer = v.object({ reels_media: list, reels: v.optional(v.unknown()) });

export const Reel = v.object({ id: v.optional(anyId), user: v.optional(UserRef), items: list });

export const StoryItem = v.object({
  /** "PK_OWNERID": the only exact copy of the pk (the numeric `pk` exceeds 2^53). */
  id: v.string(),
  taken_at: v.number(),
});
