// The endpoint readers against saved real answers (test/fixtures/instagram, sources in its
// README) and against the fake Instagram's raw answers (JSON.parse of the text, as in the browser).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isBusinessSchemaFailure,
  latestPost,
  readProfileInfo,
  readReelsMedia,
  readUserFeed,
  storyIdOf,
  type ObservedPost,
} from '@/lib/instagram/readers';
import { observationEvents } from '@/lib/instagram/observe';
import { currentStories, profileByUsername } from '../../fakes/seed';
import { fakeBody, fakeInstagram, NOW } from './fake-fetch';

const real = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/instagram', name), 'utf8');
const DAY = 86_400_000;

describe('saved real answers', () => {
  it('the business-account 400 of web_profile_info is told apart from other 400s', () => {
    const body = JSON.parse(real('web_profile_info.business-400.json'));
    expect(isBusinessSchemaFailure(400, body)).toBe(true);
    expect(isBusinessSchemaFailure(401, body)).toBe(false);
    expect(isBusinessSchemaFailure(400, { message: 'useragent mismatch', status: 'fail' })).toBe(false);
    expect(isBusinessSchemaFailure(400, JSON.parse(real('rate_limited.401.json')))).toBe(false);
    expect(isBusinessSchemaFailure(400, undefined)).toBe(false);
    expect(readProfileInfo(body)).toBeNull();
  });

  it('a real pinned feed item: read as pinned, owner id from the string id, shortcode from code', () => {
    const item = JSON.parse(real('feed_item.pinned.elisa_dreams_fr.json'));
    const info = readUserFeed({ items: [item] }, 'Elisa_Dreams_FR')!;
    expect(info.userId).toBe('44117456853');
    expect(info.posts).toEqual([{ shortcode: 'CfYyzmqqPo5', takenAt: 1656501865000, isVideo: false, pinned: true }]);
    // Pinned and alone: there is no «latest post» to take from it.
    expect(latestPost(info.posts)).toBeNull();
    // The same item unpinned is the latest post.
    const unpinned = readUserFeed({ items: [{ ...item, timeline_pinned_user_ids: [] }] }, 'elisa_dreams_fr')!;
    expect(latestPost(unpinned.posts)?.shortcode).toBe('CfYyzmqqPo5');
  });

  it('a real story reel: the pk from the string id keeps all 19 digits; JSON.parse of the numeric pk does not', () => {
    const text = real('story_reel.natgeo.json');
    const item = JSON.parse(text).reel.items[0];
    expect(storyIdOf(item)).toBe('3870193736105885141');
    expect(text).toContain('"pk": 3870193736105885141');
    expect(String(item.pk)).not.toBe('3870193736105885141');
    // The saved copy is cut before `taken_at`: a story without its time is not read at all.
    expect(readReelsMedia({ reels_media: [JSON.parse(text).reel] }, '787132')).toEqual([]);
    const dated = { ...JSON.parse(text).reel, items: [{ ...item, taken_at: 1775583063 }] };
    expect(readReelsMedia({ reels_media: [dated] }, '787132')).toEqual([{ pk: '3870193736105885141', takenAt: 1775583063000 }]);
  });

  it('a real media whose numeric pk already lost its digits in a JSON round trip: the id still has them', () => {
    const { media } = JSON.parse(real('clip_media.pk-rounded.json'));
    expect(String(media.pk)).toBe('3606320802535303000');
    expect(storyIdOf(media)).toBe('3606320802535302916');
    expect(storyIdOf({ pk: 3606320802535303000 })).toBeNull();
  });
});

