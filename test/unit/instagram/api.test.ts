// The request budget: ≤ 2 requests per profile visit, none when cached or backing off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffMs, cacheTtlMs, igAppId, limitedUntil, memoryStore, observeProfile } from '@/lib/instagram/api';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function fakeFetch(answers: Record<string, { status: number; body: string; headers?: Record<string, string> }>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const key = Object.keys(answers).find((k) => url.includes(k))!;
    const a = answers[key];
    return new Response(a.body, { status: a.status, headers: a.headers });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const ok = {
  web_profile_info: { status: 200, body: fixture('web_profile_info.fitzone_astana.json') },
  reels_media: { status: 200, body: fixture('reels_media.fitzone_astana.json') },
};

describe('observeProfile', () => {
  it('two requests with the session and app id, then cached', async () => {
    let t = 1_000_000;
    const f = fakeFetch(ok);
    const deps = { fetch: f.fn, now: () => t, store: memoryStore(), csrfToken: () => 'tok' };
    const first = await observeProfile('FitZone_Astana', deps);
    expect(first.status).toBe('ok');
    expect(first.requests).toBe(2);
    expect(f.calls[0].url).toBe('https://www.instagram.com/api/v1/users/web_profile_info/?username=fitzone_astana');
    expect(f.calls[1].url).toBe('https://www.instagram.com/api/v1/feed/reels_media/?reel_ids=48007958595');
    expect(f.calls[0].init).toMatchObject({ credentials: 'include', headers: { 'x-ig-app-id': igAppId, 'x-csrftoken': 'tok' } });
    if (first.status !== 'ok') return;
    expect(first.observation.profile?.posts.length).toBe(12);
    expect(first.observation.stories).toHaveLength(1);

    t += cacheTtlMs - 1;
    const again = await observeProfile('fitzone_astana', deps);
    expect(again).toMatchObject({ status: 'ok', requests: 0, cached: true });
    expect(f.calls).toHaveLength(2);
    t += 2;
    expect((await observeProfile('fitzone_astana', deps)).requests).toBe(2);
  });

  it('401 «Please wait a few minutes»: one request, then backs off with no requests at all', async () => {
    let t = 5_000_000;
    const f = fakeFetch({ web_profile_info: { status: 401, body: fixture('rate_limited.401.json') } });
    const deps = { fetch: f.fn, now: () => t, store: memoryStore() };
    const first = await observeProfile('fitzone_astana', deps);
    expect(first).toMatchObject({ status: 'limited', until: t + backoffMs, requests: 1 });
    expect(await limitedUntil(deps)).toBe(t + backoffMs);
    const other = await observeProfile('zhanna_cakes', deps);
    expect(other).toMatchObject({ status: 'limited', requests: 0 });
    expect(f.calls).toHaveLength(1);
    t += backoffMs;
    expect(await limitedUntil(deps)).toBeNull();
  });

  it('429 with Retry-After on the second endpoint keeps the profile and remembers until when', async () => {
    const t = 9_000_000;
    const f = fakeFetch({ ...ok, reels_media: { status: 429, body: '{"status":"fail"}', headers: { 'retry-after': '120' } } });
    const deps = { fetch: f.fn, now: () => t, store: memoryStore() };
    const res = await observeProfile('fitzone_astana', deps);
    expect(res).toMatchObject({ status: 'limited', until: t + 120_000, requests: 2 });
    if (res.status === 'limited') expect(res.observation?.profile?.username).toBe('fitzone_astana');
  });

  it('malformed JSON and 404 are reported, not thrown', async () => {
    const deps = (body: string, status = 200) => ({
      fetch: fakeFetch({ web_profile_info: { status, body } }).fn,
      now: () => 1,
      store: memoryStore(),
    });
    expect((await observeProfile('x', deps('{"data": {"user": {'))).status).toBe('error');
    expect((await observeProfile('x', deps('{"data":{"user":null},"status":"ok"}', 404))).status).toBe('not-found');
    expect((await observeProfile('x', deps('oops', 500))).status).toBe('error');
  });
});
