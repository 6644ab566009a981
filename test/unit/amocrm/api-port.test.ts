// The overlay finds the API client left by its own content script, or reads the page without it.
import { afterEach, describe, expect, it } from 'vitest';
import { createAmoApi } from '@/lib/amocrm/api';
import { findAmoApi, missingAmoApi, provideAmoApi } from '@/lib/amocrm/api-port';
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
});
