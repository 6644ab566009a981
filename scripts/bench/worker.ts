// Worker figures in Node with fake-indexeddb, 1,000 clients with ~80 events each: the start
// after a change (budget ≤ 100 ms), the start with nothing changed, recording one event.
//
// Each measurement runs in its own child process, so a cold start meets a cold JIT whatever ran
// before it (other benches, the other measurement). A child seeds the database (not measured),
// closes it, then times starts, each on a new connection with a new worker, as a real worker
// wake has:
//   - `change`: the first start ever (every client derived: reported, no budget), then per run
//     one event recorded for one client (as a tick in the overlay records it) and a start: the
//     cached plan misses and that one client is derived again, everyone else's share read back.
//     Then recording one event (budgeted).
//   - `hit`: starts that find the plan cached (nothing changed since).
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDB } from 'idb';
import type { Client, NewClientEvent } from '../../lib/model/facts';
import { requiredItemIds } from '../../lib/playbook/rules';
import { closeStore, openStore } from '../../lib/store/db';

/** The bench measures the worker alone: amoCRM is out of reach. */
const offline = (async () => {
  throw new TypeError('offline');
}) as typeof fetch;
import * as repo from '../../lib/store/repo';
import type { Db } from '../../lib/store/schema';
import { planBasis } from '../../lib/worker/replan';
import type { Effects } from '../../lib/worker/effects';
import { createWorker } from '../../lib/worker/service';
import { printTable, type BenchRow } from './table';
import { DAY, HOUR, MINUTE } from '../../lib/calendar/time';

const CLIENTS = 1000;
const RUNS = 9;
const CHILD_FLAG = '--worker-bench-child';
const effects: Effects = {
  scheduleWake: async () => undefined,
  show: async () => undefined,
  badge: async () => undefined,
  language: async () => undefined,
};

export function clientOf(i: number): Client {
  return {
    id: `bench.amocrm.ru:${i + 1}`,
    host: 'bench.amocrm.ru',
    leadId: i + 1,
    name: `Клиент ${i + 1}`,
    service: i % 3 === 0 ? 'complex' : 'management',
    payer: i % 2 ? 'legal' : 'individual',
    managerId: i % 5,
    managerName: `M${i % 5}`,
    instagram: `bench${i + 1}`,
    credentialsFilled: true,
    stageName: null,
    updatedAt: 0,
  };
}

/**
 * ~100 events: the new-client path with the playbook's real checklist items (concept call, then
 * first plan, as the client's service asks them), then a current client posting daily and stories.
 */
export function eventsOf(c: Client, now: number, i: number): NewClientEvent[] {
  const start = now - (40 + (i % 20)) * DAY;
  const service = c.service ?? 'management';
  const e = (type: string, at: number, extra: Record<string, unknown> = {}) =>
    ({ clientId: c.id, type, at, source: 'amocrm', ...extra }) as NewClientEvent;
  const tick = (item: string, at: number) =>
    e('tick', at, { item, source: 'manager', ...(item === 'references' ? { value: 'ref.one, ref.two, ref.three' } : {}) });
  const out: NewClientEvent[] = [
    e('deal-created', start),
    e('stage', start + HOUR, { stage: 'contacted' }),
    e('stage', start + DAY, { stage: 'questionnaire' }),
  ];
  requiredItemIds('concept-call', service).forEach((item, k) => out.push(tick(item, start + DAY + (2 + k) * HOUR)));
  requiredItemIds('first-plan', service).forEach((item, k) => out.push(tick(item, start + 2 * DAY + (3 + k) * HOUR)));
  out.push(e('stage', start + 3 * DAY, { stage: 'launched' }));
  for (let d = 3; d < 40 + (i % 20) && out.length < 100; d++) {
    out.push(e('post', start + d * DAY + 12 * HOUR, { shortcode: `p${i}x${d}`, source: 'instagram' }));
    if (d % 2 === 0) out.push(e('story', start + d * DAY + 15 * HOUR, { storyId: `s${i}x${d}`, source: 'instagram' }));
  }
  return out;
}

type Mode = 'change' | 'hit';

interface ChildFigures {
  events: number;
  /** The first start ever (change mode). */
  first: number[];
  starts: number[];
  records: number[];
}

/** Seeds the database (not measured) and closes it; returns its name and the event count. */
async function seed(now: number): Promise<{ name: string; events: number }> {
  const name = `bench-${process.pid}-${now}`;
  const db = await openStore(name);
  let events = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const c = clientOf(i);
    await repo.putClient(db, c);
    events += (await repo.recordEvents(db, eventsOf(c, now, i))).length;
  }
  await closeStore(name);
  return { name, events };
}

