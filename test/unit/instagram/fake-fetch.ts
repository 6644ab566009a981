// A `fetch` answered by the fake Instagram (the same handler the e2e routes use), with a log.
import { createSeed } from '../../fakes/seed';
import { createInstagramFake, type InstagramFake } from '../../fakes/instagram/index';

export const NOW = Date.UTC(2026, 2, 12, 9, 30);

export function fakeInstagram(now = NOW): { fake: InstagramFake; fetch: typeof fetch; paths: () => string[] } {
  const fake = createInstagramFake(createSeed(now));
  const fn = (async (url: string, init?: RequestInit) => {
    const res = await fake.handle({ method: 'GET', url, headers: (init?.headers ?? {}) as Record<string, string> });
    return new Response(res.body, { status: res.status, headers: res.headers });
  }) as unknown as typeof fetch;
  return { fake, fetch: fn, paths: () => fake.requests.entries.map((r) => r.path) };
}

/** The raw body text of one fake answer. */
export async function fakeBody(fake: InstagramFake, path: string): Promise<{ status: number; text: string }> {
  const res = await fake.handle({
    method: 'GET',
    url: `https://www.instagram.com${path}`,
    headers: { 'x-ig-app-id': '936619743392459' },
  });
  return { status: res.status, text: res.body };
}
