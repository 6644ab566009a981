// The request budget: ≤ 2 requests per profile visit, none when cached or backing off, and the
// business-account fallback — all against the fake Instagram's own answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffMs, cacheTtlMs, igAppId, limitedUntil, memoryStore, observeProfile } from '@/lib/instagram/api';
import { currentStories, profileByUsername } from '../../fakes/seed';
import { fakeInstagram } from './fake-fetch';
import { readAnswer, type AnswerRequest } from '@/lib/instagram/read-answer';

/** The readers run in place (the sidebar has the worker run them). */
const read = async (req: AnswerRequest) => readAnswer(req);

const real = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/instagram', name), 'utf8');

function scripted(answers: Record<string, { status: number; body: string; headers?: Record<string, string> }>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const key = Object.keys(answers).find((k) => url.includes(k))!;
    const a = answers[key];
    return new Response(a.body, { status: a.status, headers: a.headers });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('observeProfile', () => {
  it('a personal account: web_profile_info then reels_media with the session and app id, then cached', async () => {
    let t = 1_000_000;
    const ig = fakeInstagram();
    const calls: RequestInit[] = [];
    const deps = {
      fetch: ((url: string, init: RequestInit) => (calls.push(init), ig.fetch(url, init))) as typeof fetch,
      now: () => t,
      store: memoryStore(),
      read,
      csrfToken: () => 'tok',
    };
    const first = await observeProfile('Zhanna_Cakes', deps);
    expect(first).toMatchObject({ status: 'ok', requests: 2 });
    const id = profileByUsername(ig.fake.seed, 'zhanna_cakes')!.id;
    expect(ig.paths()).toEqual(['/api/v1/users/web_profile_info/', '/api/v1/feed/reels_media/']);
    expect(ig.fake.requests.entries[1].search).toBe(`?reel_ids=${id}`);
    expect(calls[0]).toMatchObject({ credentials: 'include', headers: { 'x-ig-app-id': igAppId, 'x-csrftoken': 'tok' } });
    if (first.status !== 'ok') return;
    expect(first.observation).toMatchObject({ source: 'profile-info', stories: [] });
    expect(first.observation.profile?.posts.length).toBe(7);

    t += cacheTtlMs - 1;
    expect(await observeProfile('zhanna_cakes', deps)).toMatchObject({ status: 'ok', requests: 0, cached: true });
    t += 2;
    expect((await observeProfile('zhanna_cakes', deps)).requests).toBe(2);
  });

  it('a business account: 400 then the username feed (2 requests); the next visit asks only reels_media; later the feed and reels_media', async () => {
    let t = 2_000_000;
    const ig = fakeInstagram();
    const deps = { fetch: ig.fetch, now: () => t, store: memoryStore(), read };
    const profile = profileByUsername(ig.fake.seed, 'fitzone_astana')!;

    const first = await observeProfile('fitzone_astana', deps);
    expect(first).toMatchObject({ status: 'ok', requests: 2 });
    expect(ig.paths()).toEqual(['/api/v1/users/web_profile_info/', '/api/v1/feed/user/fitzone_astana/username/']);
    if (first.status !== 'ok') return;
    expect(first.observation).toMatchObject({ source: 'feed', stories: null });
    expect(first.observation.profile).toMatchObject({ userId: profile.id, username: 'fitzone_astana' });
    expect(first.observation.profile!.posts.some((p) => p.pinned)).toBe(true);

    t += 60_000;
    const second = await observeProfile('fitzone_astana', deps);
    expect(second).toMatchObject({ status: 'ok', requests: 1 });
    expect(ig.paths().slice(2)).toEqual(['/api/v1/feed/reels_media/']);
    if (second.status !== 'ok') return;
    expect(second.observation.stories!.map((s) => s.pk).sort()).toEqual(
      currentStories(ig.fake.seed, profile)
        .map((s) => s.pk)
        .sort(),
    );
    expect(await observeProfile('fitzone_astana', deps)).toMatchObject({ requests: 0, cached: true });

    t += cacheTtlMs;
    const third = await observeProfile('fitzone_astana', deps);
    expect(third).toMatchObject({ status: 'ok', requests: 2 });
    // Remembered as a business account: web_profile_info is not asked again.
    expect(ig.paths().slice(3)).toEqual(['/api/v1/feed/user/fitzone_astana/username/', '/api/v1/feed/reels_media/']);
  });

  it('the saved real 400 body triggers the fallback; the feed failing with 429 backs off', async () => {
    const t = 3_000_000;
    const f = scripted({
      web_profile_info: { status: 400, body: real('web_profile_info.business-400.json') },
      '/feed/user/': { status: 429, body: '{"status":"fail"}', headers: { 'retry-after': '60' } },
    });
    const deps = { fetch: f.fn, now: () => t, store: memoryStore(), read };
    expect(await observeProfile('lascanaofficial', deps)).toMatchObject({ status: 'limited', until: t + 60_000, requests: 2 });
    expect(f.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/api/v1/users/web_profile_info/',
      '/api/v1/feed/user/lascanaofficial/username/',
    ]);
  });

  it('another 400 is an error, not a business account', async () => {
    const f = scripted({ web_profile_info: { status: 400, body: '{"message":"useragent mismatch","status":"fail"}' } });
    expect(await observeProfile('x', { fetch: f.fn, now: () => 1, store: memoryStore(), read })).toMatchObject({
      status: 'error',
      requests: 1,
    });
  });

  it('401 «Please wait a few minutes»: one request, then backs off with no requests at all', async () => {
    let t = 5_000_000;
    const f = scripted({ web_profile_info: { status: 401, body: real('rate_limited.401.json') } });
    const deps = { fetch: f.fn, now: () => t, store: memoryStore(), read };
    expect(await observeProfile('fitzone_astana', deps)).toMatchObject({ status: 'limited', until: t + backoffMs, requests: 1 });
    expect(await limitedUntil(deps)).toBe(t + backoffMs);
    expect(await observeProfile('zhanna_cakes', deps)).toMatchObject({ status: 'limited', requests: 0 });
    expect(f.calls).toHaveLength(1);
    t += backoffMs;
    expect(await limitedUntil(deps)).toBeNull();
  });

  it('429 with Retry-After on reels_media keeps the posts and remembers until when', async () => {
    const t = 9_000_000;
    const ig = fakeInstagram();
    ig.fake.setFault({ status: 429, retryAfter: 120 }, { pathPrefix: '/api/v1/feed/reels_media/' });
    const res = await observeProfile('zhanna_cakes', { fetch: ig.fetch, now: () => t, store: memoryStore(), read });
    expect(res).toMatchObject({ status: 'limited', until: t + 120_000, requests: 2 });
    if (res.status === 'limited') expect(res.observation?.profile?.username).toBe('zhanna_cakes');
  });

  it('malformed JSON, 404 and 500 are reported, not thrown', async () => {
    const deps = (body: string, status = 200) => ({
      fetch: scripted({ web_profile_info: { status, body } }).fn,
      now: () => 1,
      store: memoryStore(),
      read,
    });
    expect((await observeProfile('x', deps('{"data": {"user": {'))).status).toBe('error');
    expect((await observeProfile('x', deps('{"data":{"user":null},"status":"ok"}', 404))).status).toBe('not-found');
    expect((await observeProfile('x', deps('oops', 500))).status).toBe('error');
  });
});
