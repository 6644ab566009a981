// A tab's side of the account's one request budget (lib/amocrm/request-budget.ts): before each
// request the tab's API client asks the worker for a permit (one runtime message, sender-checked:
// the worker gives permits of the sender tab's own account only). It goes at once on a fresh
// permit, waits as told when the window is full, and never blocks the page: when the worker does
// not answer within askTimeoutMs (asleep and slow to wake, or gone with an extension update), the
// tab uses a small bucket of its own for silentForMs before asking again; a request whose permits
// keep coming back stale takes that bucket too.
import { REQUEST_BUDGET, type Bucket, type Permit } from './request-budget';
import { TokenBucket, type Clock } from './rate-limit';

export interface PermitDeps {
  /** Asks the worker (rejects when it cannot be reached). */
  ask: () => Promise<Permit>;
  clock?: Clock;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Stale permits in a row after which a request takes the fallback bucket. */
const MAX_STALE = 3;

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export function permitBucket(deps: PermitDeps): Bucket {
  const clock = deps.clock ?? { now: () => Date.now() };
  const sleep = deps.sleep ?? wait;
  const fallback = new TokenBucket({ ...REQUEST_BUDGET.fallback, clock });
  async function ask(): Promise<Permit | null> {
    const done = new AbortController();
    try {
      return await Promise.race([deps.ask(), sleep(REQUEST_BUDGET.askTimeoutMs, done.signal).then(() => null)]);
    } catch {
      return null;
    } finally {
      done.abort();
    }
  }
  /** After a silent ask the tab uses its own bucket for a while before asking again (not 5 s a request). */
  let silentUntil = Number.NEGATIVE_INFINITY;
  return {
    async reserve(signal) {
      for (let stale = 0; ;) {
        if (signal?.aborted) return 0;
        if (clock.now() < silentUntil) return fallback.reserve();
        const asked = clock.now();
        const permit = await ask();
        // The worker is silent (or answers something else): the page goes on at the pace of the tab's own small bucket.
        if (permit === null || typeof permit !== 'object' || typeof permit.go !== 'boolean') {
          silentUntil = clock.now() + REQUEST_BUDGET.silentForMs;
          return fallback.reserve();
        }
        if (!permit.go) {
          await sleep(Math.max(1, Number(permit.retryInMs) || 1), signal);
          continue;
        }
        if (clock.now() - asked <= REQUEST_BUDGET.freshMs) return 0;
        if (++stale >= MAX_STALE) return fallback.reserve();
      }
    },
  };
}
