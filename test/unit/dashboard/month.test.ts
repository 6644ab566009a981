// The month's figures for a seeded team, each worked out by hand (lib/payroll's own tests cover
// its rules; these check what the dashboard aggregates and shows).
import { describe, expect, it } from 'vitest';
import { buildDashboardMonth, filterRecord, weeklyBars } from '../../../lib/dashboard/month';
import type { RecordRow } from '../../../lib/dashboard/types';
import type { Client, ClientEvent } from '../../../lib/model/facts';
import { defaultSettings } from '../../../lib/playbook/settings';
import { withEventId } from '../../../lib/store/ids';
import { DAY } from '../../../lib/calendar/time';

const almaty = (iso: string) => Date.parse(`${iso}+05:00`);

const managers = { A: [1, 'Айгерим'], B: [2, 'Данияр'], C: [3, 'Мария'] } as const;

function client(n: number, m: keyof typeof managers): Client {
  return {
    id: `smmpro.amocrm.ru:${n}`,
    host: 'smmpro.amocrm.ru',
    leadId: n,
    name: `Клиент ${n}`,
    service: 'management',
    payer: 'individual',
    managerId: managers[m][0],
    managerName: managers[m][1],
    instagram: `c${n}`,
    credentialsFilled: true,
    stageName: null,
    updatedAt: 0,
  };
}

/** A client whose first post (S) is on `s`: deal two days before, questionnaire at 11:00 on S, post at 12:00. */
function started(
  c: Client,
  s: string,
  extra: Array<[ClientEvent['type'], string, Record<string, unknown>?]> = [],
): ClientEvent[] {
  const S = almaty(`${s}T00:00`);
  const list = [
    { type: 'deal-created', at: S - 2 * DAY + 11 * 3_600_000 },
    { type: 'stage', stage: 'contacted', at: S - 2 * DAY + 11.5 * 3_600_000 },
    { type: 'stage', stage: 'questionnaire', at: almaty(`${s}T11:00`) },
    { type: 'post', shortcode: `p${c.leadId}`, at: almaty(`${s}T12:00`) },
    ...extra.map(([type, at, more]) => ({ type, at: almaty(at), ...more })),
  ];
  return list.map((e) => withEventId({ clientId: c.id, source: 'amocrm', ...e } as never)).sort((a, b) => a.at - b.at);
}

// Manager A: c1 renewed 5 Dec (+10 000); c2 started 1 Dec, kept past day 10 (+2 000); c3 refund on day 9 (−4 000).
// Manager B: c4 refund on day 11 — outside the window, so it counts as kept (+2 000) and is no loss (< 30 days);
//            c5 lost on 15 Dec after two months of service (−5 000).
// Manager C: c6 and c7 renewed in December (+20 000); c8 kept (+2 000) → best manager (+30 000).
const team: Array<{ client: Client; events: ClientEvent[] }> = [
  { client: client(1, 'A'), events: started(client(1, 'A'), '2026-11-05', [['payment', '2026-12-05T10:00']]) },
  { client: client(2, 'A'), events: started(client(2, 'A'), '2026-12-01') },
  { client: client(3, 'A'), events: started(client(3, 'A'), '2026-12-02', [['refund', '2026-12-10T15:00']]) },
  { client: client(4, 'B'), events: started(client(4, 'B'), '2026-12-03', [['refund', '2026-12-13T12:00']]) },
  {
    client: client(5, 'B'),
    events: started(client(5, 'B'), '2026-10-20', [
      ['payment', '2026-11-19T10:00'],
      ['stage', '2026-12-15T10:00', { stage: 'lost' }],
    ]),
  },
  { client: client(6, 'C'), events: started(client(6, 'C'), '2026-11-01', [['payment', '2026-12-01T10:00']]) },
  { client: client(7, 'C'), events: started(client(7, 'C'), '2026-11-03', [['payment', '2026-12-03T10:00']]) },
  { client: client(8, 'C'), events: started(client(8, 'C'), '2026-12-05') },
];

const now = almaty('2027-01-05T12:00');
const month = buildDashboardMonth({
  month: '2026-12',
  clients: team.map((t) => t.client),
  events: new Map(team.map((t) => [t.client.id, t.events])),
  plans: [],
  settings: defaultSettings,
  now,
});
const byName = (name: string) => month.payroll.managers.find((m) => m.managerName === name)!;
const line = (name: string, kind: string) => byName(name).lines.find((l) => l.kind === kind)!;

