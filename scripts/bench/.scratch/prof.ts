import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { closeStore, openStore } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repo';
import { deriveAll } from '../../../lib/worker/service';

const HOUR = 3_600_000, DAY = 24 * HOUR;
const now = Date.now();
const name = 'prof';
const db = await openStore(name);
for (let i = 0; i < 1000; i++) {
  const id = `bench.amocrm.ru:${i + 1}`;
  await repo.putClient(db, { id, host: 'bench.amocrm.ru', leadId: i + 1, name: 'x', service: 'management', payer: null, managerId: 1, managerName: 'M', instagram: `b${i}`, credentialsFilled: true, stageName: null, updatedAt: 0 });
  const start = now - (40 + (i % 20)) * DAY;
  const evs: any[] = [{ clientId: id, type: 'deal-created', at: start, source: 'amocrm' }];
  for (let d = 1; evs.length < 77; d++) evs.push({ clientId: id, type: 'post', at: start + d * DAY / 2, source: 'instagram', shortcode: `p${i}x${d}` });
  await repo.recordEvents(db, evs);
}
await closeStore(name);
for (let run = 0; run < 3; run++) {
  const f = await openDB(name) as any;
  let t = performance.now();
  const tx = f.transaction(['events', 'timelines'], 'readonly');
  const tls = await tx.objectStore('timelines').getAll();
  console.log('timelines getAll', (performance.now() - t).toFixed(1)); t = performance.now();
  const total = await tx.objectStore('events').count();
  console.log('events count', (performance.now() - t).toFixed(1)); t = performance.now();
  const idx = tx.objectStore('events').index('byClient');
  await Promise.all(tls.map((x: any) => idx.count(x.clientId)));
  console.log('1000 index counts', (performance.now() - t).toFixed(1)); t = performance.now();
  await tx.done;
  const all = await f.getAll('events');
  console.log('events getAll', (performance.now() - t).toFixed(1)); t = performance.now();
  const m = await repo.eventsByClient(f);
  console.log('eventsByClient', (performance.now() - t).toFixed(1)); t = performance.now();
  const clients = await repo.listClients(f);
  const settings = await repo.getSettings(f);
  console.log('clients+settings', (performance.now() - t).toFixed(1)); t = performance.now();
  deriveAll({ settings, clients, events: m }, now);
  console.log('deriveAll', (performance.now() - t).toFixed(1));
  f.close();
}
