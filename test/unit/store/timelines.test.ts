import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../../lib/model/facts';
import { exportBackup, importBackup } from '../../../lib/store/backup';
import { openStore } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repo';
import { migrations, SCHEMA_VERSION, type Db } from '../../../lib/store/schema';
import { compareEvents, mergeSorted } from '../../../lib/store/timelines';
import { client, ev, freshDb } from '../worker/helpers';

const a = client(1);
const b = client(2);

/** What a timeline must hold: exactly the client's events in `events`, in index order. */
async function expectConsistent(db: Db): Promise<void> {
  const all = await db.getAll('events');
  const ids = new Set([...all.map((e) => e.clientId), ...(await db.getAllKeys('timelines'))]);
  for (const id of ids) {
    const expected = await repo.eventsOf(db, id);
    const timeline = await db.get('timelines', id);
    if (expected.length === 0) expect(timeline).toBeUndefined();
    else expect(timeline).toEqual({ clientId: id, events: expected, count: expected.length });
  }
  const grouped = await repo.eventsByClient(db);
  expect([...grouped.keys()].sort()).toEqual([...new Set(all.map((e) => e.clientId))].sort());
  for (const [id, events] of grouped) expect(events).toEqual(await repo.eventsOf(db, id));
}

describe('timelines', () => {
  it('are written with every append, sorted by time whatever the order of arrival', async () => {
    const db = await freshDb();
    await repo.recordEvents(db, [
      ev(a, 'post', 5000, { shortcode: 'p2' }),
      ev(a, 'deal-created', 1000),
      ev(b, 'deal-created', 2000),
    ]);
    await repo.recordEvents(db, [ev(a, 'stage', 3000, { stage: 'contacted' })]);
    await repo.recordEvents(db, [ev(a, 'post', 500, { shortcode: 'early' }), ev(a, 'story', 9000, { storyId: 's1' })]);
    const timeline = (await db.get('timelines', a.id))!;
    expect(timeline.count).toBe(5);
    expect(timeline.events.map((e) => e.at)).toEqual([500, 1000, 3000, 5000, 9000]);
    expect((await db.get('timelines', b.id))!.count).toBe(1);
    await expectConsistent(db);
  });

  it('orders equal instants as the byClientAt index does (by id)', async () => {
    const db = await freshDb();
    await repo.recordEvents(db, [ev(a, 'untick', 1000, { item: 'references' })]);
    await repo.recordEvents(db, [ev(a, 'tick', 1000, { item: 'references' }), ev(a, 'tick', 1000, { item: 'concept-draft' })]);
    const timeline = (await db.get('timelines', a.id))!;
    expect(timeline.events).toEqual(await repo.eventsOf(db, a.id));
    expect(timeline.events.map((e) => e.type)).toEqual(['tick', 'tick', 'untick']);
  });

  it('do not double on idempotent duplicates (in one batch or across batches)', async () => {
    const db = await freshDb();
    const post = ev(a, 'post', 5000, { shortcode: 'Cx1' });
    expect(await repo.recordEvents(db, [post, post])).toHaveLength(1);
    expect(await repo.recordEvents(db, [post, { ...post, at: 5001 }])).toHaveLength(0);
    expect(await repo.recordEvents(db, [ev(a, 'deal-created', 1000), ev(a, 'deal-created', 1000)])).toHaveLength(1);
    const timeline = (await db.get('timelines', a.id))!;
    expect(timeline.count).toBe(2);
    expect(timeline.events.map((e) => e.type)).toEqual(['deal-created', 'post']);
    await expectConsistent(db);
  });

  it('are rebuilt when events reach the store without them (missing timeline)', async () => {
    const db = await freshDb();
    await repo.recordEvents(db, [ev(a, 'deal-created', 1000)]);
    // As if written by another context straight into IndexedDB.
    await db.put('events', { ...ev(b, 'deal-created', 2000), id: 'raw-b' } as ClientEvent);
    await db.put('events', { ...ev(a, 'post', 3000), id: 'raw-a' } as ClientEvent);
    const grouped = await repo.eventsByClient(db);
    expect(grouped.get(b.id)!.map((e) => e.id)).toEqual(['raw-b']);
    expect(grouped.get(a.id)!.map((e) => e.at)).toEqual([1000, 3000]);
    await expectConsistent(db);
    expect(await repo.verifyTimelines(db)).toEqual([]);
  });

  it('are rebuilt when a count disagrees with the events store', async () => {
    const db = await freshDb();
    await repo.recordEvents(db, [
      ev(a, 'deal-created', 1000),
      ev(a, 'post', 2000, { shortcode: 'x' }),
      ev(b, 'deal-created', 1500),
    ]);
    const good = (await db.get('timelines', a.id))!;
    // A timeline short of an event, then one whose count does not match its own list.
    await db.put('timelines', { ...good, events: good.events.slice(0, 1), count: 1 });
    expect(await repo.verifyTimelines(db)).toEqual([a.id]);
    expect((await repo.eventsByClient(db)).get(a.id)).toHaveLength(2);
    expect(await db.get('timelines', a.id)).toEqual(good);
    await db.put('timelines', { ...good, count: 7 });
    expect((await repo.eventsByClient(db)).get(a.id)).toEqual(good.events);
    expect(await db.get('timelines', a.id)).toEqual(good);
    // A timeline for a client with no events at all goes away.
    await db.put('timelines', { clientId: 'ghost.amocrm.ru:9', events: [], count: 3 });
    expect((await repo.eventsByClient(db)).has('ghost.amocrm.ru:9')).toBe(false);
    expect(await db.get('timelines', 'ghost.amocrm.ru:9')).toBeUndefined();
    await expectConsistent(db);
  });

  it('heal on the next append when they were out of step', async () => {
    const db = await freshDb();
    await repo.recordEvents(db, [ev(a, 'deal-created', 1000)]);
    await db.put('events', { ...ev(a, 'post', 3000), id: 'raw-a' } as ClientEvent);
    await repo.recordEvents(db, [ev(a, 'story', 2000, { storyId: 's' })]);
    expect((await db.get('timelines', a.id))!.events.map((e) => e.at)).toEqual([1000, 2000, 3000]);
    await expectConsistent(db);
  });

  it('follow a backup import and a delete of all data', async () => {
    const T0 = Date.UTC(2026, 0, 1);
    const source = await freshDb();
    await repo.putClient(source, a);
    await repo.putClient(source, b);
    await repo.recordEvents(source, [
      ev(a, 'post', T0 + 5000, { shortcode: 'p' }),
      ev(a, 'deal-created', T0 + 1000),
      ev(b, 'deal-created', T0 + 2000),
    ]);
    const json = JSON.stringify(await exportBackup(source));
    expect(json).not.toContain('"timelines"');

    const target = await freshDb();
    const other = client(3);
    await repo.putClient(target, other);
    await repo.recordEvents(target, [ev(other, 'deal-created', 1)]);
    await importBackup(target, json);
    expect(await target.get('timelines', other.id)).toBeUndefined();
    expect(await target.get('timelines', a.id)).toEqual(await source.get('timelines', a.id));
    await expectConsistent(target);

    await repo.deleteAll(target);
    expect(await target.count('timelines')).toBe(0);
    expect((await repo.eventsByClient(target)).size).toBe(0);
  });
});

