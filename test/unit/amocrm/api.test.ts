import { describe, expect, it } from 'vitest';
import { createAmoApi } from '@/lib/amocrm/api';
import { TtlCache } from '@/lib/amocrm/cache';
import { ApiError, fallbackKind, shouldFallBack } from '@/lib/amocrm/errors';
import { parseLead, parseStatusEvents } from '@/lib/amocrm/guards';
import { TokenBucket } from '@/lib/amocrm/rate-limit';
import { createAmocrmFake } from '../../fakes/amocrm/index';
import { createSeed, FIELD, storyLead } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0); // Wednesday 14:00 in Almaty

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** fetch() served by the fake amoCRM (no browser, no network). */
function fakeFetch(fake: ReturnType<typeof createAmocrmFake>, log: string[] = []) {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    log.push(url);
    const res = await fake.handle({
      method: init?.method ?? 'GET',
      url,
      headers: { cookie: 'session_id=fake' },
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  }) as typeof fetch;
}

describe('token bucket (fake clock)', () => {
  it('lets a burst of `capacity` through, then one per 1/rate second', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 4, perSecond: 2, clock });
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0, 0]);
    expect(bucket.reserve()).toBe(500);
    expect(bucket.reserve()).toBe(1000);
    clock.advance(1000);
    expect(bucket.available()).toBeCloseTo(0);
    clock.advance(10_000);
    expect(bucket.available()).toBe(4);
  });

  it('never lets more than capacity + rate requests into any one-second window', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 3, perSecond: 3, clock });
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const wait = bucket.reserve();
      times.push(clock.now() + wait);
      clock.advance(i % 3 === 0 ? 5 : 40);
    }
    times.sort((a, b) => a - b);
    let worst = 0;
    for (let i = 0, lo = 0; i < times.length; i++) {
      while (times[i] - times[lo] >= 1000) lo++;
      worst = Math.max(worst, i - lo + 1);
    }
    expect(worst).toBeLessThanOrEqual(6);
  });
});

describe('TTL cache', () => {
  it('shares identical requests within the TTL and drops failures', async () => {
    const clock = fakeClock();
    const cache = new TtlCache<number>(1000, clock);
    let calls = 0;
    const load = async () => ++calls;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    clock.advance(1001);
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await Promise.resolve();
    expect(await cache.get('b', load)).toBe(3);
  });
});

describe('guards', () => {
  it('drop the credentials value at read time, keep only filled/empty', () => {
    const lead = parseLead(
      {
        id: 1,
        name: 'X',
        status_id: 2,
        pipeline_id: 3,
        created_at: 10,
        updated_at: 20,
        custom_fields_values: [
          { field_id: 4, field_name: 'Логин/пароль от аккаунта Instagram', values: [{ value: 'user / secret' }] },
        ],
      },
      (name) => name.startsWith('Логин'),
    );
    expect(lead.fields[0]).toEqual({ id: 4, name: 'Логин/пароль от аккаунта Instagram', code: null, values: [], filled: true });
    expect(JSON.stringify(lead)).not.toContain('secret');
  });

  it('refuse garbage', () => {
    expect(() => parseLead({ id: 'one' })).toThrow(ApiError);
    expect(() => parseLead(null)).toThrow(ApiError);
    expect(() => parseStatusEvents({ _embedded: { events: 'no' } })).toThrow(ApiError);
    expect(() => parseStatusEvents({ _embedded: { events: [{ id: 'e', type: 'lead_status_changed', created_at: 1 }] } })).toThrow(
      ApiError,
    );
  });
});

describe('API client against the fake amoCRM', () => {
  it('reads lead, pipelines, paged status events and call notes; caches identical requests', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const log: string[] = [];
    const clock = fakeClock(NOW);
    const api = createAmoApi({
      origin: fake.origin,
      fetch: fakeFetch(fake, log),
      clock,
      sleep: async (ms) => void clock.advance(ms),
    });
    const d = storyLead(seed, 'd');
    const lead = await api.lead(d.id, (n) => n.startsWith('Логин'));
    expect(lead.name).toBe(d.name);
    expect(lead.fields.find((f) => f.id === FIELD.credentials)).toMatchObject({ filled: true, values: [] });
    const changes = await api.statusChanges(d.id);
    expect(changes.length).toBe(4);
    expect((await api.notes(d.id)).filter((n) => n.link).length).toBe(3);
    expect((await api.pipelines())[0].statuses.length).toBe(8);
    const before = log.length;
    await api.lead(d.id, () => false);
    await api.pipelines();
    expect(log.length).toBe(before);
  });

  it('turns 401/429/500/malformed into ApiErrors that send the overlay to page data', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    for (const [fault, kind] of [
      [{ status: 401 }, 'auth'],
      [{ status: 403 }, 'auth'],
      [{ status: 429 }, 'rate'],
      [{ status: 500 }, 'server'],
      [{ malformed: true }, 'garbage'],
    ] as const) {
      fake.setFault(fault);
      const api = createAmoApi({ origin: fake.origin, fetch: fakeFetch(fake) });
      const error = await api.lead(1004, () => false).catch((e: unknown) => e);
      expect(shouldFallBack(error)).toBe(true);
      expect(fallbackKind(error)).toBe(kind);
    }
    expect(fallbackKind(new TypeError('Failed to fetch'))).toBe('network');
    expect(shouldFallBack(new Error('a bug'))).toBe(false);
  });

  it('follows _links.next across pages', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    for (let i = 0; i < 120; i++) fake.moveLead(1004, i % 2 ? 'launched' : 'noticeSent', { at: NOW - 1000 * i });
    const api = createAmoApi({ origin: fake.origin, fetch: fakeFetch(fake) });
    expect((await api.statusChanges(1004)).length).toBe(124);
  });
});
