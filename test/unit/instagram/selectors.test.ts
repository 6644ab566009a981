// Every selector of lib/instagram/selectors.ts against the fake's profile, feed and post HTML.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createSeed, renderInstagramHtml, renderProfileHtml } from '../../fakes';
import { readPostDom, readProfileDom } from '@/lib/instagram/dom';
import { selectors } from '@/lib/instagram/selectors';

const now = Date.parse('2026-03-12T09:30:00Z');
const seed = createSeed(now);
const doc = (html: string) => parseHTML(html).document;

describe('selectors on a profile page', () => {
  const page = doc(renderProfileHtml(seed, 'fitzone_astana'));

  it.each(Object.entries(selectors).filter(([k]) => !['article', 'time'].includes(k)))('%s matches', (_name, selector) => {
    expect(page.querySelectorAll(selector).length).toBeGreaterThan(0);
  });

  it('reads the username, the live story ring and the grid (pinned first)', () => {
    const read = readProfileDom(page);
    expect(read.username).toBe('fitzone_astana');
    expect(read.story.live).toBe(true);
    expect(read.story.pk).toMatch(/^\d+$/);
    expect(read.shortcodes).toHaveLength(12);
    expect(read.pinned).toEqual([read.shortcodes[0]]);
  });

  it('a profile without a live story has no ring', () => {
    const read = readProfileDom(doc(renderProfileHtml(seed, 'zhanna_cakes')));
    expect(read.username).toBe('zhanna_cakes');
    expect(read.story).toEqual({ live: false, pk: null });
    expect(read.pinned).toEqual([]);
  });

  it('profile selectors find nothing on the feed (no false profile)', () => {
    const feed = doc(renderInstagramHtml(seed, '/').html);
    expect(feed.querySelector(selectors.profileHeader)).toBeNull();
    expect(readProfileDom(feed).username).toBeNull();
  });
});

describe('selectors on a post page', () => {
  const profile = seed.profiles.find((p) => p.username === 'zhanna_cakes')!;
  const post = profile.posts[0];
  const page = doc(renderInstagramHtml(seed, `/p/${post.shortcode}/`).html);

  it('article and time[datetime] match', () => {
    expect(page.querySelectorAll(selectors.article).length).toBe(1);
    expect(page.querySelectorAll(selectors.time).length).toBeGreaterThan(0);
  });

  it('reads the post time and author', () => {
    expect(readPostDom(page, post.shortcode)).toEqual({
      shortcode: post.shortcode,
      author: 'zhanna_cakes',
      takenAt: Math.floor(post.takenAt / 1000) * 1000,
    });
    expect(readPostDom(doc('<main></main>'), 'x')).toBeNull();
  });
});
