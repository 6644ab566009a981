// What the Instagram readers make of an answer, and the worker's `instagram.read` message about it
// (here, below messaging, so the protocol can name them).

export interface ObservedPost {
  shortcode: string;
  /** Epoch ms. */
  takenAt: number;
  isVideo: boolean;
  pinned: boolean;
}

export interface ObservedStory {
  /** The media pk, exact, as text (from the string `id`, never from the numeric `pk`). */
  pk: string;
  takenAt: number;
}

export interface ProfileInfo {
  userId: string;
  username: string;
  postCount: number | null;
  /** The latest page of the grid, newest first (pinned posts kept but flagged). */
  posts: ObservedPost[];
}

export type AnswerRequest =
  | { reader: 'profile-info'; text: string }
  | { reader: 'user-feed'; text: string; username: string }
  | { reader: 'reels-media'; text: string; userId: string }
  /** A 400 of `web_profile_info`: is it the business accounts' deleted-schema answer? */
  | { reader: 'business-400'; text: string };

export interface AnswerRead {
  profile?: ProfileInfo | null;
  stories?: ObservedStory[];
  business?: boolean;
}
