import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/playbook/settings';
import { eventFromNote, markedEventId, noteText } from '../../../lib/amocrm/markers';
import { exportBackup, importBackup, parseBackup } from '../../../lib/store/backup';
import { openStore } from '../../../lib/store/db';
import { naturalEventId, withEventId } from '../../../lib/store/ids';
import * as repo from '../../../lib/store/repo';
import { migrations, SCHEMA_VERSION, type Db } from '../../../lib/store/schema';
import { almaty, client, ev, freshDb } from '../worker/helpers';

const T_SNOOZE = Date.UTC(2026, 11, 7);

describe('schema migrations', () => {
  it('upgrades a version-1 database to the current one without losing anything', async () => {
    const name = `v1-${Math.random()}`;
    const c = client(1);
    const v1 = await openDB(name, 1, { upgrade: (db, _o, _n, tx) => migrations[1](db as unknown as Db, tx as never) });
    await v1.put('clients', c);
    await v1.put('events', { ...ev(c, 'deal-created', 1000), id: 'e1' });
    await v1.put('settings', defaultSettings, 'current');
    await v1.put('meta', { x: 1 }, 'notified');
    v1.close();
    const db = await openStore(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await repo.getClient(db, c.id)).toEqual(c);
    expect(await repo.eventsOf(db, c.id)).toHaveLength(1);
    expect(await repo.getSettings(db)).toEqual(defaultSettings);
    expect(await repo.getMeta(db, 'notified')).toEqual({ x: 1 });
    expect(await repo.getMeta(db, 'schemaVersion')).toBe(SCHEMA_VERSION);
    expect(db.objectStoreNames.contains('plans')).toBe(true);
    // v4: per-client versions and derived data start empty (derived on the next plan).
    expect(await db.count('versions')).toBe(0);
    expect(await db.count('derived')).toBe(0);
    // v5: the write queue to amoCRM starts empty (nothing recorded before is sent retroactively).
    expect(await db.count('outbox')).toBe(0);
    expect(await db.get('timelines', c.id)).toEqual({
      clientId: c.id,
      events: [{ ...ev(c, 'deal-created', 1000), id: 'e1' }],
      count: 1,
    });
  });
});

describe('idempotent ingestion', () => {
  it('stores the same fact once, and gives id-less events a deterministic id', async () => {
    const db = await freshDb();
    const c = client(2);
    const post = ev(c, 'post', 5000, { shortcode: 'Cx1' });
    expect(await repo.recordEvents(db, [post, post])).toHaveLength(1);
    expect(await repo.recordEvents(db, [{ ...post, at: 5001 }])).toHaveLength(0);
    const tick = ev(c, 'tick', 7000, { item: 'call', key: 'k' });
    expect(naturalEventId(tick)).toBe(`${c.id}|tick|7000|call|k`);
    await repo.recordEvents(db, [tick]);
    expect(await repo.recordEvents(db, [tick])).toHaveLength(0);
    expect((await repo.eventsOf(db, c.id)).map((e) => e.type)).toEqual(['post', 'tick']);
  });
});

describe('event ids are unique per client', () => {
  it('two clients with the same producer id are both stored; the same client reported twice is stored once', async () => {
    const db = await freshDb();
    const [a, b] = [client(21), client(22)];
    const start = (c: ReturnType<typeof client>) => ({
      ...ev(c, 'start-date', 5000, { date: '2026-12-01' }),
      id: 'amo:start-date:2026-12-01',
    });
    expect(await repo.recordEvents(db, [start(a), start(b)])).toHaveLength(2);
    expect(await repo.recordEvents(db, [start(a)])).toHaveLength(0);
    expect(await repo.recordEvents(db, [start(b), start(b)])).toHaveLength(0);
    expect((await repo.eventsOf(db, a.id)).map((e) => e.id)).toEqual([`${a.id}|amo:start-date:2026-12-01`]);
    expect((await repo.eventsOf(db, b.id)).map((e) => e.id)).toEqual([`${b.id}|amo:start-date:2026-12-01`]);
    // Scoping is idempotent: a stored (already scoped) id reported again is the same fact.
    expect(withEventId(withEventId(start(a))).id).toBe(`${a.id}|amo:start-date:2026-12-01`);
    expect(await repo.recordEvents(db, [withEventId(start(a))])).toHaveLength(0);
  });

  it("a fact stored under its bare id before scoping is not stored again; another client's is", async () => {
    const db = await freshDb();
    const [a, b] = [client(23), client(24)];
    await db.put('events', { ...ev(a, 'deal-created', 1000), id: 'amo:created:23' });
    expect(await repo.recordEvents(db, [{ ...ev(a, 'deal-created', 1000), id: 'amo:created:23' }])).toHaveLength(0);
    expect(await repo.recordEvents(db, [{ ...ev(b, 'deal-created', 1000), id: 'amo:created:23' }])).toHaveLength(1);
  });

  it('a tick read back from its amoCRM note is the tick already stored', async () => {
    const db = await freshDb();
    const c = client(27);
    const tick = {
      id: markedEventId('tick', 'references', undefined, 1234),
      clientId: c.id,
      type: 'tick' as const,
      item: 'references',
      at: 1234,
      source: 'manager' as const,
      value: 'a, b, c',
    };
    expect(await repo.recordEvents(db, [tick])).toHaveLength(1);
    const back = eventFromNote(noteText(tick, 'Подобрать 3 аккаунта'), c.id)!;
    expect(await repo.recordEvents(db, [back])).toHaveLength(0);
    expect(await repo.eventsOf(db, c.id)).toHaveLength(1);
  });

  it('a backup with the same producer id under two clients imports both, scoped', async () => {
    const db = await seeded();
    const file = await exportBackup(db, 1);
    const [a, b] = [client(25), client(26)];
    const same = (c: ReturnType<typeof client>) => ({
      ...ev(c, 'start-date', Date.UTC(2026, 11, 1), { date: '2026-12-01' }),
      id: 'amo:start-date:2026-12-01',
    });
    const json = JSON.stringify({ ...file, clients: [...file.clients, a, b], events: [...file.events, same(a), same(b)] });
    const target = await freshDb();
    expect(await importBackup(target, json)).toEqual({ clients: 3, events: 4 });
    expect((await repo.eventsOf(target, b.id)).map((e) => e.id)).toEqual([`${b.id}|amo:start-date:2026-12-01`]);
    expect(await repo.recordEvents(target, [same(a), same(b)])).toHaveLength(0);
  });
});

