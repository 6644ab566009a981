// The plan cache: the data version bumped by every write of the engine's inputs, cache hits and
// misses, and plans from the cache equal to plans derived in full (real engine, seeded agency).
import { describe, expect, it } from 'vitest';
import { overdueAt, schedulePlan } from '../../../lib/alarms/planner';
import { TokenBucket } from '../../../lib/amocrm/rate-limit';
import type { TeamSyncStatus } from '../../../lib/dashboard/types';
import type { NewClientEvent } from '../../../lib/model/facts';
import { exportBackup, importBackup } from '../../../lib/store/backup';
import * as repo from '../../../lib/store/repo';
import type { Db } from '../../../lib/store/schema';
import { buildAgenda, overdueCount } from '../../../lib/worker/agenda';
import { deriveAll, loadWorld, planBasis, PLAN_CACHE_FORMAT, PLAN_CACHE_TTL } from '../../../lib/worker/replan';
import { BUILD_ID } from '../../../lib/worker/build';
import { createTeamSync } from '../../../lib/worker/team-sync';
import { createAmocrmFake } from '../../fakes/amocrm/index';
import { createSeed } from '../../fakes/seed';
import { almaty, client, ev, freshDb, page, setupWorker as setup } from './helpers';
import { HOUR, MINUTE } from '../../../lib/calendar/time';

const version = async (db: Db) => (await repo.getMeta(db, 'dataVersion')) ?? 0;

/** The seeded agency (fake amoCRM) read by the team sync, plus its Instagram posts and stories. */
async function seededAgency(at: number) {
  const seed = createSeed(at, { extraLeads: 30 });
  const fake = createAmocrmFake(seed);
  const db = await freshDb();
  await repo.setSettings(db, { amocrm: { subdomain: 'smmpro' } });
  await repo.setMeta(db, 'amoToken', { token: 'secret-token-1', setAt: 0, origin: 'https://smmpro.amocrm.ru' });
  const fetch = (async (url: string, init?: RequestInit) => {
    const res = await fake.handle({
      method: 'GET',
      url,
      headers: Object.fromEntries(
        Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
      ),
    });
    return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  }) as typeof globalThis.fetch;
  const sync = createTeamSync({
    db: async () => db,
    now: () => at,
    fetch,
    bucket: () => new TokenBucket({ capacity: 1000, perSecond: 1000 }),
  });
  const before = await version(db);
  await sync.start(false);
  let status: TeamSyncStatus = await sync.status();
  for (const deadline = Date.now() + 60_000; status.phase === 'running' && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 5));
    status = await sync.status();
  }
  expect(status.phase).toBe('done');
  const afterSync = await version(db);
  const clients = await repo.listClients(db);
  const insta: NewClientEvent[] = [];
  for (const p of seed.profiles) {
    const c = clients.find((x) => x.leadId === p.leadId);
    if (!c) continue;
    for (const post of p.posts)
      if (post.takenAt <= at)
        insta.push({
          clientId: c.id,
          type: 'post',
          at: post.takenAt,
          shortcode: post.shortcode,
          source: 'instagram',
        } as NewClientEvent);
    for (const story of p.stories)
      if (story.takenAt <= at)
        insta.push({
          clientId: c.id,
          type: 'story',
          at: story.takenAt,
          storyId: story.pk,
          source: 'instagram',
        } as NewClientEvent);
  }
  await repo.recordEvents(db, insta);
  return { db, before, afterSync };
}