describe('timelines migration (v3)', () => {
  it.each([1, 2])('builds the timelines of a version-%i database from its events, losing nothing', async (from) => {
    const name = `v${from}-timelines-${Math.random()}`;
    const old = await openDB(name, from, {
      upgrade: (db, oldVersion, _n, tx) => {
        for (let v = oldVersion + 1; v <= from; v++) migrations[v]!(db as unknown as Db, tx as never);
      },
    });
    const events: ClientEvent[] = [];
    for (const [k, c] of [a, b].entries())
      for (let i = 0; i < 30; i++)
        events.push({ ...ev(c, 'post', 10_000 - i * 97 + k, { shortcode: `p${i}` }), id: `${c.id}|post|p${i}` } as ClientEvent);
    const tx = old.transaction(['clients', 'events'], 'readwrite');
    for (const c of [a, b]) void tx.objectStore('clients').put(c);
    for (const e of events) void tx.objectStore('events').put(e);
    await tx.done;
    old.close();

    const db = await openStore(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await db.count('events')).toBe(60);
    expect(await repo.listClients(db)).toHaveLength(2);
    for (const c of [a, b]) {
      const expected = events.filter((e) => e.clientId === c.id).sort(compareEvents);
      expect(await db.get('timelines', c.id)).toEqual({ clientId: c.id, events: expected, count: 30 });
    }
    await expectConsistent(db);
    expect(await repo.verifyTimelines(db)).toEqual([]);
  });
});

describe('mergeSorted', () => {
  it('merges unsorted additions into a sorted list', () => {
    const e = (at: number, id: string) => ({ ...ev(a, 'deal-created', at), id }) as ClientEvent;
    const merged = mergeSorted([e(1, 'a'), e(5, 'b'), e(9, 'c')], [e(10, 'z'), e(0, 'y'), e(5, 'a')]);
    expect(merged.map((x) => `${x.at}${x.id}`)).toEqual(['0y', '1a', '5a', '5b', '9c', '10z']);
  });
});
