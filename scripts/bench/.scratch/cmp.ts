import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { closeStore, openStore } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repo';
import { deriveAll } from '../../../lib/worker/service';
import { planNotifications } from '../../../lib/alarms/planner';
import { summaryOf } from '../../../lib/worker/summary';
import { buildAgenda } from '../../../lib/worker/agenda';
import { requiredItemIds } from '../../../lib/playbook/rules';

const HOUR = 3_600_000, DAY = 24 * HOUR;
const now = Date.now();
const name = 'cmp';
const db = await openStore(name);
for (let i = 0; i < 1000; i++) {
  const id = `bench.amocrm.ru:${i + 1}`;
  const service = i % 3 ? 'management' : 'complex';
  await repo.putClient(db, { id, host: 'bench.amocrm.ru', leadId: i + 1, name: 'x', service, payer: null, managerId: 1, managerName: 'M', instagram: `b${i}`, credentialsFilled: true, stageName: null, updatedAt: 0 });
  const start = now - (40 + (i % 20)) * DAY;
  const e = (type: string, at: number, extra: any = {}) => ({ clientId: id, type, at, source: 'amocrm', ...extra });
  const evs: any[] = [e('deal-created', start), e('stage', start + HOUR, { stage: 'contacted' }), e('stage', start + DAY, { stage: 'questionnaire' })];
  requiredItemIds('concept-call', service).forEach((item, k) => evs.push(e('tick', start + DAY + (2 + k) * HOUR, { item, source: 'manager' })));
  requiredItemIds('first-plan', service).forEach((item, k) => evs.push(e('tick', start + 2 * DAY + (3 + k) * HOUR, { item, source: 'manager' })));
  evs.push(e('stage', start + 3 * DAY, { stage: 'launched' }));
  for (let d = 3; d < 40 + (i % 20) && evs.length < 100; d++) {
    evs.push(e('post', start + d * DAY + 12 * HOUR, { shortcode: `p${i}x${d}`, source: 'instagram' }));
    if (d % 2 === 0) evs.push(e('story', start + d * DAY + 15 * HOUR, { storyId: `s${i}x${d}`, source: 'instagram' }));
  }
  await repo.recordEvents(db, evs);
}
await closeStore(name);
async function oldEventsByClient(db: any) {
  const all = await db.getAll('events');
  const groups = new Map<string, any[]>();
  for (const e of all) { let l = groups.get(e.clientId); if (!l) groups.set(e.clientId, (l = [])); l.push(e); }
  for (const l of groups.values()) l.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return groups;
}
const cpu = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
const rows: Record<string, number[]> = {};
const rec = (k: string, v: number) => (rows[k] ??= []).push(v);
for (let run = 0; run < 7; run++) {
  const f = (await openDB(name)) as any;
  let c = cpu(), w = performance.now();
  const old = await oldEventsByClient(f); rec('old load (events getAll) cpu', cpu() - c); rec('old load wall', performance.now() - w);
  f.close();
  const g = (await openDB(name)) as any;
  c = cpu(); w = performance.now();
  const [settings, clients, events] = await Promise.all([repo.getSettings(g), repo.listClients(g), repo.eventsByClient(g)]);
  rec('new load (timelines) cpu', cpu() - c); rec('new load wall', performance.now() - w);
  c = cpu();
  const derived = deriveAll({ settings, clients, events }, now); rec('derive cpu', cpu() - c); c = cpu();
  const pcs = derived.map((d) => ({ summary: summaryOf(d.client), obligations: d.obligations }));
  planNotifications({ clients: pcs, settings, now, notified: {}, snoozes: {} }); rec('plan cpu', cpu() - c); c = cpu();
  buildAgenda(derived, settings, now, null); rec('agenda cpu', cpu() - c);
  g.close();
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
for (const [k, v] of Object.entries(rows)) console.log(k.padEnd(32), 'first', v[0]!.toFixed(1).padStart(7), ' median', med(v).toFixed(1).padStart(7));
console.log('load avg', (await import('node:os')).loadavg()[0]);