describe('data version', () => {
  it('is bumped by recording events, only when something new is stored', async () => {
    const db = await freshDb();
    const c = client(1);
    const v0 = await version(db);
    await repo.recordEvents(db, [ev(c, 'deal-created', almaty('2026-12-07T10:30'))]);
    const v1 = await version(db);
    expect(v1).toBeGreaterThan(v0);
    await repo.recordEvents(db, [ev(c, 'deal-created', almaty('2026-12-07T10:30'))]);
    expect(await version(db)).toBe(v1);
  });

  it('is bumped by a client write, unless the stored client is identical', async () => {
    const db = await freshDb();
    const c = client(2);
    await repo.putClient(db, c);
    const v1 = await version(db);
    expect(v1).toBeGreaterThan(0);
    await repo.putClient(db, { ...c });
    expect(await version(db)).toBe(v1);
    await repo.putClient(db, { ...c, instagram: 'renamed' });
    expect(await version(db)).toBeGreaterThan(v1);
  });

  it('is bumped by valid settings only, by a backup import and by deleting everything (monotonic)', async () => {
    const db = await freshDb();
    const v0 = await version(db);
    expect((await repo.setSettings(db, { alarms: { quietHoursStart: 'nope' } })).ok).toBe(false);
    expect(await version(db)).toBe(v0);
    expect((await repo.setSettings(db, { alarms: { quietHoursStart: '22:00' } })).ok).toBe(true);
    const v1 = await version(db);
    expect(v1).toBeGreaterThan(v0);
    const c = client(3);
    await repo.putClient(db, c);
    await repo.recordEvents(db, [ev(c, 'deal-created', almaty('2026-12-07T10:30'))]);
    const json = JSON.stringify(await exportBackup(db, 0));
    const v2 = await version(db);
    await importBackup(db, json);
    const v3 = await version(db);
    expect(v3).toBeGreaterThan(v2);
    await repo.deleteAll(db);
    expect(await version(db)).toBeGreaterThan(v3);
  });

  it('is bumped by the team sync (clients written in its own transaction, events through the repo)', async () => {
    const { before, afterSync } = await seededAgency(Date.parse('2026-12-07T06:00:00Z'));
    expect(afterSync).toBeGreaterThan(before);
  });

  it('is left alone by plans, meta bookkeeping and timeline rebuilds (not engine inputs)', async () => {
    const { worker, db } = await setup(almaty('2026-12-07T10:40'));
    const c = client(4);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    const v = await version(db);
    await worker.handlers['plans.save'](
      { plan: { clientId: c.id, periodStart: 0, planNo: 1, state: 'drafting', days: [], updatedAt: 0 } },
      page,
    );
    await repo.setMeta(db, 'lastSeenAt', 1);
    await worker.handlers['token.set']({ token: 'secret', origin: 'https://smmpro.amocrm.ru' }, page);
    await repo.rebuildTimelines(db);
    await worker.replan();
    expect(await version(db)).toBe(v);
  });
});

describe('plan cache', () => {
  it('a re-plan after a change derives in full; the next one schedules from the cache', async () => {
    const { worker, db, setNow } = await setup(almaty('2026-12-07T10:40'));
    const c = client(5);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    expect((await worker.replan()).derived).toBe(true);
    const cached = (await repo.getMeta(db, 'planCache'))!;
    expect(cached).toMatchObject({
      format: PLAN_CACHE_FORMAT,
      dataVersion: await version(db),
      locale: 'ru',
      clients: 1,
      events: 1,
      computedAt: almaty('2026-12-07T10:40'),
    });
    expect(cached.validUntil).toBe(almaty('2026-12-07T10:40') + PLAN_CACHE_TTL);
    setNow(almaty('2026-12-07T11:16'));
    const hit = await worker.replan();
    expect(hit).toMatchObject({ derived: false, shown: [`${c.id}|first-contact|first-contact|warning`] });
    // An event invalidates: the next re-plan derives again, and sees it.
    await worker.handlers['event.record']({ event: ev(c, 'stage', almaty('2026-12-07T11:17'), { stage: 'contacted' }) }, page);
    setNow(almaty('2026-12-07T11:31'));
    expect(await worker.replan()).toMatchObject({ derived: true, shown: [], overdue: 0 });
    expect((await worker.replan()).derived).toBe(false);
    // So do a settings change and a hand-linked Instagram account.
    await worker.handlers['settings.set']({ settings: { alarms: { hourRuleWarningMinutes: 20 } } }, page);
    expect((await worker.replan()).derived).toBe(true);
    await worker.handlers['client.linkInstagram']({ clientId: c.id, username: 'other' }, page);
    expect((await worker.replan()).derived).toBe(true);
    expect((await worker.replan({ full: true })).derived).toBe(true);
  });

  it('misses for another locale or format, a clock moved back, and writes that bypassed the repo', async () => {
    const { worker, db } = await setup(almaty('2026-12-07T12:00'));
    const c = client(6);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    await worker.replan();
    const at = almaty('2026-12-07T12:05');
    expect((await planBasis(db, at)).derived).toBe(false);
    expect((await planBasis(db, at, { locale: 'en' })).derived).toBe(true);
    expect((await planBasis(db, almaty('2026-12-07T11:59'))).derived).toBe(true);
    const cache = (await repo.getMeta(db, 'planCache'))!;
    await repo.setMeta(db, 'planCache', { ...cache, format: PLAN_CACHE_FORMAT + 1 });
    expect((await planBasis(db, at)).derived).toBe(true);
    await repo.setMeta(db, 'planCache', cache);
    expect((await planBasis(db, at)).derived).toBe(false);
    // An update's engine derives again: neither the plan nor a client's share of another build is trusted.
    expect(cache.build).toBe(BUILD_ID);
    await repo.setMeta(db, 'planCache', { ...cache, build: 'an older build' });
    expect((await planBasis(db, at)).rederived).toBe(0);
    const shares = await db.getAll('derived');
    for (const d of shares) await db.put('derived', { ...d, basis: d.basis.replace(`|${BUILD_ID}|`, '|an older build|') });
    expect((await planBasis(db, at)).rederived).toBe(shares.length);
    await repo.setMeta(db, 'planCache', cache);
    // As the e2e test does: a deal written straight into IndexedDB, no version bump.
    const b = client(7);
    await db.put('clients', b);
    await db.put('events', {
      id: `${b.id}|deal-created`,
      clientId: b.id,
      type: 'deal-created',
      at: almaty('2026-12-05T10:00'),
      source: 'amocrm',
    });
    const r = await planBasis(db, at);
    expect(r.derived).toBe(true);
    expect(r.candidates.candidates.map((n) => n.id)).toContain(`${b.id}|first-contact|first-contact|breach`);
  });

  it('holds for 6 hours at most, not past the next local midnight, nor past the first fact dated ahead', async () => {
    const { worker, db, setNow } = await setup(almaty('2026-12-07T09:00'));
    const c = client(8);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T08:30'))] }, page);
    await worker.replan();
    expect((await planBasis(db, almaty('2026-12-07T14:59'))).derived).toBe(false);
    expect((await planBasis(db, almaty('2026-12-07T15:00'))).derived).toBe(true);

    setNow(almaty('2026-12-07T21:00'));
    expect((await worker.replan()).derived).toBe(true);
    expect((await repo.getMeta(db, 'planCache'))!.validUntil).toBe(almaty('2026-12-08T00:00'));
    expect((await planBasis(db, almaty('2026-12-07T23:59'))).derived).toBe(false);
    expect((await planBasis(db, almaty('2026-12-08T00:00'))).derived).toBe(true);
    // The wake is planned by then at the latest, to derive again.
    expect((await worker.replan()).nextWakeAt).toBeLessThanOrEqual(almaty('2026-12-08T00:00'));

    // A fact dated ahead (the engine ignores it until then) ends the cache at its time.
    await repo.recordEvents(db, [ev(c, 'stage', almaty('2026-12-07T22:00'), { stage: 'contacted' })]);
    await worker.replan();
    expect((await repo.getMeta(db, 'planCache'))!.validUntil).toBe(almaty('2026-12-07T22:00'));
    expect((await planBasis(db, almaty('2026-12-07T21:59'))).derived).toBe(false);
    expect((await planBasis(db, almaty('2026-12-07T22:00'))).derived).toBe(true);
  });

  it('keeps the badge right on the cached path, and missed-while-away still works', async () => {
    const { worker, fx, setNow } = await setup(almaty('2026-12-07T10:31'));
    const c = client(9);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    expect(await worker.replan()).toMatchObject({ derived: true, overdue: 0 });
    // The browser is closed from 10:31 to 14:00; first-contact fell due at 11:30.
    setNow(almaty('2026-12-07T14:00'));
    expect(await worker.start()).toMatchObject({
      derived: false,
      overdue: 1,
      shown: [`${c.id}|first-contact|first-contact|breach`],
    });
    expect(fx.badges.at(-1)).toBe(1);
    const agenda = await worker.handlers['agenda.get']({}, page);
    expect(agenda.missedWhileAway.map((e) => e.obligation.rule)).toEqual(['first-contact']);
  });
});

