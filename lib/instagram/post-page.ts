// A post page the manager opens (`/p/{code}/` or `/{username}/p/{code}/`) records that post for
// its client: read the page whole, find the client by the author, record through the worker.
// Browser access comes in through the deps, so this runs (and is tested) in Node.
import type { ClientView } from '../messaging/protocol';
import type { NewClientEvent } from '../model/facts';
import type { PostPart, PostRead } from './dom';
import { postPageEvent } from './observe';

export type PostPageOutcome =
  | { kind: 'recorded'; username: string; shortcode: string; at: number; fresh: boolean }
  | { kind: 'not-client'; username: string }
  | { kind: 'unreadable'; missing: PostPart[] };

export interface PostPageDeps {
  /** Reads the page as it is now. */
  read: () => PostRead;
  /** Waits before the next read (Instagram renders a moment after the URL changes). */
  wait: () => Promise<void>;
  /** How many reads before giving up and saying what is missing. */
  tries: number;
  clientByInstagram: (username: string) => Promise<ClientView | null>;
  record: (event: NewClientEvent) => Promise<{ recorded: boolean }>;
  /** False once the manager has navigated on: stop without recording. */
  current: () => boolean;
}

export async function recordPostPage(deps: PostPageDeps): Promise<PostPageOutcome | null> {
  let read = deps.read();
  for (let i = 1; !read.ok && i < deps.tries; i++) {
    await deps.wait();
    if (!deps.current()) return null;
    read = deps.read();
  }
  if (!read.ok) return { kind: 'unreadable', missing: read.missing };
  const { post } = read;
  const view = await deps.clientByInstagram(post.author);
  if (!deps.current()) return null;
  if (!view) return { kind: 'not-client', username: post.author };
  const reply = await deps.record(postPageEvent(view.client.id, post));
  return { kind: 'recorded', username: post.author, shortcode: post.shortcode, at: post.takenAt, fresh: reply.recorded };
}

/** What a post page came to, for the sidebar: both content scripts share one isolated world per frame. */
export interface PostPageReport {
  shortcode: string;
  outcome: PostPageOutcome;
}

const channelKey = Symbol.for('reglament.instagram.post-page');

/** The post-page script reports here; the sidebar listens (an event target no page script can reach). */
export function postPageChannel(): EventTarget {
  const scope = globalThis as { [channelKey]?: EventTarget };
  return (scope[channelKey] ??= new EventTarget());
}
