// The profile as the page shows it: the second source when the endpoints refuse. It knows
// which posts are on the grid and whether a story is live, not when they were published;
// a post's own page (`/p/{code}/`) does give the time.
import { selectors } from './selectors';

export interface DomProfile {
  username: string | null;
  /** A live story ring on the avatar, with the story pk from its href when present. */
  story: { live: boolean; pk: string | null };
  /** Shortcodes of the grid tiles in page order (pinned first, as Instagram shows; no public evidence of a pin marker). */
  shortcodes: string[];
}

export interface DomPost {
  shortcode: string;
  author: string | null;
  /** Epoch ms from `time[datetime]`. */
  takenAt: number | null;
}

const codeRe = /\/(?:p|reel|tv)\/([\w-]+)/;

export function readProfileDom(root: ParentNode): DomProfile {
  const name = root.querySelector(selectors.profileUsername)?.textContent?.trim().toLowerCase() || null;
  const ring = root.querySelector(selectors.storyRing);
  const pk = ring?.getAttribute('href')?.split('/').filter(Boolean)[2] ?? null;
  const shortcodes: string[] = [];
  for (const a of Array.from(root.querySelectorAll(selectors.postLinks))) {
    const code = codeRe.exec(a.getAttribute('href') ?? '')?.[1];
    if (code && !shortcodes.includes(code)) shortcodes.push(code);
  }
  return { username: name, story: { live: !!ring, pk: pk && /^\d+$/.test(pk) ? pk : null }, shortcodes };
}

/** What a post page lacked when it could not be read whole (nothing is recorded from it then). */
export type PostPart = 'article' | 'time' | 'author';

export type PostRead = { ok: true; post: DomPost & { author: string; takenAt: number } } | { ok: false; missing: PostPart[] };

const authorHrefRe = /^\/([a-z0-9._]{1,30})\/$/i;

/** The path points at this post itself (either URL form), not at one of its comments or another post. */
function isPostPath(href: string, shortcode: string): boolean {
  const parts = href.split(/[?#]/)[0].split('/').filter(Boolean);
  const at = parts.length === 2 ? 0 : parts.length === 3 ? 1 : -1;
  return at >= 0 && ['p', 'reel', 'tv'].includes(parts[at]) && parts[at + 1] === shortcode;
}

/**
 * On a post page (`/p/{code}/` or `/{username}/p/{code}/`): the post's time and author, read
 * from its article. The time is the one linking to the post itself, or the article's only
 * time outside any link (comments' times link to their comment).
 */
export function readPostDom(root: ParentNode, shortcode: string, urlUsername: string | null = null): PostRead {
  const articles = Array.from(root.querySelectorAll(selectors.article));
  if (!articles.length) return { ok: false, missing: ['article', 'time', 'author'] };
  for (const article of articles) {
    const times = Array.from(article.querySelectorAll(selectors.time));
    const own = times.find((t) => isPostPath(t.closest('a')?.getAttribute('href') ?? '', shortcode));
    const time = own ?? (times.length === 1 && !times[0].closest('a') ? times[0] : null);
    if (!time) continue;
    const at = Date.parse(time.getAttribute('datetime') ?? '');
    // Instagram's own URL names the author; else the article's profile link that reads as the
    // bare username (caption mentions of other accounts read "@name").
    const author =
      urlUsername?.toLowerCase() ??
      Array.from(article.querySelectorAll('a[href]'))
        .map((a) => {
          const name = authorHrefRe.exec(a.getAttribute('href') ?? '')?.[1]?.toLowerCase();
          return name && a.textContent?.trim().toLowerCase() === name ? name : null;
        })
        .find((u) => !!u) ??
      null;
    const missing: PostPart[] = [];
    if (!Number.isFinite(at)) missing.push('time');
    if (!author) missing.push('author');
    if (missing.length || !author) return { ok: false, missing };
    return { ok: true, post: { shortcode, author, takenAt: at } };
  }
  return { ok: false, missing: ['time'] };
}
