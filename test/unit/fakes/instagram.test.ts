import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createSeed, currentStories, profileForLead, storyLead } from '../../fakes/seed';
import {
  createInstagramFake,
  igPageScript,
  IG_APP_ID,
  IG_BUSINESS_SCHEMA_MESSAGE,
  renderProfileHtml,
  type InstagramFake,
} from '../../fakes/instagram/index';
import type { FakeResponse } from '../../fakes/http';

const NOW = Date.UTC(2026, 2, 12, 9, 30);
const ORIGIN = 'https://www.instagram.com';
const APP = { 'x-ig-app-id': IG_APP_ID };
/** Parsed API JSON (what `JSON.parse` returns); shapes are asserted at runtime. */
type Json = ReturnType<typeof JSON.parse>;

function get(fake: InstagramFake, path: string, headers: Record<string, string> = APP): Promise<FakeResponse> {
  return fake.handle({ method: 'GET', url: ORIGIN + path, headers });
}

describe('Instagram fake', () => {
  it('web_profile_info shape, newest first (pinned first), needs x-ig-app-id; a business account gets the 400', async () => {
    const seed = createSeed(NOW);
    const fake = createInstagramFake(seed);
    const r = await get(fake, '/api/v1/users/web_profile_info/?username=zhanna_cakes');
    expect(r.status).toBe(200);
    const b: Json = JSON.parse(r.body);
    expect(b.status).toBe('ok');
    const user = b.data.user;
    expect(user).toMatchObject({ username: 'zhanna_cakes', id: expect.any(String), full_name: expect.any(String) });
    const media = user.edge_owner_to_timeline_media;
    expect(media.count).toBe(7);
    const node = media.edges[0].node;
    expect(node).toMatchObject({
      shortcode: expect.any(String),
      taken_at_timestamp: expect.any(Number),
      is_video: expect.any(Boolean),
    });
    expect(node.taken_at_timestamp * 1000).toBeGreaterThanOrEqual(NOW - 24 * 3600_000);
    const fit = await get(fake, '/api/v1/users/web_profile_info/?username=fitzone_astana');
    expect(fit.status).toBe(400);
    expect(JSON.parse(fit.body)).toEqual({ message: IG_BUSINESS_SCHEMA_MESSAGE, status: 'fail' });
    expect((await get(fake, '/api/v1/users/web_profile_info/?username=zhanna_cakes', {})).status).toBe(400);
    expect((await get(fake, '/api/v1/users/web_profile_info/?username=nobody_zz')).status).toBe(404);
  });

  it('reels_media: current stories only', async () => {
    const seed = createSeed(NOW);
    const fake = createInstagramFake(seed);
    const e = profileForLead(seed, storyLead(seed, 'e').id)!;
    const d = profileForLead(seed, storyLead(seed, 'd').id)!;
    const r: Json = JSON.parse((await get(fake, `/api/v1/feed/reels_media/?reel_ids=${e.id}`)).body);
    expect(r.status).toBe('ok');
    expect(r.reels_media[0].user).toEqual(expect.objectContaining({ pk: Number(e.id), username: e.username }));
    expect(r.reels_media[0].items).toHaveLength(currentStories(seed, e).length);
    for (const it of r.reels_media[0].items) expect(NOW / 1000 - it.taken_at).toBeLessThan(86400);
    const none: Json = JSON.parse((await get(fake, `/api/v1/feed/reels_media/?reel_ids=${d.id}`)).body);
    expect(none.reels_media).toEqual([]);
  });

  it('feed/user by username and by id: pinned first, pk as bare 19-digit numbers next to the exact string id', async () => {
    const seed = createSeed(NOW);
    const fake = createInstagramFake(seed);
    const e = profileForLead(seed, storyLead(seed, 'e').id)!;
    const r = await get(fake, '/api/v1/feed/user/fitzone_astana/username/?count=12');
    expect(r.status).toBe(200);
    const b: Json = JSON.parse(r.body);
    expect(b).toMatchObject({
      status: 'ok',
      num_results: 12,
      more_available: true,
      user: { pk: Number(e.id), username: e.username },
    });
    expect(b.items[0].timeline_pinned_user_ids).toEqual([Number(e.id)]);
    expect(
      b.items.slice(1).every((it: { timeline_pinned_user_ids: unknown[] }) => it.timeline_pinned_user_ids.length === 0),
    ).toBe(true);
    const first = b.items[0];
    const pk = first.id.split('_')[0];
    expect(first.id).toBe(`${pk}_${e.id}`);
    expect(r.body).toContain(`"pk":${pk},`);
    expect(String(first.pk)).not.toBe(pk);
    expect((await get(fake, `/api/v1/feed/user/${e.id}/`)).body).toBe(
      (await get(fake, '/api/v1/feed/user/fitzone_astana/username/')).body,
    );
    expect((await get(fake, '/api/v1/feed/user/nobody_zz/username/')).status).toBe(404);
  });

  it('401 / 429 faults, runtime switch, request log', async () => {
    const fake = createInstagramFake(createSeed(NOW));
    fake.setFault({ status: 401 });
    const r = await get(fake, '/api/v1/users/web_profile_info/?username=zhanna_cakes');
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ status: 'fail', message: 'Please wait a few minutes before you try again.' });
    expect((await get(fake, '/zhanna_cakes/', {})).status).toBe(200);
    fake.setFault({ status: 429 }, { pathPrefix: '/api/v1/feed/' });
    expect((await get(fake, '/api/v1/feed/reels_media/?reel_ids=1')).status).toBe(429);
    fake.setFault(null);
    expect((await get(fake, '/api/v1/users/web_profile_info/?username=zhanna_cakes')).status).toBe(200);
    expect(fake.requests.count('/api/v1/users/web_profile_info/')).toBe(2);
  });

  it('profile page: header, grid links, no time in the grid; 404 page', async () => {
    const seed = createSeed(NOW);
    const { document } = parseHTML(renderProfileHtml(seed, 'zhanna_cakes'));
    expect(document.querySelector('main header')!.textContent).toContain('zhanna_cakes');
    const links = [...document.querySelectorAll('main a[href*="/p/"], main a[href*="/reel/"]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toHaveLength(7);
    const profile = profileForLead(seed, storyLead(seed, 'd').id)!;
    const newest = profile.posts[0];
    expect(links[0]).toBe(`/zhanna_cakes/${newest.isVideo ? 'reel' : 'p'}/${newest.shortcode}/`);
    expect(document.querySelectorAll('main time')).toHaveLength(0);
    expect(document.querySelector('a[href="/direct/inbox/"]')).not.toBeNull();
    const fake = createInstagramFake(seed);
    const nf = await get(fake, '/nobody_zz/', {});
    expect(nf.status).toBe(404);
    expect(nf.body).toContain('Эта страница недоступна');
    const post = await get(fake, `/p/${profile.posts.find((p) => !p.isVideo)!.shortcode}/`, {});
    expect(parseHTML(post.body).document.querySelector('article time[datetime]')).not.toBeNull();
    expect(() => new Function(igPageScript())).not.toThrow();
  });
});
