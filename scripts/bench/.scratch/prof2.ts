import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { closeStore, openStore } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repo';
import { createWorker, deriveAll, loadWorld } from '../../../lib/worker/service';
import { planNotifications } from '../../../lib/alarms/planner';
import { summaryOf } from '../../../lib/worker/summary';
import { buildAgenda } from '../../../lib/worker/agenda';

const HOUR = 3_600_000, DAY = 24 * HOUR;
const now = Date.now();
const name = 'prof';
const db = await openStore(name);
for (let i = 0; i < 1000; i++) {
  const id = `bench.amocrm.ru:${i + 1}`;
  await repo.putClient(db, { id, host: 'bench.amocrm.ru', leadId: i + 1, name: 'x', service: i % 3 ? 'management' : 'complex', payer: null, managerId: 1, managerName: 'M', instagram: `b${i}`, credentialsFilled: true, stageName: null, updatedAt: 0 });
  const start = now - (40 + (i % 20)) * DAY;
  const e = (type: string, at: number, extra: any = {}) => ({ clientId: id, type, at, source: 'amocrm', ...extra });
  const evs: any[] = [e('deal-created', start), e('stage', start + HOUR, { stage: 'contacted' }), e('stage', start + DAY, { stage: 'questionnaire' })];
  for (const item of ['concept-draft', 'references', 'concept-agreed', 'materials-requested', 'growth-started', 'materials-received', 'plan-1-agreed', 'account-setup']) evs.push(e('tick', start + DAY + 2 * HOUR, { item, source: 'manager' }));
  evs.push(e('stage', start + 2 * DAY, { stage: 'launched' }));
  for (let d = 3; d < 40 + (i % 20) && evs.length < 100; d++) {
    evs.push(e('post', start + d * DAY + 12 * HOUR, { shortcode: `p${i}x${d}`, source: 'instagram' }));
    if (d % 2 === 0) evs.push(e('story', start + d * DAY + 15 * HOUR, { storyId: `s${i}x${d}`, source: 'instagram' }));
  }
  await repo.recordEvents(db, evs);
}
await closeStore(name);
const T = (l: string, t: number) => console.log(l.padEnd(12), (performance.now() - t).toFixed(1));
for (let run = 0; run < 6; run++) {
  const f = await openDB(name) as any;
  let t0 = performance.now(), t = t0;
  const world = await loadWorld(f); T('load', t); t = performance.now();
  const derived = deriveAll(world, now); T('derive', t); t = performance.now();
  const pcs = derived.map((d) => ({ summary: summaryOf(d.client), obligations: d.obligations }));
  const plan = planNotifications({ clients: pcs, settings: world.settings, now, notified: {}, snoozes: {} }); T('plan', t); t = performance.now();
  buildAgenda(derived, world.settings, now, null); T('agenda', t); t = performance.now();
  f.close();
  const g = await openDB(name) as any;
  t = performance.now();
  await createWorker({ db: async () => g, now: () => now, effects: { scheduleWake: async () => {}, show: async () => {}, badge: async () => {} }, agendaUrl: 'x' }).replan({ notify: false });
  T('replan', t);
  g.close();
  console.log('---', (await import('node:os')).loadavg()[0].toFixed(1));
}
