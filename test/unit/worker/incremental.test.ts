// Incremental derivation (lib/worker/derived.ts): for random sequences of changes (events, client
// records, settings) and clock moves, the candidates a re-plan combines from stored per-client
// shares equal a full recomputation from the events, and only the clients a change touched are
// derived again; and the worker's agenda, stated from its last derivation while that holds
// (lib/worker/agenda-cache.ts), equals one derived fresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAST_HORIZON, planCandidates, schedulePlan, type Candidates } from '../../../lib/alarms/planner';
import type { Client, NewClientEvent, Stage } from '../../../lib/model/facts';
import * as repo from '../../../lib/store/repo';
import type { Db } from '../../../lib/store/schema';
import { deriveAll, loadWorld, planBasis } from '../../../lib/worker/replan';
import { createAgendaCache } from '../../../lib/worker/agenda-cache';
import { buildAgenda } from '../../../lib/worker/agenda';
import { summaryOf } from '../../../lib/worker/summary';
import { almaty, client, freshDb } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = almaty('2026-12-07T09:20');
const LEADS = [1, 2, 3, 4, 5];

type Change =
  | { op: 'event'; lead: number; kind: EventKind; offset: number; n: number }
  | { op: 'client'; lead: number; field: 'name' | 'service' | 'instagram'; n: number }
  | { op: 'settings'; warning: number }
  | { op: 'clock'; minutes: number }
  | { op: 'plan' };

type EventKind = 'deal-created' | Stage | 'post' | 'story' | 'round' | 'tick' | 'start-date' | 'payment';

const eventKind = fc.constantFrom<EventKind>(
  'deal-created',
  'contacted',
  'questionnaire',
  'launched',
  'lost',
  'post',
  'story',
  'round',
  'tick',
  'start-date',
  'payment',
);

const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('event' as const),
      lead: fc.constantFrom(...LEADS),
      kind: eventKind,
      // Mostly the past few days; now and then a fact dated ahead (it ends what was derived at its time).
      offset: fc.integer({ min: -4 * 24 * 60, max: 3 * 60 }),
      n: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('client' as const),
      lead: fc.constantFrom(...LEADS),
      field: fc.constantFrom('name' as const, 'service' as const, 'instagram' as const),
      n: fc.nat(3),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('settings' as const), warning: fc.constantFrom(10, 15, 20, 30) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('clock' as const), minutes: fc.integer({ min: 0, max: 9 * 60 }) }) },
  { weight: 3, arbitrary: fc.constant({ op: 'plan' as const }) },
);

function eventOf(c: Client, kind: EventKind, at: number, n: number): NewClientEvent {
  const base = { clientId: c.id, at, source: 'amocrm' as const };
  const date = new Date(at + 5 * HOUR).toISOString().slice(0, 10);
  switch (kind) {
    case 'deal-created':
      return { ...base, type: 'deal-created' };
    case 'post':
      return { ...base, type: 'post', shortcode: `p${at}`, source: 'instagram' };
    case 'story':
      return { ...base, type: 'story', storyId: `s${at}`, source: 'instagram' };
    case 'round':
      return { ...base, type: 'tick', item: 'engagement-round', key: `${date}T${n % 2 ? '19:00' : '11:00'}`, source: 'manager' };
    case 'tick':
      return {
        ...base,
        type: 'tick',
        item: ['concept-draft', 'references', 'plan-1-agreed', 'account-setup'][n % 4]!,
        source: 'manager',
      };
    case 'start-date':
      return { ...base, type: 'start-date', date };
    case 'payment':
      return { ...base, type: 'payment' };
    default:
      return { ...base, type: 'stage', stage: kind };
  }
}

function clientOf(lead: number, field: 'name' | 'service' | 'instagram' | null, n: number): Client {
  const c = client(lead, { trackedSince: T0 - 5 * DAY });
  if (field === 'name') c.name = `Клиент ${lead}.${n}`;
  if (field === 'service') c.service = n % 2 ? 'complex' : 'management';
  if (field === 'instagram') c.instagram = n % 3 ? `acc${lead}x${n}` : null;
  return c;
}

