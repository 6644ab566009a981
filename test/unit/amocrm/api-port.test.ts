// The overlay finds the API client left by its own content script, or reads the page without it.
import { afterEach, describe, expect, it } from 'vitest';
import { createAmoApi } from '@/lib/amocrm/api';
import { findAmoApi, lazyAmoApi, missingAmoApi, provideAmoApi, sharedBuckets, withSharedBuckets } from '@/lib/amocrm/api-port';
import { createAmoClient } from '@/lib/amocrm/client';
import { ApiError, fallbackKind, isApiError, shouldFallBack } from '@/lib/amocrm/errors';

const KEY = Symbol.for('reglament.amocrm.api');

describe('api port', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[KEY];
  });

  it('hands the factory over through the shared global scope', () => {
    expect(findAmoApi()).toBeNull();
    provideAmoApi(createAmoApi);
    expect(findAmoApi()).toBe(createAmoApi);
  });

  it('a lazy API makes its client at the first request, so a client script that runs later is still found', async () => {
    let made = 0;
    const api = lazyAmoApi(() => {
      made++;
      const factory = findAmoApi();
      return factory ? factory({ origin: 'https://smmpro.amocrm.ru' }) : missingAmoApi();
    });
    expect(made).toBe(0);
    const fake = { ...missingAmoApi(), refresh: () => undefined, pipelines: () => Promise.resolve([]) };
    provideAmoApi(() => fake);
    await expect(api.pipelines()).resolves.toEqual([]);
    api.refresh(1);
    expect(made).toBe(1);
  });

  it('without the client script every read fails as network, so the page stands in', async () => {
    const error = await missingAmoApi()
      .lead(1, () => false)
      .catch((e: unknown) => e);
    expect(shouldFallBack(error)).toBe(true);
    expect(fallbackKind(error)).toBe('network');
  });

  it('knows an ApiError made by another bundle (no shared class)', () => {
    const foreign = Object.assign(new Error('amoCRM answered 500'), { name: 'ApiError', kind: 'server', status: 500 });
    expect(foreign instanceof ApiError).toBe(false);
    expect(isApiError(foreign)).toBe(true);
    expect(fallbackKind(foreign)).toBe('server');
    expect(isApiError(new Error('a bug'))).toBe(false);
  });

  it('the overlay and the board in one tab share one bucket per account', async () => {
    const sent: string[] = [];
    const factory = withSharedBuckets(createAmoApi);
    const at = { now: () => 0 };
    const deps = (origin: string) => ({
      origin,
      clock: at,
      sleep: () => new Promise<void>(() => undefined),
      fetch: (async (url: string) => (sent.push(url), new Response('{}', { status: 200 }))) as typeof fetch,
    });
    const overlay = factory(deps('https://smmpro.amocrm.ru'));
    const board = factory(deps('https://smmpro.amocrm.ru'));
    const other = factory(deps('https://other.amocrm.ru'));
    // The tab's burst is 3: spent by the overlay, the board's read waits for the next token.
    for (const id of [1, 2, 3]) void overlay.lead(id, () => false).catch(() => undefined);
    void board.lead(5, () => false).catch(() => undefined);
    void other.lead(6, () => false).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((u) => new URL(u).host + new URL(u).pathname)).toEqual([
      ...[1, 2, 3].map((id) => `smmpro.amocrm.ru/api/v4/leads/${id}`),
      'other.amocrm.ru/api/v4/leads/6',
    ]);
  });

  it('the worker’s requests through the tab take tokens of the same bucket as the overlay', async () => {
    const sent: string[] = [];
    const bucketOf = sharedBuckets();
    const at = { now: () => 0 };
    const fetch = (async (url: string) => (
      sent.push(new URL(url).pathname),
      new Response('{}', { status: 200 })
    )) as typeof globalThis.fetch;
    const overlay = withSharedBuckets(
      createAmoApi,
      bucketOf,
    )({
      origin: 'https://smmpro.amocrm.ru',
      clock: at,
      sleep: () => new Promise<void>(() => undefined),
      fetch,
    });
    // The tab's script serving the worker (entrypoints/amocrm-api.content) builds its client on the same bucket.
    const forWorker = createAmoClient({
      origin: 'https://smmpro.amocrm.ru',
      bucket: bucketOf('https://smmpro.amocrm.ru', at),
      sleep: () => new Promise<void>(() => undefined),
      fetch,
    });
    for (const id of [1, 2]) void overlay.lead(id, () => false).catch(() => undefined);
    void forWorker.post('/api/v4/leads/notes', []).catch(() => undefined);
    void forWorker.get('/api/v4/leads/notes?limit=250').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    // Burst 3 for the tab as a whole: the fourth request waits, whoever makes it.
    expect(sent).toEqual(['/api/v4/leads/1', '/api/v4/leads/2', '/api/v4/leads/notes']);
    expect(bucketOf('https://smmpro.amocrm.ru')).toBe(bucketOf('https://smmpro.amocrm.ru'));
  });
});
