// Deal-level reads of amoCRM's API for the content script, over the one client (client.ts).
// Identical GETs within the TTL share one answer; account data (pipelines) lives longer.
import { TtlCache } from './cache';
import { createAmoClient, type AmoClient, type AmoClientOptions } from './client';
import { ApiError } from './errors';
import {
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
} from './schemas';

export interface AmoApiDeps extends AmoClientOptions {
  client?: AmoClient;
  cache?: TtlCache<unknown>;
  /** Short TTL of deal data (lead, events, notes); long TTL of account data (pipelines). */
  ttlMs?: number;
  accountTtlMs?: number;
}

/** amoCRM's `filter[entity_id]` on /api/v4/events and `filter[id]` batches take at most this many ids. */
export const IDS_PER_REQUEST = 10;

const CALL_TYPES = 'filter[note_type][]=call_in&filter[note_type][]=call_out';

/** The API's largest page (`limit`) of `/api/v4/leads`. */
export const LEADS_PAGE_MAX = 250;

export function createAmoApi(deps: AmoApiDeps) {
  const client = deps.client ?? createAmoClient(deps);
  const cache = deps.cache ?? new TtlCache<unknown>(deps.ttlMs ?? 10_000, deps.clock);
  const accountTtl = deps.accountTtlMs ?? 10 * 60_000;

  const get = <T>(path: string, parse: (v: unknown) => T, ttl?: number): Promise<T> =>
    cache.get(path, async () => parse(await client.get(path)), ttl) as Promise<T>;

  /** Every page of a list, cached as a whole. */
  const all = <T>(first: string, parse: (v: unknown) => Page<T>): Promise<Page<T>> =>
    cache.get(first, async () => {
      const out: Page<T> = { items: [], next: null, skipped: [] };
      for await (const body of client.pages(first)) {
        const page = parse(body);
        out.items.push(...page.items);
        out.skipped.push(...page.skipped);
      }
      return out;
    }) as Promise<Page<T>>;

  return {
    lead(id: number, isSecret: (fieldName: string) => boolean): Promise<AmoLead> {
      return get(`/api/v4/leads/${id}?with=loss_reason,contacts`, (v) => {
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
      return get(`/api/v4/leads?${query}&limit=${LEADS_PAGE_MAX}`, (v) => (v === null ? [] : parseLeadsPage(v, isSecret).leads));
    },
    pipelines(): Promise<AmoPipeline[]> {
      return get('/api/v4/leads/pipelines', (v) => (v === null ? [] : parsePipelines(v)), accountTtl);
    },
    async statusChanges(id: number): Promise<AmoStatusChange[]> {
      const page = await all(
        `/api/v4/events?filter[entity]=lead&filter[entity_id][]=${id}&filter[type]=lead_status_changed&limit=100`,
        parseStatusEvents,
      );
      // A status event of this deal we could not read would make its history wrong: the page stands in.
      if (page.skipped.length) throw new ApiError('garbage', 200, `Unexpected amoCRM answer: a status event of deal ${id}`);
      return page.items;
    },
    /** The deal's call notes (recordings). Reglament's own marker notes are read by the worker (lib/record/pull.ts). */
    async notes(id: number): Promise<AmoNote[]> {
      return (await all(`/api/v4/leads/${id}/notes?${CALL_TYPES}&limit=250`, parseNotes)).items;
    },
    /** Call notes attached to the deal's contacts (amoCRM files a call there unless the contact has one open deal). */
    async contactCalls(contactIds: number[]): Promise<AmoNote[]> {
      const pages = await Promise.all(
        contactIds.map((c) => all(`/api/v4/contacts/${c}/notes?${CALL_TYPES}&limit=250`, parseNotes)),
      );
      return pages.flatMap((p) => p.items);
    },
    /** Forget cached deal data (the page became visible again). */
    refresh(id: number): void {
      cache.invalidate(`/api/v4/leads/${id}`);
      cache.invalidate(`/api/v4/events?filter[entity]=lead&filter[entity_id][]=${id}&`);
      cache.invalidate(`/api/v4/contacts/`);
    },
  };
}

export type AmoApi = ReturnType<typeof createAmoApi>;

export { mergeCalls } from './calls';
