import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings } from '../../../lib/playbook';
import { clientPhase, computeObligations, periodOf } from '../../../lib/sla';
import { events, find, iso, kz } from './helpers';

const mgmt = { id: 'c1', service: 'management' as const, payer: 'individual' as const };
const complex = { id: 'c2', service: 'complex' as const, payer: 'legal' as const };

describe('first-contact', () => {
  it.each([
    ['paid at 19:30 (inside hours) → +1 h', '2026-12-01T19:30', '2026-12-01T20:30:00+05:00'],
    ['paid at 20:05 → next day 11:00', '2026-12-01T20:05', '2026-12-02T11:00:00+05:00'],
    ['paid at 03:10 → same day 11:00', '2026-12-02T03:10', '2026-12-02T11:00:00+05:00'],
    ['paid Saturday 12:00 → Saturday 13:00 (weekends do not change it)', '2026-12-05T12:00', '2026-12-05T13:00:00+05:00'],
    ['paid Friday 22:00 → Saturday 11:00', '2026-12-04T22:00', '2026-12-05T11:00:00+05:00'],
  ])('%s', (_n, created, due) => {
    const o = find(
      computeObligations(
        mgmt,
        events('c1', [{ type: 'deal-created', at: created }]),
        defaultSettings,
        kz('2026-12-01T00:00') + 10 * 86_400_000,
      ),
      'first-contact',
    );
    expect(iso(o.dueAt)).toBe(due);
    expect(o.state).toBe('overdue');
  });

  it('is met by any later stage, late when after the deadline', () => {
    const ev = events('c1', [
      { type: 'deal-created', at: '2026-12-01T12:00' },
      { type: 'stage', stage: 'questionnaire', at: '2026-12-01T13:30' },
    ]);
    const o = find(computeObligations(mgmt, ev, defaultSettings, kz('2026-12-02T12:00')), 'first-contact');
    expect([o.state, iso(o.metAt)]).toEqual(['met-late', '2026-12-01T13:30:00+05:00']);
  });
});

describe('first-post-72h: questionnaire day', () => {
  it.each([
    ['on a Friday 15:00 → Wednesday 15:00', '2026-12-04T15:00', '2026-12-09T15:00:00+05:00'],
    ['on a Saturday 14:00 → Thursday 10:00', '2026-12-05T14:00', '2026-12-10T10:00:00+05:00'],
    ['before the 16 December holiday (Fri 11th) → Thursday 17th', '2026-12-11T15:00', '2026-12-17T15:00:00+05:00'],
    ['across New Year (Wed 30 Dec) → Wed 6 Jan', '2026-12-30T15:00', '2027-01-06T15:00:00+05:00'],
    ['at 21:00 on a weekday → counted from next morning', '2026-12-07T21:00', '2026-12-11T10:00:00+05:00'],
  ])('%s', (_n, q, due) => {
    const list = computeObligations(
      mgmt,
      events('c1', [{ type: 'stage', stage: 'questionnaire', at: q }]),
      defaultSettings,
      kz(q) + 3600_000,
    );
    const o = find(list, 'first-post-72h');
    expect(iso(o.dueAt)).toBe(due);
    expect(o.state).toBe('open');
    expect(iso(find(list, 'launch').dueAt)).toBe(due);
    // concept-call is 24 clock hours, whatever the day.
    expect(find(list, 'concept-call').dueAt).toBe(kz(q) + 24 * 3600_000);
  });

  it('records a breach when the first post comes late', () => {
    const ev = events('c1', [
      { type: 'stage', stage: 'questionnaire', at: '2026-12-04T15:00' },
      { type: 'post', at: '2026-12-09T15:01' },
    ]);
    expect(find(computeObligations(mgmt, ev, defaultSettings, kz('2026-12-10T00:00')), 'first-post-72h').state).toBe('met-late');
  });
});

