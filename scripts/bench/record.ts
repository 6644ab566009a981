// The team's write load at the 11:00 round peak, simulated (deterministic, simulated time): 50
// managers' browsers, 30 clients each, every browser running the real write policy
// (lib/record/policy.ts) against one amoCRM account that answers 429 to an 8th request inside any
// one second (its documented limit is 7 a second, developers.kommo.com/docs/limitations).
//
// Paced: each manager starts her round within two minutes of 11:00 and works through her clients,
// 5–25 s each: a round tick per client, a post seen on half of them, Stories on a third. Burst:
// each ticks the round of all 30 clients within 10 s. Each also opens the popup once (one read of
// the account's notes). Budget (issue 14): everything the peak queued is in amoCRM within 2
// minutes of the last fact, without a single 429.
import {
  afterSent,
  afterThrottled,
  initialWriterState,
  nextWriteAt,
  pickBatch,
  WRITE_POLICY,
  type WriterState,
} from '../../lib/record/policy';
import type { BenchRow } from './table';

export const MANAGERS = 50;
export const CLIENTS = 30;
const LIMIT_PER_SECOND = 7;
const LATENCY_MS = 400;
const START = Date.parse('2026-03-12T06:00:00Z'); // 11:00 in Almaty

/** A small seeded PRNG (mulberry32): the same figures on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Item {
  host: string;
  queuedAt: number;
  notBefore: number;
}

interface Browser {
  id: number;
  random: () => number;
  queue: Item[];
  state: WriterState;
  wake: number | null;
}

export interface PeakResult {
  facts: number;
  requests: number;
  writes: number;
  throttled: number;
  /** Most requests inside any one second. */
  peakPerSecond: number;
  /** From the last fact queued to the last note stored (ms). */
  drainMs: number;
  /** The longest a fact waited (ms). */
  maxWaitMs: number;
  /** 11:00 → the last note stored (ms). */
  spanMs: number;
}

/** `paced`: managers work through their clients (5–25 s each); `burst`: each ticks the round of all her clients within 10 s. */
export type Scenario = 'paced' | 'burst';

export function simulatePeak(scenario: Scenario = 'paced', managers = MANAGERS, clients = CLIENTS, seed = 11): PeakResult {
  const dice = rng(seed);
  const browsers: Browser[] = Array.from({ length: managers }, (_, id) => ({
    id,
    random: rng(seed * 1000 + id),
    queue: [],
    state: initialWriterState(),
    wake: null,
  }));
  // Events: [time, kind, browser, payload]; kept sorted by time (a few thousand: a sorted insert is enough).
  type Ev = { t: number; kind: 'fact' | 'wake' | 'read'; b: Browser };
  const events: Ev[] = [];
  const push = (e: Ev) => {
    let i = events.length;
    while (i > 0 && events[i - 1]!.t > e.t) i--;
    events.splice(i, 0, e);
  };
  let facts = 0;
  for (const b of browsers) {
    let t = START + Math.floor(dice() * 120_000);
    push({ t: START + Math.floor(dice() * 300_000), kind: 'read', b });
    for (let c = 0; c < clients; c++) {
      t += scenario === 'paced' ? 5_000 + Math.floor(dice() * 20_000) : Math.floor(dice() * 333);
      // Paced: the round's tick, a post seen on half the profiles, Stories on a third. Burst: the
      // round ticked for every account at once (the popup's round row), nothing else.
      const n = scenario === 'burst' ? 1 : 1 + (dice() < 0.5 ? 1 : 0) + (dice() < 1 / 3 ? 1 : 0);
      for (let k = 0; k < n; k++) push({ t: t + k * 500, kind: 'fact', b });
      facts += n;
    }
  }
  const sent: number[] = [];
  let writes = 0;
  let throttled = 0;
  let lastQueued = 0;
  let lastStored = 0;
  let maxWait = 0;
  const accept = (t: number): boolean => {
    let inWindow = 0;
    for (let i = sent.length - 1; i >= 0 && t - sent[i]! < 1000; i--) inWindow++;
    sent.push(t);
    return inWindow < LIMIT_PER_SECOND;
  };
  const plan = (b: Browser, now: number) => {
    const next = nextWriteAt(b.state, b.queue, now, b.random);
    b.state = next.state;
    if (next.at !== null && next.at !== b.wake) {
      b.wake = next.at;
      push({ t: next.at, kind: 'wake', b });
    }
  };
  while (events.length) {
    const e = events.shift()!;
    const b = e.b;
    if (e.kind === 'read') {
      if (!accept(e.t)) throttled++;
      continue;
    }
    if (e.kind === 'fact') {
      b.queue.push({ host: 'smmpro.amocrm.ru', queuedAt: e.t, notBefore: e.t });
      lastQueued = Math.max(lastQueued, e.t);
      plan(b, e.t);
      continue;
    }
    if (e.t !== b.wake) continue; // superseded
    b.wake = null;
    const next = nextWriteAt(b.state, b.queue, e.t, b.random);
    b.state = next.state;
    if (next.at === null) continue;
    if (next.at > e.t) {
      plan(b, e.t);
      continue;
    }
    const batch = pickBatch(b.queue, e.t);
    writes++;
    const done = e.t + LATENCY_MS;
    if (accept(e.t)) {
      b.queue = b.queue.filter((i) => !batch.includes(i));
      for (const i of batch) maxWait = Math.max(maxWait, done - i.queuedAt);
      lastStored = Math.max(lastStored, done);
      b.state = afterSent(b.state, e.t);
    } else {
      throttled++;
      b.state = afterThrottled(b.state, e.t, 1000, b.random, '429');
    }
    plan(b, done);
  }
  let peak = 0;
  for (let lo = 0, hi = 0; hi < sent.length; hi++) {
    while (sent[hi]! - sent[lo]! >= 1000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return {
    facts,
    requests: sent.length,
    writes,
    throttled,
    peakPerSecond: peak,
    drainMs: lastStored - lastQueued,
    maxWaitMs: maxWait,
    spanMs: lastStored - START,
  };
}

function rows(scenario: Scenario): BenchRow[] {
  const r = simulatePeak(scenario);
  const label = `team record ${MANAGERS}×${CLIENTS}, 11:00 ${scenario} (simulated)`;
  return [
    { name: `${label}: notes per write request (${r.facts} in ${r.writes})`, runs: [r.facts / r.writes], unit: '' },
    {
      name: `${label}: busiest second`,
      runs: [r.peakPerSecond],
      unit: 'req',
      budgets: [{ stat: 'value', max: LIMIT_PER_SECOND }],
    },
    { name: `${label}: 429 answers`, runs: [r.throttled], unit: '', budgets: [{ stat: 'value', max: 0 }] },
    { name: `${label}: drain after the last fact`, runs: [r.drainMs / 1000], unit: 's', budgets: [{ stat: 'value', max: 120 }] },
    { name: `${label}: longest wait of a fact`, runs: [r.maxWaitMs / 1000], unit: 's' },
  ];
}

export function runRecordBench(): BenchRow[] {
  return [...rows('paced'), ...rows('burst')];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const scenario of ['paced', 'burst'] as const) console.log(scenario, JSON.stringify(simulatePeak(scenario)));
  console.log(`policy: one write per ${WRITE_POLICY.intervalMs / 1000} s per browser, ≤ ${WRITE_POLICY.batch} notes each`);
}
