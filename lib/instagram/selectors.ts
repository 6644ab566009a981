// Every selector the sidebar reads Instagram's DOM with, in one place. Class names are hashed
// and change, so only tags, roles, aria-labels and hrefs are used. The source of each is in
// docs/instagram.md; each is tested against the fake's pages and, for post pages, saved real
// markup (test/unit/instagram/selectors.test.ts).
export const selectors = {
  /** The page's main column. */
  main: 'main',
  /** The profile head (avatar, username, counts, bio). */
  profileHeader: 'main header',
  /** The username heading inside the profile head. */
  profileUsername: 'main header h2',
  /** The avatar's link to current stories: present only while a story is live (24 h). */
  storyRing: 'main header a[href^="/stories/"]',
  /** Grid tiles: posts and reels, in either URL form (`/p/{code}/`, `/{username}/p/{code}/`). */
  postLinks: 'main a[href*="/p/"], main a[href*="/reel/"]',
  /** A post's own page: the article, its time and the author link. */
  article: 'article',
  time: 'time[datetime]',
} as const;