/** The candidates recomputed from scratch: every client's events, the engine, the planner (no stored data used). */
async function fullCandidates(db: Db, now: number): Promise<Candidates> {
  const world = await loadWorld(db);
  return planCandidates({
    clients: deriveAll(world, now).map((d) => ({ summary: summaryOf(d.client), obligations: d.obligations })),
    settings: world.settings,
    locale: 'ru',
    since: now - DEFAULT_PAST_HORIZON,
  });
}

/** The candidates alone (a cache hit hands over the cache record, which carries its key too). */
function only(c: Candidates): Candidates {
  return { candidates: c.candidates, overdueDueTimes: c.overdueDueTimes, rounds: c.rounds };
}

/**
 * What of the candidates can matter between `from` and `until`: a plan at `from` ignores
 * candidates and round slots before its past horizon (a cache hit may still carry them), and
 * later occurrences are generated as the clock moves.
 */
function window(c: Candidates, from: number, until: number) {
  const since = from - DEFAULT_PAST_HORIZON;
  return {
    candidates: c.candidates
      .filter((n) => n.about >= since && n.about < until)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    overdueDueTimes: c.overdueDueTimes.filter((t) => t < until),
    rounds: c.rounds.filter((r) => r.dueAt >= since && r.at < until).sort((a, b) => (a.slot < b.slot ? -1 : 1)),
  };
}

interface Run {
  db: Db;
  now: number;
  /** Clients written since the last plan (a version bump each). */
  touched: Set<string>;
  /** The clock moved since the last plan (shares may run out). */
  everyone: boolean;
  /** The settings at the last plan: settings changed and changed back re-derive nobody. */
  plannedSettings: string | null;
}

async function apply(run: Run, ch: Change): Promise<void> {
  switch (ch.op) {
    case 'event': {
      const c = (await repo.getClient(run.db, client(ch.lead).id)) ?? clientOf(ch.lead, null, 0);
      if (!(await repo.getClient(run.db, c.id))) {
        await repo.putClient(run.db, c);
        run.touched.add(c.id);
      }
      const added = await repo.recordEvents(run.db, [eventOf(c, ch.kind, run.now + ch.offset * MINUTE, ch.n)]);
      if (added.length) run.touched.add(c.id);
      return;
    }
    case 'client': {
      const next = clientOf(ch.lead, ch.field, ch.n);
      const old = await repo.getClient(run.db, next.id);
      await repo.putClient(run.db, next);
      if (!old || JSON.stringify(old) !== JSON.stringify(next)) run.touched.add(next.id);
      return;
    }
    case 'settings': {
      await repo.setSettings(run.db, { alarms: { hourRuleWarningMinutes: ch.warning } });
      return;
    }
    case 'clock':
      run.now += ch.minutes * MINUTE;
      if (ch.minutes > 0) run.everyone = true;
      return;
    case 'plan':
      return;
  }
}

