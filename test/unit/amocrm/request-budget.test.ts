// The account's one request budget: two amoCRM tabs and the worker of one browser, on a virtual
// clock (a small discrete-event scheduler runs the real async code of the tabs' permit buckets).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permitBucket } from '@/lib/amocrm/permit-bucket';
import { REQUEST_BUDGET, RequestBudget, budgetBucket, type Bucket, type Permit } from '@/lib/amocrm/request-budget';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import type { SenderInfo } from '@/lib/messaging/sender';
import { createBudget } from '@/lib/worker/budget';

/** Events at virtual instants; between events the microtasks run, so awaiting code goes on. */
function scheduler() {
  let now = 0;
  const events: Array<{ at: number; seq: number; run: () => void }> = [];
  let seq = 0;
  const at = (t: number, run: () => void) => events.push({ at: Math.max(t, now), seq: seq++, run });
  const flush = () => new Promise<void>((r) => setImmediate(r));
  return {
    clock: { now: () => now },
    at,
    sleep: (ms: number) => new Promise<void>((r) => at(now + ms, r)),
    async run(until = 120_000) {
      await flush();
      while (events.length) {
        events.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = events.shift()!;
        if (next.at > until) break;
        now = next.at;
        next.run();
        await flush();
      }
    },
  };
}

/** Most requests in any one second. */
function maxPerSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

interface Lag {
  there: number;
  back: number;
}

/** A browser: one budget in the worker, two tabs asking it over a channel with the given lags. */
function browser(lags: readonly Lag[], options: { silent?: boolean } = {}) {
  const s = scheduler();
  const budget = new RequestBudget(s.clock);
  let k = 0;
  const ask = (): Promise<Permit> =>
    new Promise((resolve) => {
      if (options.silent) return;
      const lag = lags[k++ % lags.length] ?? { there: 0, back: 0 };
      // The worker decides when the message reaches it; the answer takes its own time back.
      s.at(s.clock.now() + lag.there, () => {
        const permit = budget.take();
        s.at(s.clock.now() + lag.back, () => resolve(permit));
      });
    });
  const tab = () => permitBucket({ ask, clock: s.clock, sleep: s.sleep });
  const buckets: Record<'tab1' | 'tab2' | 'worker', Bucket> = {
    tab1: tab(),
    tab2: tab(),
    worker: budgetBucket(budget, s.sleep),
  };
  const sent: Array<{ who: string; at: number }> = [];
  /** A request of `who` started at `at`: waits on its bucket, then goes (recorded at the fake's door). */
  const request = (who: keyof typeof buckets, at: number) =>
    s.at(at, () => {
      void (async () => {
        const wait = await buckets[who].reserve();
        if (wait > 0) await s.sleep(wait);
        sent.push({ who, at: s.clock.now() });
      })();
    });
  return { s, request, sent };
}

const requests = fc.array(
  fc.record({ who: fc.constantFrom('tab1' as const, 'tab2' as const, 'worker' as const), at: fc.integer({ min: 0, max: 4000 }) }),
  { minLength: 1, maxLength: 40 },
);

