// The worker's side of the channel to an open amoCRM tab: the team's record reads and writes
// through the tab's API script when no token is bound to the account. Looks like the worker's own
// API client to the reader and the writer (`get`, `post`), so paging, attribution, 429 and
// back-off stay where they are (lib/record/pull.ts, post-notes.ts, policy.ts). Anything that goes
// wrong on the way — no answer, the tab closed or navigated away mid-request, an answer that is not
// the channel's — is a network failure, retried later; notes are idempotent by their marker id,
// so a retried write is never a doubled fact.
import { DEFAULT_MAX_PAGES, nextPath, SyncCancelled } from '../amocrm/client';
import { ApiError } from '../amocrm/errors';
import { NOTES_POST_PATH } from './notes-paths';
import { pickTab, showsAccount, type TabLike } from './tab-checks';
import { checkTabAnswer, NotesBodySchema, readOpOfPath, TAB_MARK, type TabRequest } from './tab-ops';
import * as v from 'valibot';

/** The browser's tabs, as the route needs them (lib/worker/record-tabs.ts). */
export interface TabPort {
  /** Tabs showing the account (tabs.query with `${origin}/*`). */
  query(origin: string): Promise<TabLike[]>;
  /** tabs.sendMessage to the tab's top frame. */
  send(tabId: number, message: TabRequest): Promise<unknown>;
  /** tabs.get, or null when the tab is gone. */
  get(tabId: number): Promise<TabLike | null>;
}

/** A tab's answer that takes longer is a network failure (the tab's client gives up after 30 s itself). */
export const TAB_ANSWER_TIMEOUT_MS = 45_000;

export interface TabChannel {
  auth: 'tab';
  tabId: number;
  get(path: string, opts?: { ifModifiedSince?: number | null }): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
  /** Every page of a list, as the worker's own client gives them (lib/amocrm/client.ts `pages`). */
  pages(first: string, opts?: { ifModifiedSince?: number | null }): AsyncGenerator<unknown>;
}

export interface ChannelOptions {
  /** Cancels the requests not yet asked (team sync's «Отменить»). */
  signal?: AbortSignal;
  /** Called once per request asked of the tab (progress). */
  onRequest?: () => void;
  /** Pages followed at most per list. */
  maxPages?: number;
}

const lost = (why: string) => new ApiError('network', 0, `The amoCRM tab ${why}`);

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(lost(`gave no answer in ${ms / 1000} s`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createTabRoute(port: TabPort, timeoutMs = TAB_ANSWER_TIMEOUT_MS) {
  /** A channel to the best open tab of the account, or null when none is open. */
  async function open(origin: string, options: ChannelOptions = {}): Promise<TabChannel | null> {
    const tabId = pickTab(await port.query(origin), origin);
    if (tabId === null) return null;

    async function ask(request: TabRequest): Promise<unknown> {
      if (options.signal?.aborted) throw new SyncCancelled();
      options.onRequest?.();
      let answer: unknown;
      try {
        answer = await within(port.send(tabId!, request), timeoutMs);
      } catch (error) {
        throw error instanceof ApiError
          ? error
          : lost(`did not answer: ${error instanceof Error ? error.message : String(error)}`);
      }
      const checked = checkTabAnswer(answer);
      if (!checked.ok || checked.value.origin !== origin) throw lost('gave no answer of the account');
      // The tab may have gone to another account while it worked: its answer counts only while it shows this one.
      if (!showsAccount(await port.get(tabId!).catch(() => null), origin)) throw lost('left the account');
      const value = checked.value;
      if (value.ok) return value.body;
      const e = value.error;
      throw new ApiError(e.kind, e.status, e.message, { retryAfterMs: e.retryAfterMs, body: e.body });
    }

    function get(path: string, opts: { ifModifiedSince?: number | null } = {}): Promise<unknown> {
      const op = readOpOfPath(path);
      if (!op) return Promise.reject(new ApiError('other', 0, `Not a read of the team's record: ${path.split('?')[0]}`));
      return ask({
        [TAB_MARK]: 1,
        origin,
        ...(op.op === 'leads.read' ? { ...op, ifModifiedSince: opts.ifModifiedSince ?? null } : op),
      });
    }

    return {
      auth: 'tab',
      tabId,
      get,
      async *pages(first, opts = {}) {
        let path: string | null = first;
        for (let i = 0; path && i < (options.maxPages ?? DEFAULT_MAX_PAGES); i++) {
          const body = await get(path, i === 0 ? opts : {});
          if (body === null) return;
          yield body;
          const href = (body as { _links?: { next?: { href?: unknown } } } | null)?._links?.next?.href;
          path = typeof href === 'string' ? nextPath(href, origin) : null;
        }
      },
      post(path, body) {
        const notes = v.safeParse(NotesBodySchema, body);
        if (path !== NOTES_POST_PATH || !notes.success)
          return Promise.reject(new ApiError('other', 0, `Not a write of the team's record: ${path}`));
        return ask({ [TAB_MARK]: 1, origin, op: 'notes.post', notes: notes.output });
      },
    };
  }
  return { open };
}

export type TabRoute = ReturnType<typeof createTabRoute>;
