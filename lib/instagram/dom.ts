// The profile as the page shows it: the second source when the endpoints refuse. It knows
// which posts are on the grid and whether a story is live, not when they were published;
// a post's own page (`/p/{code}/`) does give the time.
import { selectors } from './selectors';

export interface DomProfile {
  username: string | null;
  /** A live story ring on the avatar, with the story pk from its href when present. */
  story: { live: boolean; pk: string | null };
  /** Shortcodes of the grid tiles in page order (pinned first, as Instagram shows). */
  shortcodes: string[];
  pinned: string[];
}

export interface DomPost {
  shortcode: string;
  author: string | null;
  /** Epoch ms from `time[datetime]`. */
  takenAt: number | null;
}

const codeRe = /\/(?:p|reel)\/([\w-]+)/;

export function readProfileDom(root: ParentNode): DomProfile {
  const name = root.querySelector(selectors.profileUsername)?.textContent?.trim().toLowerCase() || null;
  const ring = root.querySelector(selectors.storyRing);
  const pk = ring?.getAttribute('href')?.split('/').filter(Boolean)[2] ?? null;
  const shortcodes: string[] = [];
  const pinned: string[] = [];
  for (const a of Array.from(root.querySelectorAll(selectors.postLinks))) {
    const code = codeRe.exec(a.getAttribute('href') ?? '')?.[1];
    if (!code || shortcodes.includes(code)) continue;
    shortcodes.push(code);
    const labels = Array.from(a.querySelectorAll(selectors.tileIcons)).map((s) => s.getAttribute('aria-label') ?? '');
    if (labels.some((l) => /закреп|pinned/i.test(l))) pinned.push(code);
  }
  return { username: name, story: { live: !!ring, pk: pk && /^\d+$/.test(pk) ? pk : null }, shortcodes, pinned };
}

/** On `/p/{code}/`: the post's time and author, read from its article. */
export function readPostDom(root: ParentNode, shortcode: string): DomPost | null {
  for (const article of Array.from(root.querySelectorAll(selectors.article))) {
    const time =
      Array.from(article.querySelectorAll(selectors.time)).find(
        (t) => codeRe.exec(t.closest('a')?.getAttribute('href') ?? '')?.[1] === shortcode,
      ) ?? article.querySelector(selectors.time);
    if (!time) continue;
    const at = Date.parse(time.getAttribute('datetime') ?? '');
    const author =
      Array.from(article.querySelectorAll('a[href]'))
        .map((a) => a.getAttribute('href') ?? '')
        .map((h) => /^\/([a-z0-9._]{1,30})\/$/i.exec(h)?.[1]?.toLowerCase() ?? null)
        .find((u) => !!u) ?? null;
    return { shortcode, author, takenAt: Number.isFinite(at) ? at : null };
  }
  return null;
}
