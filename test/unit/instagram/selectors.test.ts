// Every selector of lib/instagram/selectors.ts against the fake's profile, feed and post HTML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('reads the username, the live story ring and the grid', () => {
    const read = readProfileDom(page);
    expect(read.username).toBe('fitzone_astana');
    expect(read.story.live).toBe(true);
    expect(read.story.pk).toMatch(/^\d+$/);
    expect(read.shortcodes).toHaveLength(12);
  });

  it('a profile without a live story has no ring', () => {
    const read = readProfileDom(doc(renderProfileHtml(seed, 'zhanna_cakes')));
    expect(read.username).toBe('zhanna_cakes');
    expect(read.story).toEqual({ live: false, pk: null });
  });

  it('profile selectors find nothing on the feed (no false profile)', () => {
    const feed = doc(renderInstagramHtml(seed, '/').html);
    expect(feed.querySelector(selectors.profileHeader)).toBeNull();
    expect(readProfileDom(feed).username).toBeNull();
  });
});

describe('selectors on a post page', () => {
  const profile = seed.profiles.find((p) => p.username === 'zhanna_cakes')!;
  const post = profile.posts.find((p) => !p.isVideo)!;
  const read = {
    ok: true,
    post: { shortcode: post.shortcode, author: 'zhanna_cakes', takenAt: Math.floor(post.takenAt / 1000) * 1000 },
  };

  it('article and time[datetime] match', () => {
    const page = doc(renderInstagramHtml(seed, `/p/${post.shortcode}/`).html);
    expect(page.querySelectorAll(selectors.article).length).toBe(1);
    expect(page.querySelectorAll(selectors.time).length).toBeGreaterThan(0);
  });

  it("reads the post time and author on /p/{code}/ (the caption's @mention is not the author)", () => {
    const page = doc(renderInstagramHtml(seed, `/p/${post.shortcode}/`).html);
    expect(page.querySelector('article a[href="/smmpro.agency/"]')).not.toBeNull();
    expect(readPostDom(page, post.shortcode)).toEqual(read);
  });

  it('reads the same post on /{username}/p/{code}/', () => {
    const res = renderInstagramHtml(seed, `/zhanna_cakes/p/${post.shortcode}/`);
    expect(res.status).toBe(200);
    expect(readPostDom(doc(res.html), post.shortcode, 'zhanna_cakes')).toEqual(read);
    // Another account's URL for this code is not a page.
    expect(renderInstagramHtml(seed, `/fitzone_astana/p/${post.shortcode}/`).status).toBe(404);
  });

  it('a half-read page says what is missing and reads nothing', () => {
    expect(readPostDom(doc('<main></main>'), 'x')).toEqual({ ok: false, missing: ['article', 'time', 'author'] });
    const page = doc(renderInstagramHtml(seed, `/p/${post.shortcode}/`).html);
    page.querySelectorAll('time').forEach((t) => t.remove());
    expect(readPostDom(page, post.shortcode)).toEqual({ ok: false, missing: ['time'] });
  });

  it('real post markup (saved fragments): the time is read; mentions are never taken for the author', () => {
    const fragments = readFileSync(
      join(import.meta.dirname, '../../fixtures/instagram/post_fragments.street_style_voyage.html'),
      'utf8',
    );
    const page = doc(`<main><article>${fragments}</article></main>`);
    // The author's name is a span here, the only profile links are «@» mentions: no author without the URL.
    expect(readPostDom(page, 'C6lZbqmMSbD')).toEqual({ ok: false, missing: ['author'] });
    expect(readPostDom(page, 'C6lZbqmMSbD', 'street_style_voyage')).toEqual({
      ok: true,
      post: { shortcode: 'C6lZbqmMSbD', author: 'street_style_voyage', takenAt: Date.parse('2024-05-04T17:32:31.000Z') },
    });
  });
});
