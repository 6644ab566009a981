// The team reader's HTTP side: GET requests to one amoCRM account, rate-limited (the shared
// TokenBucket keeps us at ≤ 6 requests a second, under amoCRM's 7), with a long-lived token
// (Authorization: Bearer) or the browser's amoCRM session (credentials: 'include'), cancellable
// with an AbortSignal, retrying 429 after Retry-After. 204 (no content) and 304 read as null.
import { ApiError, kindOfStatus } from '../errors';
import { defaultBucket, type TokenBucket } from '../rate-limit';
import { isAmocrmOrigin, urlOnOrigin } from '../../hosts';

export interface TeamReaderOptions {
  /** `https://smmpro.amocrm.ru` */
  origin: string;
  token: string | null;
  signal: AbortSignal;
  fetch?: typeof fetch;
  bucket?: TokenBucket;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called once per request sent (progress, tests). */
  onRequest?: (url: string) => void;
  maxRetries?: number;
}

export interface TeamReader {
  readonly origin: string;
  readonly auth: 'token' | 'session';
  /** GET `path` (with its query); null for 204/304. */
  get(path: string, options?: { ifModifiedSince?: number | null }): Promise<unknown | null>;
}

export class SyncCancelled extends Error {
  constructor() {
    super('Синхронизация отменена');
    this.name = 'SyncCancelled';
  }
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new SyncCancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SyncCancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createTeamReader(options: TeamReaderOptions): TeamReader {
  // The token goes to an amoCRM account and nowhere else, whatever the caller was told.
  if (!isAmocrmOrigin(options.origin) || new URL(options.origin).origin !== options.origin)
    throw new ApiError('other', 0, `Not an amoCRM account: ${options.origin}`);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const bucket = options.bucket ?? defaultBucket();
  const sleep = options.sleep ?? abortableSleep;
  const maxRetries = options.maxRetries ?? 3;
  const { signal } = options;

  async function get(path: string, opts: { ifModifiedSince?: number | null } = {}): Promise<unknown | null> {
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) throw new SyncCancelled();
      const wait = bucket.reserve();
      if (wait > 0) await sleep(wait, signal);
      // Absolute URLs from answers (`_links.next`) give their path and query only.
      const url = urlOnOrigin(options.origin, path);
      const headers: Record<string, string> = { Accept: 'application/hal+json, application/json' };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      if (opts.ifModifiedSince) headers['If-Modified-Since'] = new Date(opts.ifModifiedSince).toUTCString();
      options.onRequest?.(url);
      let res: Response;
      try {
        res = await doFetch(url, { headers, signal, credentials: options.token ? 'omit' : 'include', cache: 'no-store' });
      } catch (error) {
        if (signal.aborted) throw new SyncCancelled();
        throw new ApiError('network', 0, `amoCRM unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (res.status === 204 || res.status === 304) return null;
      if (res.status === 429 && attempt < maxRetries) {
        const after = Number(res.headers.get('retry-after'));
        await sleep((Number.isFinite(after) && after > 0 ? after : 1) * 1000, signal);
        continue;
      }
      if (!res.ok) {
        const kind = kindOfStatus(res.status);
        throw new ApiError(
          kind,
          res.status,
          kind === 'auth'
            ? `amoCRM refused access (${res.status}): set the token or log in to amoCRM in this browser`
            : `amoCRM answered ${res.status} for ${path.split('?')[0]}`,
        );
      }
      const text = await res.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ApiError('garbage', res.status, `amoCRM answered something that is not JSON for ${path.split('?')[0]}`);
      }
    }
  }

  return { origin: options.origin, auth: options.token ? 'token' : 'session', get };
}