describe('cached vs full planning (real engine, seeded agency)', () => {
  // A seeded agency derived several times: slow on a loaded machine, hence the generous limit (no timing is asserted).
  it('schedules and counts the same from the cache as from a full derive, at several later moments', async () => {
    const t0 = almaty('2026-12-07T11:30');
    const { db } = await seededAgency(t0);
    const primed = await planBasis(db, t0);
    expect(primed.derived).toBe(true);
    await repo.setMeta(db, 'planCache', primed.cache!);
    const kinds = new Set(primed.candidates.candidates.map((n) => n.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    const world = await loadWorld(db);
    // Some of them already shown, one snoozed, as the worker's bookkeeping has them.
    const ids = primed.candidates.candidates.map((n) => n.id);
    const notified = Object.fromEntries(ids.filter((_, i) => i % 5 === 0).map((id) => [id, t0]));
    const snoozes = { [ids[1]!]: t0 + 20 * MINUTE };
    for (const later of [0, 7 * MINUTE, HOUR, 2.5 * HOUR, 4 * HOUR + 17 * MINUTE, PLAN_CACHE_TTL - 1]) {
      const now = t0 + later;
      const cached = await planBasis(db, now);
      const full = await planBasis(db, now, { full: true });
      expect(cached.derived).toBe(false);
      const input = { now, notified, snoozes, settings: full.settings };
      expect(schedulePlan(cached.candidates.candidates, input)).toEqual(schedulePlan(full.candidates.candidates, input));
      const badge = overdueCount(buildAgenda(deriveAll(world, now), world.settings, now, null));
      expect(overdueAt(cached.candidates, now)).toBe(badge);
      expect(overdueAt(full.candidates, now)).toBe(badge);
    }
  }, 60_000);
});
