import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAST_HORIZON,
  overdueAt,
  planCandidates,
  planNotifications,
  schedulePlan,
  type Plan,
  type PlanClient,
} from '../../../lib/alarms/planner';
import type { Obligation } from '../../../lib/model/obligations';
import { defaultSettings } from '../../../lib/playbook/settings';
import { buildAgenda, overdueCount, type ClientObligations } from '../../../lib/worker/agenda';
import { summaryOf } from '../../../lib/worker/summary';
import { almaty, client } from '../worker/helpers';
import { HOUR } from '../../../lib/calendar/time';

const c = client(1);
const ob = (
  rule: Obligation['rule'],
  key: string,
  startAt: number,
  dueAt: number,
  state: Obligation['state'] = 'open',
): Obligation => ({
  id: `${c.id}|${rule}|${key}`,
  clientId: c.id,
  rule,
  key,
  title: rule,
  startAt,
  dueAt,
  state,
});
const plan = (
  obligations: Obligation[],
  now: number,
  extra: { notified?: Record<string, number>; snoozes?: Record<string, number> } = {},
) =>
  planNotifications({
    clients: [{ summary: summaryOf(c), obligations } as PlanClient],
    settings: defaultSettings,
    now,
    notified: extra.notified ?? {},
    snoozes: extra.snoozes ?? {},
  });

describe('alarm planner', () => {
  const contact = ob('first-contact', 'first-contact', almaty('2026-12-07T10:30'), almaty('2026-12-07T11:30'));

  it('warns before an hour rule and wakes at the earliest pending time', () => {
    const p = plan([contact], almaty('2026-12-07T10:31'));
    expect(p.due).toEqual([]);
    expect(p.upcoming.map((n) => [n.kind, n.at])).toEqual([
      ['warning', almaty('2026-12-07T11:15')],
      ['breach', almaty('2026-12-07T11:30')],
    ]);
    expect(p.nextWakeAt).toBe(almaty('2026-12-07T11:15'));
  });

  it('never fires twice, and a missed wake-up fires once (breach supersedes the warning)', () => {
    const late = plan([contact], almaty('2026-12-07T15:00'));
    expect(late.due.map((n) => n.kind)).toEqual(['breach']);
    expect(late.superseded).toEqual([`${contact.id}|warning`]);
    const notified = Object.fromEntries([...late.due.map((n) => n.id), ...late.superseded].map((id) => [id, 1]));
    expect(plan([contact], almaty('2026-12-07T15:01'), { notified }).due).toEqual([]);
  });

  it('holds non-breaches through quiet hours but not breaches', () => {
    const concept = ob('concept-call', 'concept-call', almaty('2026-12-07T21:00'), almaty('2026-12-08T21:00'));
    const p = plan([concept], almaty('2026-12-07T21:01'));
    const warning = p.upcoming.find((n) => n.kind === 'warning')!;
    // 3 h before 21:00 is 18:00 (open hours) — fine; the breach at 21:00 keeps its time.
    expect(warning.at).toBe(almaty('2026-12-08T18:00'));
    expect(p.upcoming.find((n) => n.kind === 'breach')!.at).toBe(almaty('2026-12-08T21:00'));
    const night = ob('concept-call', 'x', almaty('2026-12-07T02:00'), almaty('2026-12-08T02:00'));
    const q = plan([night], almaty('2026-12-07T02:01'));
    // The warning (23:00) waits for 10:00; the breach (02:00) does not.
    expect(q.upcoming.map((n) => [n.kind, n.at])).toEqual([
      ['breach', almaty('2026-12-08T02:00')],
      ['warning', almaty('2026-12-08T10:00')],
    ]);
  });

  it('respects a snooze', () => {
    const p = plan([contact], almaty('2026-12-07T11:16'), { snoozes: { [`${contact.id}|warning`]: almaty('2026-12-07T11:31') } });
    expect(p.due).toEqual([]);
    expect(p.nextWakeAt).toBe(almaty('2026-12-07T11:30'));
  });

  it('reminds at 18:00 when today has no post, and lists accounts for a round', () => {
    const post = ob('daily-post', '2026-12-07', almaty('2026-12-07T00:00'), almaty('2026-12-07T23:59'));
    const round = ob('engagement-round', '2026-12-07T19:00', almaty('2026-12-07T19:00'), almaty('2026-12-07T20:00'));
    const p = plan([post, round], almaty('2026-12-07T12:00'));
    expect(p.upcoming.map((n) => [n.kind, n.at])).toEqual([
      ['post-reminder', almaty('2026-12-07T18:00')],
      ['round', almaty('2026-12-07T19:00')],
      ['round-late', almaty('2026-12-07T20:00')],
      ['breach', almaty('2026-12-07T23:59')],
    ]);
    expect(p.upcoming[1].message).toContain('@client1');
  });

  it('says nothing about met obligations or occurrences older than the horizon', () => {
    expect(plan([{ ...contact, state: 'met' }], almaty('2026-12-07T11:16')).upcoming).toEqual([]);
    expect(plan([contact], almaty('2026-12-12T11:16')).due).toEqual([]);
  });
});