describe('concept-call checklist', () => {
  const base = [
    { type: 'stage', stage: 'questionnaire', at: '2026-12-07T11:00' },
    { type: 'tick', item: 'concept-draft', at: '2026-12-07T15:00' },
    { type: 'tick', item: 'references', value: '@one @two', at: '2026-12-07T15:10' },
    { type: 'tick', item: 'concept-agreed', at: '2026-12-07T16:00' },
    { type: 'tick', item: 'materials-requested', at: '2026-12-07T16:05' },
  ] as const;

  it('complex: met without growth-started, which shows as info', () => {
    const ev = events('c2', [...base, { type: 'tick', item: 'references', value: '@one, @two, @three', at: '2026-12-07T17:00' }]);
    const o = find(computeObligations(complex, ev, defaultSettings, kz('2026-12-09T12:00')), 'concept-call');
    expect([o.state, iso(o.metAt)]).toEqual(['met', '2026-12-07T17:00:00+05:00']);
    expect(o.items?.find((i) => i.id === 'growth-started')).toMatchObject({ info: true, done: true });
  });

  it('management: needs growth-started and three references; an untick cancels a tick', () => {
    const ev = events('c1', [
      ...base,
      { type: 'tick', item: 'growth-started', at: '2026-12-07T16:10' },
      { type: 'untick', item: 'concept-agreed', at: '2026-12-07T16:20' },
    ]);
    const o = find(computeObligations(mgmt, ev, defaultSettings, kz('2026-12-09T12:00')), 'concept-call');
    expect(o.state).toBe('overdue');
    expect(o.items?.filter((i) => !i.done).map((i) => i.id)).toEqual(['references', 'concept-agreed']);
    expect(o.missing).toContain('Аккаунтов-референсов нужно: 3, указано: 2');
  });
});

describe('checklist item values', () => {
  it("the reference accounts are the latest active tick's value, kept even while too few; gone after an untick", () => {
    const q = { type: 'stage', stage: 'questionnaire', at: '2026-12-07T11:00' } as const;
    const refs = (list: Parameters<typeof events>[1]) =>
      find(
        computeObligations(mgmt, events('c1', [q, ...list]), defaultSettings, kz('2026-12-07T18:00')),
        'concept-call',
      ).items!.find((i) => i.id === 'references')!;
    expect(refs([]).value).toBeUndefined();
    const few = refs([{ type: 'tick', item: 'references', value: '@one @two', at: '2026-12-07T15:10' }]);
    expect([few.done, few.value]).toEqual([false, '@one @two']);
    const three = [
      { type: 'tick', item: 'references', value: '@one @two', at: '2026-12-07T15:10' },
      { type: 'tick', item: 'references', value: 'zhanna_cakes, fitzone_astana, nomad_tours.kz', at: '2026-12-07T15:20' },
    ] as const;
    expect(refs([...three])).toMatchObject({
      done: true,
      value: 'zhanna_cakes, fitzone_astana, nomad_tours.kz',
      doneAt: kz('2026-12-07T15:20'),
    });
    // An untick cancels the latest tick: the one before it is active again.
    expect(refs([...three, { type: 'untick', item: 'references', at: '2026-12-07T15:30' }])).toMatchObject({
      done: false,
      value: '@one @two',
    });
    expect(
      find(computeObligations(mgmt, events('c1', [q]), defaultSettings, kz('2026-12-07T18:00')), 'concept-call').items!.every(
        (i) => i.id === 'references' || i.value === undefined,
      ),
    ).toBe(true);
  });
});