describe('dashboard month of a seeded team (December 2026)', () => {
  it('Айгерим: 150 000 + 10 000 (c1 renewed) + 2 000 (c2 kept) − 4 000 (c3 refund on day 9) = 158 000', () => {
    expect(line('Айгерим', 'base').amount).toBe(150_000);
    expect(line('Айгерим', 'renewals')).toMatchObject({ amount: 10_000, clientIds: ['smmpro.amocrm.ru:1'] });
    expect(line('Айгерим', 'kept')).toMatchObject({ amount: 2_000, clientIds: ['smmpro.amocrm.ru:2'] });
    expect(line('Айгерим', 'refunds')).toMatchObject({ amount: -4_000, clientIds: ['smmpro.amocrm.ru:3'] });
    expect(line('Айгерим', 'losses').amount).toBe(0);
    expect(line('Айгерим', 'best-manager').amount).toBe(0);
    expect(byName('Айгерим').total).toBe(158_000);
  });

  it('Данияр: the refund on day 11 is no refund (kept +2 000), c5 lost after two months (−5 000) → 147 000', () => {
    expect(line('Данияр', 'refunds').amount).toBe(0);
    expect(line('Данияр', 'kept')).toMatchObject({ amount: 2_000, clientIds: ['smmpro.amocrm.ru:4'] });
    expect(line('Данияр', 'losses')).toMatchObject({ amount: -5_000, clientIds: ['smmpro.amocrm.ru:5'] });
    expect(byName('Данияр').total).toBe(147_000);
  });

  it('Мария: two renewals (+20 000), c8 kept (+2 000), best manager (+30 000) → 202 000', () => {
    expect(line('Мария', 'renewals')).toMatchObject({ amount: 20_000, count: 2 });
    expect(line('Мария', 'kept').amount).toBe(2_000);
    expect(line('Мария', 'best-manager').amount).toBe(30_000);
    expect(byName('Мария').total).toBe(202_000);
    expect(month.payroll.bestManagerIds).toEqual([3]);
  });

  it('nobody is fined: every first post came an hour after the questionnaire', () => {
    for (const m of month.payroll.managers) expect(m.lines.find((l) => l.kind === 'fines')!.count).toBe(0);
  });

  it('the record holds the month’s obligations with outcomes, filterable by client, rule and manager', () => {
    const firstPost = filterRecord(month.record, { rule: 'first-post-72h' });
    // Questionnaires on 1, 2, 3 and 5 December: their 3-working-day deadlines fall in December.
    expect(firstPost.map((r) => r.clientName).sort()).toEqual(['Клиент 2', 'Клиент 3', 'Клиент 4', 'Клиент 8']);
    expect(firstPost.every((r) => r.outcome === 'met' && r.lateBy === null)).toBe(true);
    // Daily posts: only the first day had a post, so c2's other December days are missed.
    const c2Posts = filterRecord(month.record, { clientId: 'smmpro.amocrm.ru:2', rule: 'daily-post' });
    expect(c2Posts.find((r) => r.outcome === 'met')).toBeDefined();
    expect(c2Posts.filter((r) => r.outcome === 'missed').length).toBeGreaterThan(20);
    const maria = filterRecord(month.record, { managerId: 3 });
    expect(new Set(maria.map((r) => r.clientId))).toEqual(
      new Set(['smmpro.amocrm.ru:6', 'smmpro.amocrm.ru:7', 'smmpro.amocrm.ru:8']),
    );
    expect(
      month.record.every((r) => r.dueAt === null || new Date(r.dueAt + 5 * 3_600_000).toISOString().startsWith('2026-12')),
    ).toBe(true);
  });

  it('weekly bars cover the month Monday to Sunday and add up to the record’s kept and missed', () => {
    expect(month.weeks.map((w) => [w.from, w.to])).toEqual([
      ['2026-12-01', '2026-12-06'],
      ['2026-12-07', '2026-12-13'],
      ['2026-12-14', '2026-12-20'],
      ['2026-12-21', '2026-12-27'],
      ['2026-12-28', '2026-12-31'],
    ]);
    const kept = month.record.filter((r) => r.outcome === 'met').length;
    const missed = month.record.filter((r) => r.outcome === 'met-late' || r.outcome === 'missed').length;
    expect(month.weeks.reduce((s, w) => s + w.kept, 0)).toBe(kept);
    expect(month.weeks.reduce((s, w) => s + w.missed, 0)).toBe(missed);
  });
});

describe('weeklyBars', () => {
  it('counts met as kept, late and overdue as missed, and skips open ones', () => {
    const row = (date: string, outcome: RecordRow['outcome']): RecordRow => ({
      obligationId: `${date}|${outcome}`,
      clientId: 'x:1',
      clientName: 'X',
      managerId: 1,
      managerName: 'A',
      rule: 'daily-post',
      title: '',
      dueAt: almaty(`${date}T23:59`),
      startAt: almaty(`${date}T00:00`),
      metAt: null,
      outcome,
      lateBy: null,
    });
    const local = (t: number) => new Date(t + 5 * 3_600_000).toISOString().slice(0, 10);
    const weeks = weeklyBars(
      '2026-12',
      [
        row('2026-12-01', 'met'),
        row('2026-12-06', 'met-late'),
        row('2026-12-07', 'missed'),
        row('2026-12-31', 'open'),
        row('2026-11-30', 'met'),
      ],
      local,
    );
    expect(weeks[0]).toMatchObject({ kept: 1, missed: 1 });
    expect(weeks[1]).toMatchObject({ kept: 0, missed: 1 });
    expect(weeks[4]).toMatchObject({ kept: 0, missed: 0 });
  });
});
