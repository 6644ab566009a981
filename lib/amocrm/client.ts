// The one HTTP client of amoCRM's REST API v4, for the content script (the manager's session,
// same-origin) and the worker (a long-lived token or the browser's session). Every request goes
// to the account's own origin through the token bucket; 204/304 read as null; 429 is retried
// after Retry-After when allowed; a 403 soon after a 429 (or saying so) is a throttling block,
// not missing rights. `_links.next` is followed as path + query on the same origin: amoCRM may
// name another host of the account there (shard151.amocrm.ru), and the token goes nowhere else.
import { ApiError, kindOfStatus, saysThrottled } from './errors';
import { defaultBucket, type Clock } from './rate-limit';
import type { Bucket } from './request-budget';
import { isAmocrmOrigin } from '../hosts';

export interface AmoClientOptions {
  /** `https://smmpro.amocrm.ru` */
  origin: string;
  /** Long-lived token (worker only); without it the browser's amoCRM session is used. */
  token?: string | null;
  fetch?: typeof fetch;
  /** The account's request budget (a token bucket, or a permit of the browser's one budget: lib/amocrm/request-budget.ts). */
  bucket?: Bucket;
  clock?: Clock;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Cancels every request (team sync's «Отменить»). */
  signal?: AbortSignal;
  /** A request without an answer after this long fails as `network` (the page then stands in). */
  timeoutMs?: number;
  /** Retries of a 429 (after Retry-After). */
  maxRetries?: number;
  /** Pages followed at most per list. */
  maxPages?: number;
  /** Called once per request sent (progress, tests). */
  onRequest?: (url: string) => void;
}

export class SyncCancelled extends Error {
  constructor() {
    super('Синхронизация отменена');
    this.name = 'SyncCancelled';
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SyncCancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SyncCancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Path and query of a `_links.next` href, to be asked of our own origin; null when unusable. */
export function nextPath(href: string, origin: string): string | null {
  try {
    const url = new URL(href, origin);
    return url.pathname.startsWith('/api/v4/') ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** How long a 429 makes a following 403 read as a throttling block. */
const THROTTLE_MEMORY_MS = 10 * 60_000;

/** Pages followed at most per list, unless the caller says otherwise. */
export const DEFAULT_MAX_PAGES = 20;

export function createAmoClient(options: AmoClientOptions) {
  // The token and the session cookies go to an amoCRM account and nowhere else, whatever the caller was told.
  if (!isAmocrmOrigin(options.origin) || new URL(options.origin).origin !== options.origin)
    throw new ApiError('other', 0, `Not an amoCRM account: ${options.origin}`);
  const clock = options.clock ?? { now: () => Date.now() };
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const bucket = options.bucket ?? defaultBucket(clock);
  const sleep = options.sleep ?? abortableSleep;
  const maxRetries = options.maxRetries ?? 0;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const { signal, token } = options;
  let last429 = Number.NEGATIVE_INFINITY;

  async function send(path: string, init: { method?: string; body?: string; ifModifiedSince?: number | null }) {
    const where = path.split('?')[0];
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new SyncCancelled();
      const wait = await bucket.reserve(signal);
      if (wait > 0) await sleep(wait, signal);
      const url = options.origin + path;
      const headers: Record<string, string> = { Accept: 'application/hal+json, application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (init.body) headers['Content-Type'] = 'application/json';
      if (init.ifModifiedSince) headers['If-Modified-Since'] = new Date(init.ifModifiedSince).toUTCString();
      options.onRequest?.(url);
      const signals = [signal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined].filter(
        (s): s is AbortSignal => !!s,
      );
      let res: Response;
      try {
        res = await doFetch(url, {
          method: init.method ?? 'GET',
          headers,
          credentials: token ? 'omit' : 'include',
          cache: 'no-store',
          ...(init.body ? { body: init.body } : {}),
          ...(signals.length ? { signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) } : {}),
        });
      } catch (error) {
        if (signal?.aborted) throw new SyncCancelled();
        throw new ApiError('network', 0, `amoCRM unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (res.status === 204 || res.status === 304) return null;
      if (res.status === 429) {
        last429 = clock.now();
        if (attempt < maxRetries) {
          const after = Number(res.headers.get('retry-after'));
          await sleep((Number.isFinite(after) && after > 0 ? after : 1) * 1000, signal);
          continue;
        }
      }
      const text = await res.text().catch(() => '');
      if (!res.ok) {
        const kind = kindOfStatus(res.status, clock.now() - last429 < THROTTLE_MEMORY_MS || saysThrottled(text));
        throw new ApiError(kind, res.status, failure(kind, res.status, where), refusal(res, text));
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ApiError('garbage', res.status, `amoCRM answered something that is not JSON for ${where}`);
      }
    }
  }

  /** A 429's Retry-After and a 400's validation errors, for callers that act on them (the team record's writer). */
  function refusal(res: Response, text: string): { retryAfterMs: number | null; body: unknown } {
    const after = Number(res.headers.get('retry-after'));
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      // Not JSON: nothing more to tell than the status.
    }
    return { retryAfterMs: Number.isFinite(after) && after > 0 ? after * 1000 : null, body };
  }

  function failure(kind: string, status: number, where: string): string {
    if (kind === 'blocked')
      return `amoCRM blocked this account's API for a while after too many requests (${status}): wait and try later`;
    if (kind === 'auth')
      return token
        ? `amoCRM refused the token (${status}): it lacks rights or was revoked`
        : `amoCRM refused access (${status}): log in to amoCRM in this browser or ask for rights`;
    if (kind === 'rate') return `amoCRM asks to slow down (${status}) for ${where}`;
    return `amoCRM answered ${status} for ${where}`;
  }

  return {
    origin: options.origin,
    auth: (token ? 'token' : 'session') as 'token' | 'session',
    /** GET `path` (with its query); null for 204/304. */
    get(path: string, opts: { ifModifiedSince?: number | null } = {}): Promise<unknown> {
      return send(path, { ifModifiedSince: opts.ifModifiedSince ?? null });
    },
    post(path: string, body: unknown): Promise<unknown> {
      return send(path, { method: 'POST', body: JSON.stringify(body) });
    },
    /** Every page of a list: `first`, then `_links.next` (path + query on our origin) up to maxPages. */
    async *pages(first: string, opts: { ifModifiedSince?: number | null } = {}): AsyncGenerator<unknown> {
      let path: string | null = first;
      for (let i = 0; path && i < maxPages; i++) {
        const body = await send(path, { ifModifiedSince: i === 0 ? (opts.ifModifiedSince ?? null) : null });
        if (body === null) return;
        yield body;
        const href = (body as { _links?: { next?: { href?: unknown } } })?._links?.next?.href;
        path = typeof href === 'string' ? nextPath(href, options.origin) : null;
      }
    },
  };
}

export type AmoClient = ReturnType<typeof createAmoClient>;