describe('periods, plans and renewal', () => {
  const life = (extra: Parameters<typeof events>[1] = []) =>
    events('c1', [
      { type: 'deal-created', at: '2026-11-25T12:00' },
      { type: 'stage', stage: 'contacted', at: '2026-11-25T12:30' },
      { type: 'stage', stage: 'questionnaire', at: '2026-11-26T12:00' },
      { type: 'post', at: '2026-11-29T12:00' }, // Sunday: S = 29 Nov, E = 29 Dec
      ...extra,
    ]);

  it('plan cycles starting on a weekend move to Monday 10:00', () => {
    const list = computeObligations(mgmt, life(), defaultSettings, kz('2026-12-20T12:00'));
    const p2 = find(list, 'content-plan-2');
    expect([p2.key, iso(p2.startAt), iso(p2.dueAt), p2.state]).toEqual([
      '2026-11-29',
      '2026-12-05T10:00:00+05:00',
      '2026-12-10T10:00:00+05:00',
      'overdue',
    ]);
    expect(iso(find(list, 'content-plan-3').dueAt)).toBe('2026-12-18T10:00:00+05:00');
    expect(periodOf(mgmt, life(), defaultSettings, kz('2026-12-05T12:00'))).toMatchObject({
      index: 1,
      day: 7,
      length: 30,
      startDate: '2026-11-29',
      lastDate: '2026-12-28',
    });
  });

  it('start-date-field mode takes «Дата начала обслуживания» over the first post', () => {
    const s = mergeSettings(defaultSettings, { currentClients: { firstPeriodStart: 'start-date-field' } });
    const ev = life([{ type: 'start-date', date: '2026-11-30', at: '2026-11-29T13:00' }]);
    expect(periodOf(mgmt, ev, s, kz('2026-12-05T12:00'))?.startDate).toBe('2026-11-30');
    expect(periodOf(mgmt, ev, defaultSettings, kz('2026-12-05T12:00'))?.startDate).toBe('2026-11-29');
  });

  it('a renewal: payment opens period 2 with S = payment day', () => {
    const ev = life([
      { type: 'call-recording', at: '2026-12-26T12:00' },
      { type: 'stage', stage: 'notice-sent', at: '2026-12-26T12:30' },
      { type: 'payment', at: '2026-12-30T16:00' },
    ]);
    const now = kz('2027-01-02T12:00');
    const list = computeObligations(mgmt, ev, defaultSettings, now);
    expect(find(list, 'renewal-contact', '2026-11-29')).toMatchObject({ state: 'met', dueAt: kz('2026-12-26T20:00') });
    expect(find(list, 'renewal-outcome', '2026-11-29').state).toBe('met');
    expect(find(list, 'lost-deadline', '2026-11-29')).toMatchObject({ state: 'met', metAt: kz('2026-12-30T16:00') });
    expect(list.filter((o) => o.rule === 'daily-post' && o.key === '2026-12-29')).toHaveLength(0); // E = 29 Dec, unpaid gap
    expect(find(list, 'daily-post', '2026-12-30').state).toBe('overdue');
    // Plan 2 of period 2: 30 Dec + 6 = Tue 5 Jan 10:00; +3 working days, 7 Jan is a holiday: 6, 8, 11 Jan.
    expect(iso(find(list, 'content-plan-2', '2026-12-30').dueAt)).toBe('2027-01-11T10:00:00+05:00');
    expect(periodOf(mgmt, ev, defaultSettings, now)).toMatchObject({ index: 2, day: 4, startDate: '2026-12-30' });
    expect(clientPhase(mgmt, ev, defaultSettings, now)).toBe('current');
  });

  it('complex renewal-contact asks the ad manager instead of a call', () => {
    const ev = life([{ type: 'tick', item: 'ad-manager-asked', key: '2026-11-29', at: '2026-12-27T11:00' }]);
    const o = find(computeObligations(complex, ev, defaultSettings, kz('2026-12-27T12:00')), 'renewal-contact');
    expect([o.state, iso(o.metAt)]).toEqual(['met-late', '2026-12-27T11:00:00+05:00']);
    expect(o.items?.find((i) => i.id === 'renewal-call-recorded')?.info).toBe(true);
    expect(clientPhase(complex, ev, defaultSettings, kz('2026-12-27T12:00'))).toBe('renewal');
  });

  it('unpaid after E + 7 days: lost-deadline overdue', () => {
    const list = computeObligations(mgmt, life(), defaultSettings, kz('2027-01-06T00:00'));
    expect(find(list, 'lost-deadline')).toMatchObject({ state: 'overdue', dueAt: kz('2027-01-05T00:00') });
  });

  it.each([
    ['day 9', '2026-12-07T12:00', 8],
    ['day 11', '2026-12-09T12:00', 10],
  ])('a refund on %s ends the client: nothing new after it', (_n, at, daysBefore) => {
    const ev = life([{ type: 'refund', at }]);
    const now = kz('2026-12-20T12:00');
    const list = computeObligations(mgmt, ev, defaultSettings, now);
    const posts = list.filter((o) => o.rule === 'daily-post');
    expect(posts).toHaveLength(daysBefore); // only days before the refund day still count as breaches
    expect(list.some((o) => o.rule === 'content-plan-3' || o.rule === 'renewal-contact' || o.rule === 'lost-deadline')).toBe(
      false,
    );
    expect(clientPhase(mgmt, ev, defaultSettings, now)).toBe('lost');
  });

  it('ids are clientId|rule|key and unique', () => {
    const list = computeObligations(mgmt, life(), defaultSettings, kz('2026-12-20T12:00'));
    for (const o of list) expect(o.id).toBe(`c1|${o.rule}|${o.key}`);
    expect(new Set(list.map((o) => o.id)).size).toBe(list.length);
  });

  it('recurring occurrences stop at now + 1 day; future events are ignored', () => {
    const ev = life([{ type: 'post', at: '2026-12-05T12:00' }]);
    const list = computeObligations(mgmt, ev, defaultSettings, kz('2026-12-03T12:00'));
    const days = list.filter((o) => o.rule === 'daily-post').map((o) => o.key);
    expect(days.at(-1)).toBe('2026-12-04');
    expect(list.filter((o) => o.rule === 'engagement-round').at(-1)?.key).toBe('2026-12-04T11:00');
  });
});
