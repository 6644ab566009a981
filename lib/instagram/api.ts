// Instagram's web endpoints, with the manager's session: at most two requests per profile
// visit, cached per username, and a remembered back-off after 401/429. No polling.
// `web_profile_info` answers 400 for many business accounts; for those the user feed gives
// the posts instead, and the account is remembered so later visits go to the feed directly.
import type { AnswerRead, AnswerRequest } from './read-answer';
import type { ObservedStory, ProfileInfo } from './readers';

export const igAppId = '936619743392459';
/** How long a profile's observation is reused (a revisit inside this window costs nothing). */
export const cacheTtlMs = 10 * 60_000;
/** Back-off after «Please wait a few minutes» when the answer names no Retry-After. */
export const backoffMs = 15 * 60_000;

export interface Observation {
  username: string;
  profile: ProfileInfo | null;
  /** null when the stories endpoint was not reached (yet) or failed. */
  stories: ObservedStory[] | null;
  /** Which answer gave the posts: `web_profile_info`, or the feed it falls back to for business accounts. */
  source: 'profile-info' | 'feed';
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
  /** Runs a reader on an answer's text (the worker for the sidebar; `readAnswer` itself in tests). */
  read: (req: AnswerRequest) => Promise<AnswerRead>;
  /** `csrftoken` cookie, when readable. */
  csrfToken?: () => string | null;
  origin?: string;
}

const backoffKey = 'ig.backoffUntil';
const cacheKey = (username: string) => `ig.profile.${username.toLowerCase()}`;
const businessKey = (username: string) => `ig.business.${username.toLowerCase()}`;

/** Requests one profile visit may make. */
export const visitBudget = 2;

class NotFound extends Error {}

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

const profileInfoPath = (name: string) => `/api/v1/users/web_profile_info/?username=${encodeURIComponent(name)}`;
const userFeedPath = (name: string) => `/api/v1/feed/user/${encodeURIComponent(name)}/username/?count=12`;
const reelsMediaPath = (userId: string) => `/api/v1/feed/reels_media/?reel_ids=${encodeURIComponent(userId)}`;

interface Answer {
  status: number;
  /** The raw text: parsed by the readers, so the big numeric ids are never trusted here. */
  text: string;
}

/**
 * Reads a profile's latest posts and current stories. Requests: 0 when cached or backing off;
 * otherwise at most 2 — web_profile_info then reels_media; for a business account
 * web_profile_info (400) then the user feed, and on the next visit the feed then reels_media;
 * a cached visit whose stories are still unknown asks reels_media alone.
 */
export async function observeProfile(username: string, deps: ApiDeps, options: { force?: boolean } = {}): Promise<FetchOutcome> {
  const name = username.toLowerCase();
  const cached = await deps.store.get<Observation>(cacheKey(name)).catch(() => undefined);
  const fresh = !options.force && !!cached && deps.now() - cached.fetchedAt < cacheTtlMs;
  if (fresh && cached.stories !== null) return { status: 'ok', observation: cached, requests: 0, cached: true };
  const until = await limitedUntil(deps);
  if (until) return { status: 'limited', until, observation: cached ?? null, requests: 0 };

  const origin = deps.origin ?? 'https://www.instagram.com';
  // No X-Requested-With: browsers do not send it, and a public tool found it marked requests as a script's.
  const headers: Record<string, string> = { 'x-ig-app-id': igAppId, accept: '*/*' };
  const csrf = deps.csrfToken?.();
  if (csrf) headers['x-csrftoken'] = csrf;
  let requests = 0;
  const get = async (path: string): Promise<Answer> => {
    requests++;
    const res = await deps.fetch(origin + path, { credentials: 'include', headers });
    if (res.status === 401 || res.status === 429) {
      const until = deps.now() + (retryAfterMs(res) ?? backoffMs);
      await deps.store.set(backoffKey, until).catch(() => undefined);
      throw new Limited(until);
    }
    return { status: res.status, text: await res.text() };
  };
  const failed = (message: string, observation: Observation | null): FetchOutcome => ({
    status: 'error',
    message,
    observation,
    requests,
  });

  /** The posts from one answer; a 404 or an unreadable answer ends the visit. */
  const readPosts = async (path: string, request: (text: string) => AnswerRequest): Promise<ProfileInfo> => {
    const answer = await get(path);
    if (answer.status === 404) throw new NotFound();
    if (answer.status !== 200) throw new Error(`Instagram answered ${answer.status}`);
    const read = (await deps.read(request(answer.text))).profile;
    if (!read) throw new Error(`unexpected answer from ${path.split('?')[0]}`);
    return read;
  };

  let profile: ProfileInfo;
  let source: Observation['source'] = 'feed';
  try {
    if (fresh && cached.profile) {
      profile = cached.profile;
      source = cached.source;
    } else if (await deps.store.get<boolean>(businessKey(name)).catch(() => false)) {
      profile = await readPosts(userFeedPath(name), (text) => ({ reader: 'user-feed', text, username: name }));
    } else {
      const info = await get(profileInfoPath(name));
      if (info.status === 400 && (await deps.read({ reader: 'business-400', text: info.text })).business) {
        await deps.store.set(businessKey(name), true).catch(() => undefined);
        profile = await readPosts(userFeedPath(name), (text) => ({ reader: 'user-feed', text, username: name }));
      } else {
        if (info.status === 404) throw new NotFound();
        if (info.status !== 200) throw new Error(`Instagram answered ${info.status}`);
        const read = (await deps.read({ reader: 'profile-info', text: info.text })).profile;
        if (!read) throw new Error('unexpected answer from web_profile_info');
        profile = read;
        source = 'profile-info';
      }
    }
  } catch (error) {
    if (error instanceof NotFound) return { status: 'not-found', requests };
    if (error instanceof Limited) return { status: 'limited', until: error.until, observation: cached ?? null, requests };
    return failed(error instanceof Error ? error.message : String(error), cached ?? null);
  }
  if (requests >= visitBudget) {
    // The budget is spent (the business account's 400 and its feed): the stories wait for the
    // next visit, which asks for them alone.
    const observation: Observation = { username: name, profile, stories: null, source, fetchedAt: deps.now() };
    await deps.store.set(cacheKey(name), observation).catch(() => undefined);
    return { status: 'ok', observation, requests, cached: false };
  }

  const fetchedAt = fresh ? cached.fetchedAt : deps.now();
  let stories: ObservedStory[];
  try {
    const reels = await get(reelsMediaPath(profile.userId));
    if (reels.status !== 200) throw new Error(`Instagram answered ${reels.status}`);
    stories = (await deps.read({ reader: 'reels-media', text: reels.text, userId: profile.userId })).stories ?? [];
  } catch (error) {
    const observation: Observation = { username: name, profile, stories: null, source, fetchedAt };
    await deps.store.set(cacheKey(name), observation).catch(() => undefined);
    if (error instanceof Limited) return { status: 'limited', until: error.until, observation, requests };
    return failed(error instanceof Error ? error.message : String(error), observation);
  }
  const observation: Observation = { username: name, profile, stories, source, fetchedAt };
  await deps.store.set(cacheKey(name), observation).catch(() => undefined);
  return { status: 'ok', observation, requests, cached: false };
}