describe('incremental derivation', () => {
  it('with the clock still, equals a full recomputation exactly and re-derives only the clients touched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 14 }), async (changes) => {
        const run: Run = { db: await freshDb(), now: T0, touched: new Set(), everyone: true, plannedSettings: null };
        for (const ch of changes) {
          if (ch.op === 'clock') continue;
          await apply(run, ch);
          if (ch.op !== 'plan') continue;
          const basis = await planBasis(run.db, run.now);
          if (basis.cache) await repo.setMeta(run.db, 'planCache', basis.cache);
          expect(only(basis.candidates)).toEqual(await fullCandidates(run.db, run.now));
          const clients = (await repo.listClients(run.db)).length;
          const settings = JSON.stringify(await repo.getSettings(run.db));
          expect(basis.rederived).toBe(run.everyone || settings !== run.plannedSettings ? clients : run.touched.size);
          run.touched.clear();
          run.everyone = false;
          run.plannedSettings = settings;
        }
        const last = await planBasis(run.db, run.now);
        expect(only(last.candidates)).toEqual(await fullCandidates(run.db, run.now));
      }),
      {
        numRuns: 30,
        // Settings changed and changed back between two plans (the default warning is 15 minutes).
        examples: [
          [
            [
              { op: 'event', lead: 1, kind: 'deal-created', offset: 0, n: 0 },
              { op: 'plan' },
              { op: 'settings', warning: 10 },
              { op: 'settings', warning: 15 },
              { op: 'plan' },
            ],
          ],
        ],
      },
    );
  }, 180_000);

  it('as the clock moves, schedules and counts what a full recomputation would until the plan runs out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 16 }), async (changes) => {
        const run: Run = { db: await freshDb(), now: T0, touched: new Set(), everyone: true, plannedSettings: null };
        // Every clock move is followed by a plan, and the run ends past the longest a share holds.
        for (const ch of [...changes, { op: 'clock', minutes: 6 * 60 + 1 } as const]) {
          await apply(run, ch);
          if (ch.op !== 'plan' && ch.op !== 'clock') continue;
          const basis = await planBasis(run.db, run.now);
          if (basis.cache) await repo.setMeta(run.db, 'planCache', basis.cache);
          const full = await fullCandidates(run.db, run.now);
          expect(basis.validUntil).toBeGreaterThan(run.now);
          expect(window(basis.candidates, run.now, basis.validUntil)).toEqual(window(full, run.now, basis.validUntil));
          const input = { now: run.now, notified: {}, snoozes: {}, settings: basis.settings };
          const plan = schedulePlan(basis.candidates.candidates, input);
          const fullPlan = schedulePlan(full.candidates, input);
          expect(plan.due).toEqual(fullPlan.due);
          expect(plan.upcoming.filter((n) => n.at < basis.validUntil)).toEqual(
            fullPlan.upcoming.filter((n) => n.at < basis.validUntil),
          );
        }
      }),
      { numRuns: 30 },
    );
  }, 180_000);

  it("the worker's agenda equals a fresh derivation at every moment, stated from the last one while it holds", async () => {
    let stated = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 16 }), async (changes) => {
        const run: Run = { db: await freshDb(), now: T0, touched: new Set(), everyone: true, plannedSettings: null };
        const cache = createAgendaCache();
        for (const ch of [...changes, { op: 'clock', minutes: 6 * 60 + 1 } as const]) {
          await apply(run, ch);
          if (ch.op !== 'plan' && ch.op !== 'clock') continue;
          const { settings, clients, derivedAt } = await cache.at(run.db, run.now);
          if (derivedAt < run.now) stated++;
          const world = await loadWorld(run.db);
          expect(buildAgenda(clients, settings, run.now, null)).toEqual(
            buildAgenda(deriveAll(world, run.now), world.settings, run.now, null),
          );
        }
      }),
      {
        numRuns: 40,
        // A new deal's first call falls overdue between the derivation and the next opening.
        examples: [
          [[{ op: 'event', lead: 2, kind: 'deal-created', offset: -30, n: 0 }, { op: 'plan' }, { op: 'clock', minutes: 180 }]],
        ],
      },
    );
    expect(stated).toBeGreaterThan(0);
  }, 180_000);

  it('a change to one client of many re-derives that client alone', async () => {
    const db = await freshDb();
    const at = T0;
    for (const lead of LEADS) {
      const c = clientOf(lead, null, 0);
      await repo.putClient(db, c);
      await repo.recordEvents(db, [eventOf(c, 'deal-created', at - 2 * DAY, 0), eventOf(c, 'questionnaire', at - DAY, 0)]);
    }
    const first = await planBasis(db, at);
    expect(first.rederived).toBe(LEADS.length);
    await repo.setMeta(db, 'planCache', first.cache!);
    const c3 = clientOf(3, null, 0);
    await repo.recordEvents(db, [eventOf(c3, 'tick', at - HOUR, 0)]);
    const second = await planBasis(db, at + MINUTE);
    expect(second).toMatchObject({ derived: true, rederived: 1 });
    expect(only(second.candidates)).toEqual(await fullCandidates(db, at + MINUTE));
    // A settings change touches every client.
    await repo.setSettings(db, { alarms: { hourRuleWarningMinutes: 25 } });
    expect((await planBasis(db, at + 2 * MINUTE)).rederived).toBe(LEADS.length);
  });
});
