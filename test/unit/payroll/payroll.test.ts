import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../../lib/model/facts';
import { computePayroll, type PayrollClient, type PayrollReport } from '../../../lib/payroll';
import { defaultSettings, mergeSettings } from '../../../lib/playbook';

const kz = (s: string) => Date.parse(`${s}:00+05:00`);
let seq = 0;
function client(
  id: string,
  managerId: number,
  managerName: string,
  evs: Array<[ClientEvent['type'], string, Record<string, string>?]>,
) {
  const c: PayrollClient = { id, name: id, service: 'management', payer: 'individual', managerId, managerName };
  const events = evs.map(
    ([type, at, extra]) =>
      ({ id: `e${seq++}`, clientId: id, source: 'amocrm', type, at: kz(at), ...(extra ?? {}) }) as ClientEvent,
  );
  return { client: c, events };
}
/** Questionnaire at 12:00 and the first post at 12:00 (S) — in time for first-post-72h unless stated. */
const start = (q: string, s: string): Array<[ClientEvent['type'], string, Record<string, string>?]> => [
  ['stage', `${q}T12:00`, { stage: 'questionnaire' }],
  ['post', `${s}T12:00`],
];

// A team of three (all dates Almaty). Worked out by hand for December 2026:
const team = [
  // Айгуль (1): A1 renewed 12 Dec (+10 000); A2 first post late (fine; due Thu 3 Dec 12:00), kept past day 10 = 13 Dec (+2 000).
  client('A1', 1, 'Айгуль', [...start('2026-11-06', '2026-11-10'), ['payment', '2026-12-12T11:00']]),
  client('A2', 1, 'Айгуль', [...start('2026-11-30', '2026-12-04')]),
  // Бекзат (2): B1 refund on day 9 (9 Dec, −4 000); B2 refund on day 11 (kept: +2 000, no penalty);
  // B3 renewed 19 Nov (November), lost 20 Dec after two months (−5 000).
  client('B1', 2, 'Бекзат', [...start('2026-11-27', '2026-12-01'), ['refund', '2026-12-09T15:00']]),
  client('B2', 2, 'Бекзат', [...start('2026-11-27', '2026-12-01'), ['refund', '2026-12-11T12:00']]),
  client('B3', 2, 'Бекзат', [
    ...start('2026-10-16', '2026-10-20'),
    ['payment', '2026-11-19T12:00'],
    ['stage', '2026-12-20T12:00', { stage: 'lost' }],
  ]),
  // Дана (3): C1 renewed 5 Dec (+10 000); C2 kept past day 10 = 12 Dec (+2 000).
  client('C1', 3, 'Дана', [...start('2026-11-03', '2026-11-05'), ['payment', '2026-12-05T10:00']]),
  client('C2', 3, 'Дана', [...start('2026-12-01', '2026-12-03')]),
];
const now = kz('2026-12-31T23:00');

function lines(r: PayrollReport, name: string): Record<string, [number, string[]]> {
  const m = r.managers.find((x) => x.managerName === name)!;
  return Object.fromEntries(m.lines.map((l) => [l.kind, [l.amount, l.clientIds]]));
}
const total = (r: PayrollReport, name: string) => r.managers.find((x) => x.managerName === name)!.total;

describe('payroll, December 2026', () => {
  const settings = mergeSettings(defaultSettings, { motivation: { firstPostFine: 20_000 } });
  const r = computePayroll({ month: '2026-12', clients: team, settings, now });

  it('Айгуль: renewal + kept − fine + best (tie)', () => {
    expect(lines(r, 'Айгуль')).toEqual({
      base: [150_000, []],
      renewals: [10_000, ['A1']],
      losses: [0, []],
      refunds: [0, []],
      kept: [2_000, ['A2']],
      fines: [-20_000, ['A2']],
      'best-manager': [30_000, []],
    });
    expect(total(r, 'Айгуль')).toBe(150_000 + 10_000 + 2_000 - 20_000 + 30_000);
  });

  it('Бекзат: refund day 9 −4 000, refund day 11 counts as kept +2 000, loss −5 000', () => {
    expect(lines(r, 'Бекзат')).toMatchObject({
      renewals: [0, []],
      losses: [-5_000, ['B3']],
      refunds: [-4_000, ['B1']],
      kept: [2_000, ['B2']],
      fines: [0, []],
      'best-manager': [0, []],
    });
    expect(total(r, 'Бекзат')).toBe(143_000);
  });

  it('Дана: renewal + kept, ties Айгуль at 12 000 and both get the bonus', () => {
    expect(lines(r, 'Дана')).toMatchObject({ renewals: [10_000, ['C1']], kept: [2_000, ['C2']], 'best-manager': [30_000, []] });
    expect(total(r, 'Дана')).toBe(192_000);
    expect(r.bestManagerIds.sort()).toEqual([1, 3]);
    expect(r.managers.find((m) => m.managerName === 'Дана')!.clientSum).toBe(12_000);
  });

  it('fine amount not set: breach recorded at 0 ₸ with a note', () => {
    const r0 = computePayroll({ month: '2026-12', clients: team, settings: defaultSettings, now });
    const fines = r0.managers.find((m) => m.managerName === 'Айгуль')!.lines.find((l) => l.kind === 'fines')!;
    expect([fines.amount, fines.count, fines.clientIds]).toEqual([0, 1, ['A2']]);
    expect(fines.notes?.[0]).toContain('motivation.firstPostFine');
    expect(total(r0, 'Айгуль')).toBe(192_000);
  });
});

describe('payroll, November 2026 (items land in the month they happen)', () => {
  const r = computePayroll({ month: '2026-11', clients: team, settings: defaultSettings, now });
  it('B3 renewal and the day-10 bonuses of A1 and C1 fall in November; only Бекзат is best', () => {
    expect(lines(r, 'Бекзат')).toMatchObject({ renewals: [10_000, ['B3']], kept: [0, []], 'best-manager': [30_000, []] });
    expect(lines(r, 'Айгуль')).toMatchObject({ kept: [2_000, ['A1']], renewals: [0, []], 'best-manager': [0, []] });
    expect(lines(r, 'Дана')).toMatchObject({ kept: [2_000, ['C1']], 'best-manager': [0, []] });
    expect(total(r, 'Бекзат')).toBe(190_000);
  });

  it('a month in progress counts nothing dated after now', () => {
    const early = computePayroll({ month: '2026-12', clients: team, settings: defaultSettings, now: kz('2026-12-10T12:00') });
    expect(lines(early, 'Бекзат')).toMatchObject({ refunds: [-4_000, ['B1']], kept: [0, []], losses: [0, []] });
    expect(lines(early, 'Айгуль')).toMatchObject({ renewals: [0, []] });
  });

  it('a loss reason with «Возврат» marks a refund', () => {
    const c = client('D1', 4, 'Ерлан', [...start('2026-11-27', '2026-12-01'), ['stage', '2026-12-05T12:00', { stage: 'lost' }]]);
    c.client.lossReason = 'Возврат денег: не понравилась концепция';
    const r2 = computePayroll({ month: '2026-12', clients: [c], settings: defaultSettings, now });
    expect(lines(r2, 'Ерлан')).toMatchObject({ refunds: [-4_000, ['D1']], kept: [0, []] });
    expect(() => computePayroll({ month: '2026-13', clients: [], settings: defaultSettings, now })).toThrow(/YYYY-MM/);
  });
});
