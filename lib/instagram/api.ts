// The two Instagram web endpoints, with the manager's session: at most one fetch of each per
// profile visit, cached per username, and a remembered back-off after 401/429. No polling.
import { readProfileInfo, readReelsMedia, type ObservedStory, type ProfileInfo } from './readers';

export const igAppId = '936619743392459';
/** How long a profile's observation is reused (a revisit inside this window costs nothing). */
export const cacheTtlMs = 10 * 60_000;
/** Back-off after «Please wait a few minutes» when the answer names no Retry-After. */
export const backoffMs = 15 * 60_000;

export interface Observation {
  username: string;
  profile: ProfileInfo | null;
  /** null when the stories endpoint was not reached or failed. */
  stories: ObservedStory[] | null;
  fetchedAt: number;
}

export type FetchOutcome =
  | { status: 'ok'; observation: Observation; requests: number; cached: boolean }
  | { status: 'limited'; until: number; observation: Observation | null; requests: number }
  | { status: 'not-found'; requests: number }
  | { status: 'error'; message: string; observation: Observation | null; requests: number };

/** A small key-value store (memory, or `browser.storage.session` when the worker allows it). */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export function memoryStore(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    async get<T>(key: string) {
      return map.get(key) as T | undefined;
    },
    async set(key, value) {
      map.set(key, value);
    },
  };
}

export interface ApiDeps {
  fetch: typeof fetch;
  now: () => number;
  store: KeyValue;
  /** `csrftoken` cookie, when readable. */
  csrfToken?: () => string | null;
  origin?: string;
}

const backoffKey = 'ig.backoffUntil';
const cacheKey = (username: string) => `ig.profile.${username.toLowerCase()}`;

class Limited extends Error {
  constructor(readonly until: number) {
    super('rate limited');
  }
}

function retryAfterMs(res: Response): number | null {
  const raw = res.headers.get('retry-after');
  if (!raw) return null;
  const s = Number(raw);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

export async function limitedUntil(deps: Pick<ApiDeps, 'store' | 'now'>): Promise<number | null> {
  const until = await deps.store.get<number>(backoffKey).catch(() => undefined);
  return typeof until === 'number' && until > deps.now() ? until : null;
}

/**
 * Reads a profile's latest posts and current stories. Requests: 0 when cached or backing off,
 * otherwise at most 2 (web_profile_info, then reels_media with the user id it returned).
 */
export async function observeProfile(username: string, deps: ApiDeps, options: { force?: boolean } = {}): Promise<FetchOutcome> {
  const name = username.toLowerCase();
  const cached = await deps.store.get<Observation>(cacheKey(name)).catch(() => undefined);
  if (!options.force && cached && deps.now() - cached.fetchedAt < cacheTtlMs)
    return { status: 'ok', observation: cached, requests: 0, cached: true };
  const until = await limitedUntil(deps);
  if (until) return { status: 'limited', until, observation: cached ?? null, requests: 0 };

  const origin = deps.origin ?? 'https://www.instagram.com';
  const headers: Record<string, string> = { 'x-ig-app-id': igAppId, 'x-requested-with': 'XMLHttpRequest', accept: '*/*' };
  const csrf = deps.csrfToken?.();
  if (csrf) headers['x-csrftoken'] = csrf;
  let requests = 0;
  const get = async (path: string): Promise<unknown> => {
    requests++;
    const res = await deps.fetch(origin + path, { credentials: 'include', headers });
    if (res.status === 401 || res.status === 429) {
      const until = deps.now() + (retryAfterMs(res) ?? backoffMs);
      await deps.store.set(backoffKey, until).catch(() => undefined);
      throw new Limited(until);
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`Instagram answered ${res.status}`);
    return res.json();
  };

  try {
    const body = await get(`/api/v1/users/web_profile_info/?username=${encodeURIComponent(name)}`);
    const profile = readProfileInfo(body);
    if (!profile)
      return body === null
        ? { status: 'not-found', requests }
        : { status: 'error', message: 'unexpected profile answer', observation: cached ?? null, requests };
    let stories: ObservedStory[] | null = null;
    try {
      stories = readReelsMedia(
        await get(`/api/v1/feed/reels_media/?reel_ids=${encodeURIComponent(profile.userId)}`),
        profile.userId,
      );
    } catch (error) {
      const observation: Observation = { username: name, profile, stories: null, fetchedAt: deps.now() };
      if (error instanceof Limited) return { status: 'limited', until: error.until, observation, requests };
      return { status: 'error', message: String(error), observation, requests };
    }
    const observation: Observation = { username: name, profile, stories, fetchedAt: deps.now() };
    await deps.store.set(cacheKey(name), observation).catch(() => undefined);
    return { status: 'ok', observation, requests, cached: false };
  } catch (error) {
    if (error instanceof Limited) return { status: 'limited', until: error.until, observation: cached ?? null, requests };
    return {
      status: 'error',
      message: error instanceof Error ? error.message : String(error),
      observation: cached ?? null,
      requests,
    };
  }
}