describe('settings', () => {
  it('validates on write and keeps the old value on failure', async () => {
    const db = await freshDb();
    const bad = await repo.setSettings(db, { ...defaultSettings, calendar: { ...defaultSettings.calendar, workStart: '25:99' } });
    expect(bad.ok).toBe(false);
    expect(await repo.getSettings(db)).toEqual(defaultSettings);
    const partial = await repo.setSettings(db, { alarms: { hourRuleWarningMinutes: 20 } });
    expect(partial.ok).toBe(true);
    expect((await repo.getSettings(db)).alarms.hourRuleWarningMinutes).toBe(20);
  });
});

async function seeded(): Promise<Db> {
  const db = await freshDb();
  const c = client(3);
  await repo.putClient(db, c);
  await repo.recordEvents(db, [
    ev(c, 'deal-created', almaty('2026-12-07T10:30')),
    ev(c, 'stage', almaty('2026-12-07T11:00'), { stage: 'contacted' }),
  ]);
  await repo.setMeta(db, 'amoToken', { token: 'top-secret-token', setAt: 1 });
  await repo.setMeta(db, 'snoozes', { a: T_SNOOZE });
  await db.put('plans', { clientId: c.id, periodStart: T_SNOOZE, planNo: 1, state: 'drafting', days: [], updatedAt: T_SNOOZE });
  return db;
}

describe('backup', () => {
  it('exports everything but the token and imports it back', async () => {
    const db = await seeded();
    const file = await exportBackup(db);
    const json = JSON.stringify(file);
    expect(file.format).toBe('reglament-backup');
    expect(json).not.toContain('top-secret-token');
    const target = await freshDb();
    expect(await importBackup(target, json)).toEqual({ clients: 1, events: 2 });
    expect(await repo.eventsOf(target, client(3).id)).toEqual(await repo.eventsOf(db, client(3).id));
    expect(await target.getAll('plans')).toHaveLength(1);
    expect(await repo.getMeta(target, 'snoozes')).toEqual({ a: T_SNOOZE });
  });

  it.each([
    ['not JSON', '{oops', /JSON/],
    ['a foreign file', JSON.stringify({ hello: 'world' }), /format/],
    ['a newer version', JSON.stringify({ format: 'reglament-backup', version: 9 }), /version/],
  ])('rejects %s', async (_label, json, message) => {
    const db = await seeded();
    await expect(importBackup(db, json)).rejects.toThrow(message);
    expect(await repo.counts(db)).toEqual({ clients: 1, events: 2 });
  });

  it('names the bad field and changes nothing', async () => {
    const db = await seeded();
    const file = await exportBackup(db);
    const broken = { ...file, events: [...file.events, { ...file.events[0], id: 'x', type: 'teleport' }] };
    await expect(importBackup(db, JSON.stringify(broken))).rejects.toThrow(/events\[2\]\.type/);
    const badSettings = { ...file, settings: { ...defaultSettings, calendar: { ...defaultSettings.calendar, workEnd: 'late' } } };
    await expect(importBackup(db, JSON.stringify(badSettings))).rejects.toThrow(/settings\.calendar/);
    const orphan = { ...file, clients: [] };
    expect(() => parseBackup(JSON.stringify(orphan))).toThrow(/no client/);
    expect(await repo.counts(db)).toEqual({ clients: 1, events: 2 });
    expect(await repo.getMeta(db, 'amoToken')).toEqual({ token: 'top-secret-token', setAt: 1 });
  });
});
