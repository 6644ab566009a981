// amoCRM REST API v4 with the manager's own session: same-origin fetch, credentials included.
// Every request passes the token bucket; identical GETs within the TTL share one answer.
import { TtlCache } from './cache';
import { ApiError, kindOfStatus } from './errors';
import {
  parseCreatedNote,
  parseLead,
  parseLeadsPage,
  parseNotes,
  parsePipelines,
  parseStatusEvents,
  type AmoLead,
  type AmoNote,
  type AmoPipeline,
  type AmoStatusChange,
  type Page,
} from './guards';
import { defaultBucket, type Clock, type TokenBucket } from './rate-limit';

export interface AmoApiDeps {
  /** `https://smmpro.amocrm.ru` */
  origin: string;
  fetch?: typeof fetch;
  bucket?: TokenBucket;
  cache?: TtlCache<unknown>;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Short TTL of deal data (lead, events, notes); long TTL of account data (pipelines, fields). */
  ttlMs?: number;
  accountTtlMs?: number;
  /** Pages followed at most per list. */
  maxPages?: number;
}

/** The API's largest page (`limit`) of `/api/v4/leads`. */
export const LEADS_PAGE_MAX = 250;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createAmoApi(deps: AmoApiDeps) {
  const clock = deps.clock ?? { now: () => Date.now() };
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const bucket = deps.bucket ?? defaultBucket(clock);
  const cache = deps.cache ?? new TtlCache<unknown>(deps.ttlMs ?? 10_000, clock);
  const sleep = deps.sleep ?? realSleep;
  const accountTtl = deps.accountTtlMs ?? 10 * 60_000;
  const maxPages = deps.maxPages ?? 10;

  async function request(path: string, init?: RequestInit): Promise<unknown> {
    const wait = bucket.reserve();
    if (wait > 0) await sleep(wait);
    const res = await doFetch(deps.origin + path, {
      credentials: 'include',
      ...init,
      headers: {
        Accept: 'application/hal+json, application/json',
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    if (res.status === 204) return null;
    if (!res.ok)
      throw new ApiError(kindOfStatus(res.status), res.status, `amoCRM answered ${res.status} to ${path.split('?')[0]}`);
    const text = await res.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ApiError('garbage', res.status, `amoCRM answered invalid JSON to ${path.split('?')[0]}`);
    }
  }

  const get = <T>(path: string, parse: (v: unknown) => T, ttl?: number): Promise<T> =>
    cache.get(path, async () => parse(await request(path)), ttl) as Promise<T>;

  /** Follows `_links.next` (same origin only), up to maxPages. */
  async function all<T>(first: string, parse: (v: unknown) => Page<T>, ttl?: number): Promise<T[]> {
    const out: T[] = [];
    let path: string | null = first;
    for (let i = 0; path && i < maxPages; i++) {
      const page: Page<T> | null = await get(path, (v) => (v === null ? null : parse(v)), ttl);
      if (!page) break;
      out.push(...page.items);
      path = page.next ? sameOriginPath(page.next, deps.origin) : null;
    }
    return out;
  }

  return {
    lead(id: number, isSecret: (fieldName: string) => boolean): Promise<AmoLead> {
      return get(`/api/v4/leads/${id}?with=loss_reason`, (v) => {
        if (v === null) throw new ApiError('not-found', 204, `Deal ${id} not found`);
        return parseLead(v, isSecret);
      });
    },
    /**
     * Many deals in one request (`filter[id][]`, at most the API's page size of 250): the board's
     * read of the deals the worker does not know. A 204 (none of them exists) is an empty list.
     */
    leadsByIds(ids: number[], isSecret: (fieldName: string) => boolean): Promise<AmoLead[]> {
      const unique = [...new Set(ids)].sort((a, b) => a - b).slice(0, LEADS_PAGE_MAX);
      if (!unique.length) return Promise.resolve([]);
      const query = unique.map((id) => `filter[id][]=${id}`).join('&');
      return get(`/api/v4/leads?${query}&limit=${LEADS_PAGE_MAX}`, (v) => (v === null ? [] : parseLeadsPage(v, isSecret).items));
    },
    pipelines(): Promise<AmoPipeline[]> {
      return get('/api/v4/leads/pipelines', (v) => (v === null ? [] : parsePipelines(v)), accountTtl);
    },
    statusChanges(id: number): Promise<AmoStatusChange[]> {
      return all(
        `/api/v4/events?filter[entity]=lead&filter[entity_id][]=${id}&filter[type]=lead_status_changed&limit=100`,
        parseStatusEvents,
      );
    },
    /** Call notes (recordings) and common notes (Reglament markers). */
    notes(id: number): Promise<AmoNote[]> {
      return all(
        `/api/v4/leads/${id}/notes?filter[note_type][]=call_in&filter[note_type][]=call_out&filter[note_type][]=common&limit=250`,
        parseNotes,
      );
    },
    async addNote(id: number, text: string): Promise<number> {
      const created = parseCreatedNote(
        await request(`/api/v4/leads/${id}/notes`, {
          method: 'POST',
          body: JSON.stringify([{ note_type: 'common', params: { text } }]),
        }),
      );
      cache.invalidate(`/api/v4/leads/${id}/notes`);
      return created;
    },
    /** Forget cached deal data (the page became visible again). */
    refresh(id: number): void {
      cache.invalidate(`/api/v4/leads/${id}`);
      cache.invalidate(`/api/v4/events?filter[entity]=lead&filter[entity_id][]=${id}&`);
    },
  };
}

export type AmoApi = ReturnType<typeof createAmoApi>;

function sameOriginPath(href: string, origin: string): string | null {
  try {
    const url = new URL(href, origin);
    return url.origin === origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}
