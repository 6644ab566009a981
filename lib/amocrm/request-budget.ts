// One request budget per amoCRM account for the whole browser: every amoCRM tab's API script and
// the worker's own token requests draw from it, so several open tabs together stay within amoCRM's
// 7 requests a second per account (developers.kommo.com/docs/limitations). The worker holds it;
// a tab asks for each request (lib/amocrm/permit-bucket.ts). Pure: the clock is injected.
//
// The numbers: at most LIMIT permits in any WINDOW_MS; a tab uses a permit at once, and drops it
// (asks again) when the answer took longer than FRESH_MS to come back. A request then goes at most
// FRESH_MS after its permit, so any one second holds requests of permits from one window of
// 1000 + FRESH_MS = WINDOW_MS: at most LIMIT = 5 requests, two under amoCRM's 7 for the rest of the
// team and for the network's jitter.
import type { Permit } from '../model/record';
import type { Clock } from './rate-limit';

export const REQUEST_BUDGET = {
  /** Permits in any window. */
  limit: 5,
  /** The window: one second and the longest a permit may take to be used. */
  windowMs: 1250,
  /** A permit whose answer took longer than this to reach the tab is not used (asked again). */
  freshMs: 250,
  /** A tab whose worker does not answer within this long uses its own small bucket (below). */
  askTimeoutMs: 5000,
  /** After a silent ask, the tab uses its own bucket this long before asking the worker again. */
  silentForMs: 30_000,
  /** The tab's own bucket when the worker is silent: one request a second, a burst of one. */
  fallback: { capacity: 1, perSecond: 1 },
} as const;

export type { Permit };

/** What the API client waits on before each request: ms to wait (0: go now). TokenBucket is one. */
export interface Bucket {
  reserve(signal?: AbortSignal): number | Promise<number>;
}

export class RequestBudget {
  private readonly granted: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly limit: number = REQUEST_BUDGET.limit,
    private readonly windowMs: number = REQUEST_BUDGET.windowMs,
  ) {}

  /** A permit now when fewer than `limit` were given in the last window; else when to ask again. */
  take(): Permit {
    const now = this.clock.now();
    while (this.granted.length && this.granted[0]! <= now - this.windowMs) this.granted.shift();
    if (this.granted.length < this.limit) {
      this.granted.push(now);
      return { go: true };
    }
    return { go: false, retryInMs: Math.max(1, this.granted[0]! + this.windowMs - now) };
  }
}

/** The budgets of every account this browser talks to, by origin (`https://smmpro.amocrm.ru`). */
export function accountBudgets(clock: Clock) {
  const budgets = new Map<string, RequestBudget>();
  return (origin: string): RequestBudget => {
    const key = new URL(origin).origin;
    let budget = budgets.get(key);
    if (!budget) budgets.set(key, (budget = new RequestBudget(clock)));
    return budget;
  };
}

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The worker's own requests (a token's): a permit taken in the worker itself, waited for when the window is full. */
export function budgetBucket(budget: RequestBudget, sleep: Sleep): Bucket {
  return {
    async reserve(signal) {
      for (;;) {
        const permit = budget.take();
        if (permit.go) return 0;
        await sleep(permit.retryInMs, signal);
      }
    },
  };
}