describe('the fake Instagram, read like the real one', () => {
  it('a business account: web_profile_info answers the 400; the username feed gives the posts, pinned old post first', async () => {
    const { fake } = fakeInstagram();
    const info = await fakeBody(fake, '/api/v1/users/web_profile_info/?username=fitzone_astana');
    expect(info.status).toBe(400);
    expect(isBusinessSchemaFailure(info.status, JSON.parse(info.text))).toBe(true);
    const feed = await fakeBody(fake, '/api/v1/feed/user/fitzone_astana/username/?count=12');
    expect(feed.status).toBe(200);
    const profile = readUserFeed(JSON.parse(feed.text), 'fitzone_astana')!;
    const seedProfile = profileByUsername(fake.seed, 'fitzone_astana')!;
    expect(profile.userId).toBe(seedProfile.id);
    expect(profile.posts).toHaveLength(12);
    // Instagram's order puts the 70-day-old pinned post first…
    const firstItem = JSON.parse(feed.text).items[0];
    expect(firstItem.timeline_pinned_user_ids).toEqual([Number(seedProfile.id)]);
    expect(NOW - firstItem.taken_at * 1000).toBeGreaterThan(60 * DAY);
    // …the latest post is the newest unpinned one, today's.
    const latest = latestPost(profile.posts)!;
    expect(latest.pinned).toBe(false);
    expect(NOW - latest.takenAt).toBeLessThan(DAY);
    expect(Math.max(...profile.posts.filter((p) => !p.pinned).map((p) => p.takenAt))).toBe(latest.takenAt);
  });

  it('the feed by user id answers the same items', async () => {
    const { fake } = fakeInstagram();
    const id = profileByUsername(fake.seed, 'fitzone_astana')!.id;
    const byId = readUserFeed(JSON.parse((await fakeBody(fake, `/api/v1/feed/user/${id}/?count=12`)).text), 'fitzone_astana');
    const byName = readUserFeed(
      JSON.parse((await fakeBody(fake, '/api/v1/feed/user/fitzone_astana/username/?count=12')).text),
      'fitzone_astana',
    );
    expect(byId).toEqual(byName);
  });

  it('web_profile_info of a personal account: posts newest first, the pinned flag from pinned_for_users', async () => {
    const { fake } = fakeInstagram();
    const info = readProfileInfo(
      JSON.parse((await fakeBody(fake, '/api/v1/users/web_profile_info/?username=zhanna_cakes')).text),
    )!;
    expect(info.username).toBe('zhanna_cakes');
    expect(info.posts.length).toBe(7);
    for (let i = 1; i < info.posts.length; i++) expect(info.posts[i - 1].takenAt).toBeGreaterThanOrEqual(info.posts[i].takenAt);
    expect(NOW - latestPost(info.posts)!.takenAt).toBeLessThan(DAY);
  });

  it('reels_media: 19-digit pks are bare numbers in the text; the readers keep every digit from the id', async () => {
    const { fake } = fakeInstagram();
    const p = profileByUsername(fake.seed, 'fitzone_astana')!;
    const { text } = await fakeBody(fake, `/api/v1/feed/reels_media/?reel_ids=${p.id}`);
    const expected = currentStories(fake.seed, p).map((s) => s.pk);
    expect(expected.length).toBeGreaterThan(0);
    for (const pk of expected) {
      expect(pk).toMatch(/^\d{19}$/);
      expect(BigInt(pk) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      expect(text).toContain(`"pk":${pk}`);
    }
    const body = JSON.parse(text);
    expect(body.reels_media[0].items.map((it: { pk: number }) => String(it.pk))).not.toEqual(expected);
    const stories = readReelsMedia(body, p.id);
    expect(stories.map((s) => s.pk).sort()).toEqual([...expected].sort());
    expect(readReelsMedia(body, '1')).toEqual([]);
  });

  it('answers it cannot use give null or nothing, never a throw', () => {
    expect(readProfileInfo({ data: { user: null }, status: 'ok' })).toBeNull();
    expect(readProfileInfo('<html>')).toBeNull();
    expect(readUserFeed({ items: [] }, 'x')).toBeNull();
    expect(readUserFeed({ status: 'fail' }, 'x')).toBeNull();
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
    expect(
      readReelsMedia(
        {
          reels_media: [
            {
              user: { pk: 5 },
              items: [
                { id: '7_5', taken_at: 1700000000 },
                { pk: 8, taken_at: 1 },
              ],
            },
          ],
        },
        '5',
      ),
    ).toEqual([{ pk: '7', takenAt: 1700000000000 }]);
    expect(readReelsMedia(undefined, '1')).toEqual([]);
  });
});

describe('observationEvents', () => {
  it('posts and stories become idempotent facts; the pinned old post stays outside the window', async () => {
    const { fake } = fakeInstagram();
    const p = profileByUsername(fake.seed, 'fitzone_astana')!;
    const feed = readUserFeed(JSON.parse((await fakeBody(fake, `/api/v1/feed/user/${p.id}/`)).text), p.username)!;
    const stories = readReelsMedia(JSON.parse((await fakeBody(fake, `/api/v1/feed/reels_media/?reel_ids=${p.id}`)).text), p.id);
    const since = NOW - 30 * DAY;
    const events = observationEvents('smmpro.amocrm.ru:1005', feed.posts, stories, since);
    const posts = events.filter((e) => e.type === 'post');
    expect(posts).toHaveLength(feed.posts.filter((x: ObservedPost) => !x.pinned).length);
    const story = events.find((e) => e.type === 'story')!;
    expect(story).toMatchObject({ id: `ig:story:${stories[0].pk}`, source: 'instagram', storyId: stories[0].pk });
    expect(posts[0].id).toBe(`ig:post:${(posts[0] as { shortcode: string }).shortcode}`);
  });
});