describe('one request budget per account for every tab and the worker', () => {
  it('a window holds at most `limit` permits; the next one is due when the oldest leaves it', () => {
    let now = 0;
    const budget = new RequestBudget({ now: () => now });
    const answers = Array.from({ length: 6 }, () => budget.take());
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ go: true }));
    expect(answers[5]).toEqual({ go: false, retryInMs: REQUEST_BUDGET.windowMs });
    now = REQUEST_BUDGET.windowMs - 1;
    expect(budget.take()).toEqual({ go: false, retryInMs: 1 });
    now = REQUEST_BUDGET.windowMs;
    expect(budget.take()).toEqual({ go: true });
  });

  /** Every request is sent, and no second holds more than `most`, whatever the requests and the message lags. */
  const allSentAtMost = (most: number, lag: { there: number; back: number }) =>
    fc.assert(
      fc.asyncProperty(
        requests,
        fc.array(fc.record({ there: fc.integer({ min: 0, max: lag.there }), back: fc.integer({ min: 0, max: lag.back }) }), {
          minLength: 1,
        }),
        async (list, lags) => {
          const b = browser(lags);
          for (const r of list) b.request(r.who, r.at);
          await b.s.run();
          expect(b.sent).toHaveLength(list.length);
          expect(maxPerSecond(b.sent.map((x) => x.at))).toBeLessThanOrEqual(most);
        },
      ),
      { numRuns: 150 },
    );

  it('two tabs and the worker, answers quick: never more than `limit` requests in any second, all sent (property)', () =>
    allSentAtMost(REQUEST_BUDGET.limit, { there: 120, back: 130 }));

  it('answers slow or stale (up to a second each way): still within amoCRM’s 7 in any second (property)', () =>
    allSentAtMost(7, { there: 1000, back: 1000 }));

  it('a worker that never answers does not block the page: each tab goes on its own, one request a second', async () => {
    const b = browser([], { silent: true });
    for (let i = 0; i < 4; i++) b.request('tab1', 0);
    await b.s.run();
    expect(b.sent).toHaveLength(4);
    expect(b.sent.every((x) => x.at >= REQUEST_BUDGET.askTimeoutMs)).toBe(true);
    expect(maxPerSecond(b.sent.map((x) => x.at))).toBe(1);
  });
});

describe('amocrm.permit: only an amoCRM tab of this extension, only its own account', () => {
  const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
  const tabOf = (host: string): SenderInfo => ({
    id: 'ext-id',
    url: `https://${host}/leads/detail/1`,
    origin: `https://${host}`,
    frameId: 0,
    tab: { id: 1 },
  });
  const setup = () => {
    let now = 0;
    const budget = createBudget({ now: () => now });
    const route = createRouter(budget.handlers as Handlers, () => self);
    const permit = (sender: SenderInfo, payload: unknown = {}) => route({ reglament: 1, type: 'amocrm.permit', payload }, sender);
    return { budget, permit, later: (ms: number) => (now += ms) };
  };

  it('a tab spends its own account’s budget, which the worker’s own requests share; another account’s is its own', async () => {
    const { budget, permit } = setup();
    // The worker's own request (a token's) takes one of smmpro's permits.
    expect(await budget.bucket('https://smmpro.amocrm.ru').reserve()).toBe(0);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await permit(tabOf('smmpro.amocrm.ru')));
    expect(answers.slice(0, 4)).toEqual(Array(4).fill({ ok: true, data: { go: true } }));
    expect(answers[4]).toMatchObject({ ok: true, data: { go: false } });
    expect(await permit(tabOf('other.kommo.com'))).toEqual({ ok: true, data: { go: true } });
  });

  it('anything else is refused and spends nothing', async () => {
    const { permit } = setup();
    const refused: Array<[SenderInfo, unknown]> = [
      [{ ...tabOf('smmpro.amocrm.ru'), id: 'another-extension' }, {}],
      [{ ...tabOf('smmpro.amocrm.ru'), frameId: 2 }, {}],
      [{ id: 'ext-id', url: 'https://evil.example/', origin: 'https://evil.example', frameId: 0, tab: { id: 1 } }, {}],
      [{ id: 'ext-id', url: 'https://www.instagram.com/x/', frameId: 0, tab: { id: 2 } }, {}],
      [{ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, {}],
      // A tab naming another account gets nothing: the payload carries no account at all.
      [tabOf('smmpro.amocrm.ru'), { origin: 'https://other.amocrm.ru' }],
    ];
    for (const [sender, payload] of refused) expect(await permit(sender, payload)).toMatchObject({ ok: false });
    for (let i = 0; i < 5; i++) expect(await permit(tabOf('smmpro.amocrm.ru'))).toEqual({ ok: true, data: { go: true } });
  });
});