describe('alarm planner in two steps (candidates, then a schedule)', () => {
  const contact = ob('first-contact', 'first-contact', almaty('2026-12-07T10:30'), almaty('2026-12-07T11:30'));

  it('renders texts without reference to now: a time carries its date only when off the day of `about`', () => {
    const renewal = ob('renewal-contact', '2026-12-20', almaty('2026-12-17T00:00'), almaty('2026-12-20T18:00'));
    const { candidates } = planCandidates({
      clients: [{ summary: summaryOf(c), obligations: [contact, renewal] }],
      settings: defaultSettings,
    });
    const byKind = Object.fromEntries(candidates.map((n) => [n.kind === 'breach' ? n.id : n.kind, n]));
    // The warning (11:15) is about an 11:30 deadline the same day: the time alone.
    expect(byKind.warning!.message).toContain('11:30');
    expect(byKind.warning!.message).not.toContain('дек');
    // The renewal reminder (17 Dec) is about a deadline three days later: with its date.
    expect(byKind.renewal!.message).toMatch(/20 дек\S*,? 18:00/);
    // Nothing in the candidates depends on when they are computed: the same list at any now.
    const at = (now: number) =>
      planNotifications({
        clients: [{ summary: summaryOf(c), obligations: [contact, renewal] }],
        settings: defaultSettings,
        now,
        notified: {},
        snoozes: {},
      });
    const texts = (p: Plan) => Object.fromEntries([...p.due, ...p.upcoming].map((n) => [n.id, [n.title, n.message]]));
    expect(texts(at(almaty('2026-12-07T10:31')))[`${contact.id}|breach`]).toEqual(
      texts(at(almaty('2026-12-09T12:00')))[`${contact.id}|breach`],
    );
  });

  it('counts the badge from deadlines and the round rule at any now', () => {
    const round = ob('engagement-round', '2026-12-07T19:00', almaty('2026-12-07T19:00'), almaty('2026-12-07T20:00'));
    const cands = planCandidates({
      clients: [{ summary: summaryOf(c), obligations: [contact, round] }],
      settings: defaultSettings,
    });
    expect(cands.overdueDueTimes).toEqual([almaty('2026-12-07T11:30')]);
    expect(overdueAt(cands, almaty('2026-12-07T11:29'))).toBe(0);
    expect(overdueAt(cands, almaty('2026-12-07T11:30'))).toBe(1);
    expect(overdueAt(cands, almaty('2026-12-07T20:00'))).toBe(2);
    // A day on, that round is no longer the current one.
    expect(overdueAt(cands, almaty('2026-12-08T20:01'))).toBe(1);
  });

  // Random obligations of a few clients, candidates computed at `computedAt` with the states of
  // that moment, scheduled at a later `now`: the same plan as planning at `now` from scratch, and
  // the same badge as the agenda's count.
  const BASE = almaty('2026-12-07T00:00');
  const RULES: Obligation['rule'][] = [
    'first-contact',
    'concept-call',
    'first-plan',
    'launch',
    'daily-post',
    'stories',
    'renewal-contact',
    'lost-deadline',
    'content-plan-2',
  ];
  const spec = fc.record({
    client: fc.integer({ min: 0, max: 3 }),
    rule: fc.constantFrom(...RULES, 'engagement-round' as const),
    startH: fc.integer({ min: -96, max: 48 }),
    lengthM: fc.integer({ min: 1, max: 4 * 24 * 60 }),
    noDue: fc.boolean(),
    metH: fc.option(fc.integer({ min: -100, max: 0 }), { nil: undefined }),
    missing: fc.boolean(),
  });
  const scenario = fc.record({
    specs: fc.array(spec, { maxLength: 25 }),
    computedH: fc.integer({ min: -24, max: 24 }),
    laterM: fc.array(fc.integer({ min: 0, max: 6 * 60 }), { minLength: 1, maxLength: 4 }),
    notifiedPick: fc.array(fc.nat(), { maxLength: 6 }),
    snoozePick: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 600 })), { maxLength: 4 }),
    breachesIgnoreQuietHours: fc.boolean(),
  });
  const clients = [0, 1, 2, 3].map((i) => client(i + 20, i === 2 ? { instagram: null } : {}));

  it('schedulePlan over candidates computed earlier equals planning at now (property)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const settings = {
          ...defaultSettings,
          alarms: { ...defaultSettings.alarms, breachesIgnoreQuietHours: s.breachesIgnoreQuietHours },
        };
        const computedAt = BASE + s.computedH * HOUR;
        // An obligation met before computedAt stays met; an unmet one is open or overdue by the clock.
        const obligationsAt = (t: number) =>
          clients.map((cl) => ({
            client: cl,
            obligations: s.specs
              .map((x, i) => ({ x, i }))
              .filter(({ x }) => x.client === clients.indexOf(cl))
              .map(({ x, i }): Obligation => {
                const round = x.rule === 'engagement-round';
                const startAt = round ? BASE + (x.startH - (x.startH % 3)) * HOUR : BASE + x.startH * HOUR;
                const key = round ? `slot${startAt}` : `${x.rule}${i}`;
                const dueAt = round
                  ? x.noDue
                    ? null
                    : startAt + HOUR
                  : x.noDue && x.rule === 'first-plan'
                    ? null
                    : startAt + x.lengthM * 60_000;
                const metAt = x.metH === undefined ? undefined : computedAt + x.metH * HOUR;
                const state: Obligation['state'] =
                  metAt !== undefined
                    ? dueAt === null || metAt <= dueAt
                      ? 'met'
                      : 'met-late'
                    : dueAt !== null && t >= dueAt
                      ? 'overdue'
                      : 'open';
                return {
                  id: `${cl.id}|${x.rule}|${key}`,
                  clientId: cl.id,
                  rule: x.rule,
                  key,
                  title: x.rule,
                  startAt,
                  dueAt,
                  state,
                  ...(metAt !== undefined ? { metAt } : {}),
                  ...(x.missing ? { missing: ['a', 'b'] } : {}),
                };
              }),
          }));
        const toPlan = (all: ClientObligations[]): PlanClient[] =>
          all.map((d) => ({ summary: summaryOf(d.client), obligations: d.obligations }));
        const cached = planCandidates({
          clients: toPlan(obligationsAt(computedAt)),
          settings,
          since: computedAt - DEFAULT_PAST_HORIZON,
        });
        const ids = cached.candidates.map((n) => n.id);
        const notified = Object.fromEntries(
          s.notifiedPick.filter(() => ids.length).map((k) => [ids[k % ids.length]!, computedAt]),
        );
        const snoozes = Object.fromEntries(
          s.snoozePick.filter(() => ids.length).map(([k, m]) => [ids[k % ids.length]!, computedAt + m * 60_000]),
        );
        for (const later of s.laterM) {
          const now = computedAt + later * 60_000;
          const fresh = obligationsAt(now);
          const full = planNotifications({ clients: toPlan(fresh), settings, now, notified, snoozes });
          expect(schedulePlan(cached.candidates, { now, notified, snoozes, settings })).toEqual(full);
          expect(overdueAt(cached, now)).toBe(overdueCount(buildAgenda(fresh, settings, now, null)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
