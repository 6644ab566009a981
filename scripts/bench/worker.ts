// Worker figures in Node with fake-indexeddb: cold start to "alarms planned" for 1,000 clients
// with ~100 events each, and recording one event.
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import type { Client, NewClientEvent } from '../../lib/model/facts';
import { closeStore, openStore } from '../../lib/store/db';
import * as repo from '../../lib/store/repo';
import { createWorker, type Effects } from '../../lib/worker/service';
import { median, printTable, type BenchRow } from './table';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const effects: Effects = { scheduleWake: async () => undefined, show: async () => undefined, badge: async () => undefined };

function clientOf(i: number): Client {
  return {
    id: `bench.amocrm.ru:${i + 1}`, host: 'bench.amocrm.ru', leadId: i + 1, name: `Клиент ${i + 1}`,
    service: i % 3 === 0 ? 'complex' : 'management', payer: i % 2 ? 'legal' : 'individual', managerId: i % 5, managerName: `M${i % 5}`,
    instagram: `bench${i + 1}`, credentialsFilled: true, stageName: null, updatedAt: 0,
  };
}

/** ~100 events: the new-client path, then a current client posting daily and stories. */
function eventsOf(c: Client, now: number, i: number): NewClientEvent[] {
  const start = now - (40 + (i % 20)) * DAY;
  const e = (type: string, at: number, extra: Record<string, unknown> = {}) => ({ clientId: c.id, type, at, source: 'amocrm', ...extra }) as NewClientEvent;
  const out: NewClientEvent[] = [e('deal-created', start), e('stage', start + HOUR, { stage: 'contacted' }), e('stage', start + DAY, { stage: 'questionnaire' })];
  for (const item of ['concept', 'references', 'call', 'materials']) out.push({ ...e('tick', start + DAY + 2 * HOUR, { item }), source: 'manager' } as NewClientEvent);
  out.push(e('stage', start + 2 * DAY, { stage: 'launched' }));
  for (let d = 3; d < 40 + (i % 20) && out.length < 100; d++) {
    out.push({ ...e('post', start + d * DAY + 12 * HOUR, { shortcode: `p${i}x${d}` }), source: 'instagram' } as NewClientEvent);
    if (d % 2 === 0) out.push({ ...e('story', start + d * DAY + 15 * HOUR, { storyId: `s${i}x${d}` }), source: 'instagram' } as NewClientEvent);
  }
  return out;
}

export async function runWorkerBench(): Promise<BenchRow[]> {
  const now = Date.now();
  const name = `bench-${process.pid}-${now}`;
  const db = await openStore(name);
  let total = 0;
  for (let i = 0; i < 1000; i++) {
    const c = clientOf(i);
    await repo.putClient(db, c);
    const events = eventsOf(c, now, i);
    total += (await repo.recordEvents(db, events)).length;
  }
  await closeStore(name);

  const starts: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const fresh = await (await import('idb')).openDB(name); // a cold connection, as a new worker has
    const worker = createWorker({ db: async () => fresh as unknown as typeof db, now: () => now, effects, agendaUrl: 'x' });
    await worker.replan({ notify: false });
    starts.push(performance.now() - t0);
    fresh.close();
  }

  const warm = await openStore(name);
  const worker = createWorker({ db: async () => warm, now: () => now, effects, agendaUrl: 'x' });
  const records: number[] = [];
  for (let k = 0; k < 50; k++) {
    const t0 = performance.now();
    await worker.handlers['event.record']({ event: { clientId: clientOf(k).id, type: 'tick', item: 'bench', key: String(k), at: now + k, source: 'manager' } }, { sender: { kind: 'page' } });
    records.push(performance.now() - t0);
  }
  await worker.replan({ notify: false });
  return [
    { name: `worker cold start → alarms planned (1,000 clients, ${total} events)`, value: median(starts), unit: 'ms', budget: 150 },
    { name: 'record one event (message handler, view included)', value: median(records), unit: 'ms', budget: 10 },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = printTable(await runWorkerBench());
  process.exitCode = ok ? 0 : 1;
}
