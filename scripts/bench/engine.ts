// Engine benchmark: all obligations for 1,000 and 10,000 clients, each with a full 30-day
// period of history (~110 events). Budgets: 1,000 ≤ 50 ms, 10,000 ≤ 250 ms (median).
// Run directly: `npx tsx scripts/bench/engine.ts`. Profile: `node --import tsx --cpu-prof
// --cpu-prof-dir=/tmp/prof scripts/bench/engine.ts` (the main thread's profile is the larger file;
// open it in Chrome DevTools › Performance).
import { pathToFileURL } from 'node:url';
import type { ClientEvent, NewClientEvent } from '../../lib/model/facts';
import { defaultSettings } from '../../lib/playbook/settings';
import { computeObligations, type SlaClient } from '../../lib/sla';
import { printTable, type BenchRow } from './table';
import { DAY, HOUR } from '../../lib/calendar/time';

/** 2026-11-02 00:00 in Asia/Almaty (UTC+5). */
const BASE = Date.UTC(2026, 10, 2) - 5 * HOUR;

/** A deterministic client: new-client steps, then a full 30-day period of posts, stories and rounds. */
export function benchClient(n: number): { client: SlaClient; events: ClientEvent[] } {
  const id = `bench.amocrm.ru:${n}`;
  const start = BASE + (n % 5) * DAY; // spread start days across weekdays
  const ev: NewClientEvent[] = [];
  const push = (e: NewClientEvent) => ev.push(e);
  push({ type: 'deal-created', clientId: id, at: start + 11 * HOUR, source: 'amocrm' });
  push({ type: 'stage', stage: 'contacted', clientId: id, at: start + 11.5 * HOUR, source: 'amocrm' });
  push({ type: 'stage', stage: 'questionnaire', clientId: id, at: start + 14 * HOUR, source: 'amocrm' });
  for (const item of [
    'concept-draft',
    'references',
    'concept-agreed',
    'materials-requested',
    'growth-started',
    'materials-received',
    'plan-1-agreed',
    'account-setup',
  ]) {
    push({
      type: 'tick',
      item,
      clientId: id,
      at: start + DAY + 12 * HOUR,
      source: 'manager',
      ...(item === 'references' ? { value: 'a, b, c' } : {}),
    });
  }
  const s = start + 2 * DAY; // first post day
  push({ type: 'stage', stage: 'launched', clientId: id, at: s + 12 * HOUR, source: 'amocrm' });
  push({
    type: 'start-date',
    date: new Date(s + 5 * HOUR).toISOString().slice(0, 10),
    clientId: id,
    at: s + 12 * HOUR,
    source: 'amocrm',
  });
  for (let d = 0; d < 30; d++) {
    const day = s + d * DAY;
    if (n % 7 !== d % 7) push({ type: 'post', clientId: id, at: day + 12 * HOUR, source: 'instagram' });
    if (d % 3 === 0) push({ type: 'story', clientId: id, at: day + 15 * HOUR, source: 'instagram' });
    const date = new Date(day + 5 * HOUR).toISOString().slice(0, 10);
    push({
      type: 'tick',
      item: 'engagement-round',
      key: `${date}T11:00`,
      clientId: id,
      at: day + 11.3 * HOUR,
      source: 'manager',
    });
    if (d % 4 !== 1)
      push({
        type: 'tick',
        item: 'engagement-round',
        key: `${date}T19:00`,
        clientId: id,
        at: day + 19.5 * HOUR,
        source: 'manager',
      });
  }
  push({ type: 'tick', item: 'plan-2-agreed', clientId: id, at: s + 8 * DAY + 12 * HOUR, source: 'manager' });
  push({ type: 'tick', item: 'plan-3-agreed', clientId: id, at: s + 17 * DAY + 12 * HOUR, source: 'manager' });
  push({ type: 'call-recording', clientId: id, at: s + 27 * DAY + 12 * HOUR, source: 'amocrm' });
  push({ type: 'stage', stage: 'notice-sent', clientId: id, at: s + 27 * DAY + 13 * HOUR, source: 'amocrm' });
  // The store hands events over in time order (its index is [clientId, at]); so does the bench.
  const events = ev.map((e, i) => ({ ...e, id: `${id}:${i}` }) as ClientEvent).sort((a, b) => a.at - b.at);
  return {
    client: { id, service: n % 3 === 0 ? 'complex' : 'management', payer: 'individual', credentialsFilled: true },
    events,
  };
}

/** "Now" at which every bench client has a full period behind it. */
export const BENCH_NOW = BASE + 36 * DAY + 16 * HOUR;

function timeOnce(data: ReturnType<typeof benchClient>[]): { ms: number; obligations: number } {
  const t0 = performance.now();
  let count = 0;
  for (const { client, events } of data) count += computeObligations(client, events, defaultSettings, BENCH_NOW).length;
  return { ms: performance.now() - t0, obligations: count };
}

export async function runEngineBench(): Promise<BenchRow[]> {
  const small = Array.from({ length: 1_000 }, (_, i) => benchClient(i));
  const large = Array.from({ length: 10_000 }, (_, i) => benchClient(i));
  for (let i = 0; i < 5; i++) timeOnce(small); // warm up the JIT and the calendar caches
  const smallRuns: number[] = [];
  let obligations = 0;
  for (let i = 0; i < 15; i++) {
    const r = timeOnce(small);
    smallRuns.push(r.ms);
    obligations = r.obligations;
  }
  timeOnce(large);
  const largeRuns: number[] = [];
  for (let i = 0; i < 9; i++) largeRuns.push(timeOnce(large).ms);
  const events = small.reduce((n, c) => n + c.events.length, 0);
  const per = `${events.toLocaleString('en')} events, ${obligations.toLocaleString('en')} obligations per 1,000`;
  return [
    {
      name: `engine: obligations for 1,000 clients (${per})`,
      runs: smallRuns,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 50 }],
    },
    { name: 'engine: obligations for 10,000 clients', runs: largeRuns, unit: 'ms', budgets: [{ stat: 'median', max: 250 }] },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = printTable(await runEngineBench());
  process.exitCode = ok ? 0 : 1;
}