/** One worker start: a new connection and a new worker, until the alarms are planned. */
async function coldStart(name: string, at: number, expectDerived: boolean): Promise<number> {
  const t0 = performance.now();
  const fresh = (await openDB(name)) as unknown as Db; // a new connection, as a new worker has
  const worker = createWorker({
    db: async () => fresh,
    now: () => at,
    effects,
    agendaUrl: 'x',
    record: { fetch: offline, later: () => undefined },
  });
  const result = await worker.replan({ notify: false });
  const ms = performance.now() - t0;
  if (result.derived !== expectDerived) throw new Error(`expected a cache ${expectDerived ? 'miss' : 'hit'} at run time ${at}`);
  if (expectDerived) {
    // Not timed: how many clients this start derived (their shares carry its time).
    const derivedNow = (await fresh.getAll('derived')).filter((d) => d.computedAt === at).length;
    if (derivedNow !== 1) throw new Error(`a start after one change derived ${derivedNow} clients, not 1`);
  }
  fresh.close();
  return ms;
}

/** One tick recorded for client k, as the overlay records it (through the repo: versions, timeline). */
async function recordChange(name: string, k: number, at: number): Promise<void> {
  const db = await openStore(name);
  const c = clientOf(k);
  await repo.recordEvents(db, [
    { clientId: c.id, type: 'tick', item: 'engagement-round', key: `change-${k}`, at, source: 'manager' } as NewClientEvent,
  ]);
  await closeStore(name);
}

/** The measurement itself (runs in the child process). */
async function measure(mode: Mode): Promise<ChildFigures> {
  const now = Date.now();
  const { name, events } = await seed(now);
  const starts: number[] = [];
  if (mode === 'hit') {
    const db = await openStore(name);
    const basis = await planBasis(db, now);
    await repo.setMeta(db, 'planCache', basis.cache!);
    await closeStore(name);
    // Later wakes within the cache's validity, as the next-wake and safety alarms bring them
    // (5 minutes apart, closer when the local midnight that ends the cache is nearer).
    const step = Math.min(5 * MINUTE, (basis.validUntil - now) / (RUNS + 1));
    for (let run = 0; run < RUNS; run++) starts.push(await coldStart(name, now + (run + 1) * step, false));
    return { events, first: [], starts, records: [] };
  }
  const first = await (async () => {
    const t0 = performance.now();
    const fresh = (await openDB(name)) as unknown as Db;
    await createWorker({
      db: async () => fresh,
      now: () => now,
      effects,
      agendaUrl: 'x',
      record: { fetch: offline, later: () => undefined },
    }).replan({ notify: false });
    fresh.close();
    return performance.now() - t0;
  })();
  // Changes a minute apart, well within what every other client's share holds for.
  for (let run = 0; run < RUNS; run++) {
    const at = now + (run + 1) * MINUTE;
    await recordChange(name, run * 97, at - 1000);
    starts.push(await coldStart(name, at, true));
  }

  const at = now + (RUNS + 2) * MINUTE;
  const warm = await openStore(name);
  const worker = createWorker({
    db: async () => warm,
    now: () => at,
    effects,
    agendaUrl: 'x',
    record: { fetch: offline, later: () => undefined },
  });
  const records: number[] = [];
  for (let k = 0; k < 50; k++) {
    const c = clientOf(k);
    const t0 = performance.now();
    await worker.handlers['event.record'](
      { event: { clientId: c.id, type: 'tick', item: 'engagement-round', key: `bench-${k}`, at: at + k, source: 'manager' } },
      { sender: { kind: 'page' } },
    );
    records.push(performance.now() - t0);
  }
  await worker.replan({ notify: false });
  await closeStore(name);
  return { events, first: [first], starts, records };
}

function child(mode: Mode): ChildFigures {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`worker bench child (${mode}) failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildFigures;
}

export async function runWorkerBench(): Promise<BenchRow[]> {
  const change = child('change');
  const hit = child('hit');
  const label = `${CLIENTS.toLocaleString('en')} clients, ${hit.events.toLocaleString('en')} events`;
  return [
    { name: `worker: first start ever, every client derived (${label})`, runs: change.first, unit: 'ms' },
    {
      name: `worker: start after a change (cache miss, one client derived) (${label})`,
      runs: change.starts,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 100 }],
    },
    {
      name: `worker: start with nothing changed (cache hit) (${label})`,
      runs: hit.starts,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 150 }],
    },
    {
      name: 'worker: record one event (message handler, view included)',
      runs: change.records,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 10 }],
    },
  ];
}

if (process.argv.includes(CHILD_FLAG)) {
  console.log(JSON.stringify(await measure(process.argv.includes('hit') ? 'hit' : 'change')));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = printTable(await runWorkerBench());
  process.exitCode = ok ? 0 : 1;
}
