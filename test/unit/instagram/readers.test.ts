// The readers against JSON recorded from the fake Instagram (test/unit/instagram/fixtures, now = meta.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestPost, readProfileInfo, readReelsMedia } from '@/lib/instagram/readers';
import { observationEvents } from '@/lib/instagram/observe';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const { now } = fixture('meta.json') as { now: number };

describe('readProfileInfo (web_profile_info)', () => {
  it('reads the user id and the grid, newest first, flagging the pinned post', () => {
    const info = readProfileInfo(fixture('web_profile_info.fitzone_astana.json'))!;
    expect(info.userId).toBe('48007958595');
    expect(info.username).toBe('fitzone_astana');
    expect(info.posts.length).toBe(12);
    for (let i = 1; i < info.posts.length; i++) expect(info.posts[i - 1].takenAt).toBeGreaterThanOrEqual(info.posts[i].takenAt);
    const pinned = info.posts.filter((p) => p.pinned);
    expect(pinned).toHaveLength(1);
    // The pinned post leads the grid on the page but is 70 days old: it is not «today's post».
    const latest = latestPost(info.posts)!;
    expect(latest.pinned).toBe(false);
    expect(now - latest.takenAt).toBeLessThan(24 * 3600_000);
    expect(latest.shortcode).toMatch(/^C[\w-]{10}$/);
  });

  it('a client with no post today: the latest post is yesterday', () => {
    const info = readProfileInfo(fixture('web_profile_info.kids_english_ala.json'))!;
    const latest = latestPost(info.posts)!;
    const dayOf = (ms: number) => Math.floor((ms + 5 * 3600_000) / 86_400_000);
    expect(dayOf(latest.takenAt)).toBe(dayOf(now) - 1);
  });

  it('returns null for answers it cannot use, never throws', () => {
    expect(readProfileInfo(fixture('rate_limited.401.json'))).toBeNull();
    expect(readProfileInfo({ data: { user: null }, status: 'ok' })).toBeNull();
    expect(readProfileInfo(null)).toBeNull();
    expect(readProfileInfo('<html>')).toBeNull();
    const partial = readProfileInfo({
      data: {
        user: {
          id: '1',
          username: 'X',
          edge_owner_to_timeline_media: {
            edges: [{ node: { shortcode: 'A' } }, null, { node: { shortcode: 'B', taken_at_timestamp: 1700000000 } }],
          },
        },
      },
    })!;
    expect(partial.posts.map((p) => p.shortcode)).toEqual(['B']);
    expect(partial.username).toBe('x');
  });
});

describe('readReelsMedia (reels_media)', () => {
  it('reads the current stories of the asked user, oldest first', () => {
    const stories = readReelsMedia(fixture('reels_media.fitzone_astana.json'), '48007958595');
    expect(stories).toHaveLength(1);
    expect(stories[0].pk).toMatch(/^\d+$/);
    expect(now - stories[0].takenAt).toBeLessThan(24 * 3600_000);
  });

  it('no current stories, another user, or garbage: an empty list', () => {
    expect(readReelsMedia(fixture('reels_media.kids_english_ala.json'), '48007963347')).toEqual([]);
    expect(readReelsMedia(fixture('reels_media.fitzone_astana.json'), '1')).toEqual([]);
    expect(
      readReelsMedia({ reels_media: [{ user: { pk: 5 }, items: [{ pk: 7, taken_at: 1700000000 }, { pk: 'x' }] }] }, '5'),
    ).toEqual([{ pk: '7', takenAt: 1700000000000 }]);
    expect(readReelsMedia(undefined, '1')).toEqual([]);
  });
});

describe('observationEvents', () => {
  it('posts and stories become idempotent facts with natural ids', () => {
    const info = readProfileInfo(fixture('web_profile_info.fitzone_astana.json'))!;
    const stories = readReelsMedia(fixture('reels_media.fitzone_astana.json'), info.userId);
    const since = now - 30 * 86_400_000;
    const events = observationEvents('smmpro.amocrm.ru:1005', info.posts, stories, since);
    expect(events.every((e) => e.at >= since)).toBe(true);
    // The 70-day-old pinned post is outside the window.
    expect(events.filter((e) => e.type === 'post')).toHaveLength(11);
    const story = events.find((e) => e.type === 'story')!;
    expect(story).toMatchObject({ id: `ig:story:${stories[0].pk}`, source: 'instagram', storyId: stories[0].pk });
    const post = events.find((e) => e.type === 'post')!;
    expect(post.id).toBe(`ig:post:${(post as { shortcode: string }).shortcode}`);
  });
});
