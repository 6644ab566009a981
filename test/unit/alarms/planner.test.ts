import { describe, expect, it } from 'vitest';
import { planNotifications, type PlanClient } from '../../../lib/alarms/planner';
import type { Obligation } from '../../../lib/model/obligations';
import { defaultSettings } from '../../../lib/playbook/settings';
import { summaryOf } from '../../../lib/worker/summary';
import { almaty, client } from '../worker/helpers';

const c = client(1);
const ob = (rule: Obligation['rule'], key: string, startAt: number, dueAt: number, state: Obligation['state'] = 'open'): Obligation => ({
  id: `${c.id}|${rule}|${key}`, clientId: c.id, rule, key, title: rule, startAt, dueAt, state,
});
const plan = (obligations: Obligation[], now: number, extra: { notified?: Record<string, number>; snoozes?: Record<string, number> } = {}) =>
  planNotifications({ clients: [{ summary: summaryOf(c), obligations } as PlanClient], settings: defaultSettings, now, notified: extra.notified ?? {}, snoozes: extra.snoozes ?? {} });

describe('alarm planner', () => {
  const contact = ob('first-contact', 'first-contact', almaty('2026-12-07T10:30'), almaty('2026-12-07T11:30'));

  it('warns before an hour rule and wakes at the earliest pending time', () => {
    const p = plan([contact], almaty('2026-12-07T10:31'));
    expect(p.due).toEqual([]);
    expect(p.upcoming.map((n) => [n.kind, n.at])).toEqual([['warning', almaty('2026-12-07T11:15')], ['breach', almaty('2026-12-07T11:30')]]);
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
    expect(q.upcoming.map((n) => [n.kind, n.at])).toEqual([['breach', almaty('2026-12-08T02:00')], ['warning', almaty('2026-12-08T10:00')]]);
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
    expect(p.upcoming[1].text().message).toContain('@client1');
  });

  it('says nothing about met obligations or occurrences older than the horizon', () => {
    expect(plan([{ ...contact, state: 'met' }], almaty('2026-12-07T11:16')).upcoming).toEqual([]);
    expect(plan([contact], almaty('2026-12-12T11:16')).due).toEqual([]);
  });
});
