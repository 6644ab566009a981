// Which Instagram page a URL is: pure parsing, no DOM (refined-github style page predicates).

/** First path segments that are Instagram's own sections, never usernames. */
export const reservedSegments: ReadonlySet<string> = new Set([
  'p',
  'reel',
  'reels',
  'stories',
  'explore',
  'direct',
  'accounts',
  'tv',
  'live',
  'api',
  'graphql',
  'static',
  'about',
  'legal',
  'privacy',
  'challenge',
  'emails',
  'web',
  'developer',
  'oauth',
  'session',
]);

const usernameRe = /^[a-z0-9._]{1,30}$/i;
const shortcodeRe = /^[\w-]{5,}$/;
const isPostSegment = (segment: string) => segment === 'p' || segment === 'reel' || segment === 'tv';

export type InstagramPage =
  | { kind: 'profile'; username: string }
  /** `/p/{code}/`, `/reel/{code}/`, and the same under the author: `/{username}/p/{code}/`, `/{username}/reel/{code}/`. */
  | { kind: 'post'; shortcode: string; username: string | null }
  | { kind: 'feed' }
  | { kind: 'direct' }
  | { kind: 'other' };

/** Classifies an Instagram URL (absolute, or a path). Never throws. */
export function parseInstagramUrl(href: string): InstagramPage {
  let path: string;
  try {
    const url = new URL(href, 'https://www.instagram.com/');
    if (url.hostname !== 'www.instagram.com' && url.hostname !== 'instagram.com') return { kind: 'other' };
    path = url.pathname;
  } catch {
    return { kind: 'other' };
  }
  let parts: string[];
  try {
    parts = path
      .split('/')
      .filter(Boolean)
      .map((p) => decodeURIComponent(p));
  } catch {
    return { kind: 'other' };
  }
  if (parts.length === 0) return { kind: 'feed' };
  const [first, second, third] = parts;
  const lower = first.toLowerCase();
  if (lower === 'direct') return { kind: 'direct' };
  if (isPostSegment(lower) && second && shortcodeRe.test(second)) return { kind: 'post', shortcode: second, username: null };
  if (reservedSegments.has(lower)) return { kind: 'other' };
  if (!usernameRe.test(first) || first.startsWith('.') || first.endsWith('.')) return { kind: 'other' };
  if (second && isPostSegment(second.toLowerCase()))
    return third && shortcodeRe.test(third) ? { kind: 'post', shortcode: third, username: lower } : { kind: 'other' };
  // `/{username}/`, and the profile's own tabs (`/reels/`, `/tagged/`) are still that profile.
  if (parts.length === 1 || (parts.length === 2 && ['reels', 'tagged', 'saved'].includes(second.toLowerCase()))) {
    return { kind: 'profile', username: lower };
  }
  return { kind: 'other' };
}

/** The profile username of a URL, or null. */
export function profileUsername(href: string): string | null {
  const page = parseInstagramUrl(href);
  return page.kind === 'profile' ? page.username : null;
}

/** Where a client's profile opens (a same-origin link, so Instagram's SPA router handles it). */
export function profilePath(username: string): string {
  return `/${encodeURIComponent(username.replace(/^@/, '').toLowerCase())}/`;
}

/** A profile's address, as the notifications and the popup open it. */
export function instagramUrl(username: string): string {
  return `https://www.instagram.com/${encodeURIComponent(username)}/`;
}
