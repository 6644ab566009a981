import { describe, expect, it } from 'vitest';
import { BOM, csvField, monthCsv, parseCsv, toCsv } from '../../../lib/dashboard/csv';
import { agreementEvent, nextStates, planFor, planRanges, todayItem, validatePlan } from '../../../lib/dashboard/plans';
import type { DashboardMonth } from '../../../lib/dashboard/types';
import type { ContentPlan } from '../../../lib/model/plans';

describe('CSV format', () => {
  it('is UTF-8 with a BOM, «;»-separated, CRLF, quoting only what needs it', () => {
    const text = toCsv([
      ['Клиент', 'Сумма, ₸'],
      ['Кафе «Алтын»; Алматы', -4000],
      ['Он сказал "да"', null],
      ['две\nстроки', 0],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text).toBe(`${BOM}Клиент;Сумма, ₸\r\n"Кафе «Алтын»; Алматы";-4000\r\n"Он сказал ""да""";\r\n"две\nстроки";0\r\n`);
    expect(parseCsv(text)).toEqual([
      ['Клиент', 'Сумма, ₸'],
      ['Кафе «Алтын»; Алматы', '-4000'],
      ['Он сказал "да"', ''],
      ['две\nстроки', '0'],
    ]);
    expect(csvField('plain')).toBe('plain');
  });

  const data: DashboardMonth = {
    month: '2026-12',
    now: Date.parse('2027-01-05T07:00:00Z'),
    timeZone: 'Asia/Almaty',
    refundWindowDays: 10,
    team: { managers: [], best: null },
    bestConfirmed: null,
    clients: [{ id: 'h:1', name: 'Кафе; Алтын', managerId: 1, managerName: 'Айгерим' }],
    payroll: {
      month: '2026-12',
      bestManagerIds: [],
      managers: [
        {
          managerId: 1,
          managerName: 'Айгерим',
          clientSum: 10_000,
          total: 160_000,
          lines: [
            { kind: 'base', amount: 150_000, count: 1, clientIds: [], explanation: '' },
            { kind: 'renewals', amount: 10_000, count: 1, clientIds: ['h:1'], explanation: '' },
          ],
        },
      ],
    },
    record: [
      {
        obligationId: 'o1',
        clientId: 'h:1',
        clientName: 'Кафе; Алтын',
        managerId: 1,
        managerName: 'Айгерим',
        rule: 'daily-post',
        title: 'Пост в ленте за день',
        dueAt: Date.parse('2026-12-01T18:59:00Z'),
        startAt: 0,
        metAt: Date.parse('2026-12-01T20:30:00Z'),
        outcome: 'met-late',
        lateBy: 91 * 60_000,
      },
    ],
    weeks: [],
    calendar: { dates: [], rows: [] },
  };

  it('exports payroll lines, a total per manager, then the record with local times (Asia/Almaty)', () => {
    const rows = parseCsv(monthCsv(data, { locale: 'ru' }));
    expect(rows).toEqual([
      ['Месяц', '2026-12'],
      ['Менеджер', 'Статья', 'Количество', 'Сумма, ₸', 'Клиенты'],
      ['Айгерим', 'Оклад', '1', '150000', ''],
      ['Айгерим', 'Продления', '1', '10000', 'Кафе; Алтын'],
      ['Айгерим', 'Итого', '', '160000', ''],
      [''],
      ['Клиент', 'Менеджер', 'Правило', 'Обязательство', 'Срок', 'Выполнено', 'Итог', 'Опоздание, мин'],
      [
        'Кафе; Алтын',
        'Айгерим',
        'daily-post',
        'Пост в ленте за день',
        '2026-12-01 23:59',
        '2026-12-02 01:30',
        'С опозданием',
        '91',
      ],
    ]);
    expect(parseCsv(monthCsv(data, { locale: 'en' }))[4]).toEqual(['Айгерим', 'Total', '', '160000', '']);
    expect(parseCsv(monthCsv(data, { locale: 'ru', managerIds: [2], record: [] }))).toHaveLength(4);
  });
});

describe('content plans model', () => {
  it('splits a period into 9 + 9 + 12 days', () => {
    const [p1, p2, p3] = planRanges('2026-12-01', [9, 9, 12]);
    expect([p1!.dates[0], p1!.dates.at(-1), p2!.dates[0], p2!.dates.at(-1), p3!.dates[0], p3!.dates.at(-1)]).toEqual([
      '2026-12-01',
      '2026-12-09',
      '2026-12-10',
      '2026-12-18',
      '2026-12-19',
      '2026-12-30',
    ]);
    expect(p3!.dates).toHaveLength(12);
  });

  it('drafts a plan with a post a day and keeps stored days by date', () => {
    const range = planRanges('2026-12-01', [9, 9, 12])[0]!;
    const fresh = planFor(undefined, 'h:1', 1, range, 5);
    expect(fresh).toMatchObject({ state: 'drafting', planNo: 1, updatedAt: 5 });
    expect(fresh.days.every((d) => d.format === 'post' && d.topic === '')).toBe(true);
    const kept = planFor({ ...fresh, days: [{ date: '2026-12-03', format: 'reels', topic: 'Закулисье' }] }, 'h:1', 1, range, 9);
    expect(kept.days).toHaveLength(9);
    expect(kept.days[2]).toEqual({ date: '2026-12-03', format: 'reels', topic: 'Закулисье' });
  });

  it('moves drafting → sent → corrections → agreed, and agreeing records the engine’s tick', () => {
    expect(nextStates('drafting')).toEqual(['sent']);
    expect(nextStates('sent')).toEqual(['corrections', 'agreed']);
    const plan: ContentPlan = { clientId: 'h:1', periodStart: 0, planNo: 2, state: 'agreed', days: [], updatedAt: 0 };
    expect(agreementEvent(plan, 'sent', '2026-12-01', 7)).toEqual({
      clientId: 'h:1',
      at: 7,
      source: 'manager',
      item: 'plan-2-agreed',
      key: '2026-12-01',
      type: 'tick',
    });
    expect(agreementEvent({ ...plan, planNo: 1 }, 'corrections', '2026-12-01', 7)).toEqual({
      clientId: 'h:1',
      at: 7,
      source: 'manager',
      item: 'plan-1-agreed',
      type: 'tick',
    });
    expect(agreementEvent({ ...plan, state: 'corrections' }, 'agreed', '2026-12-01', 8)).toMatchObject({
      type: 'untick',
      item: 'plan-2-agreed',
    });
    expect(agreementEvent(plan, 'agreed', '2026-12-01', 8)).toBeNull();
  });

  it('finds today’s item in the most recently edited plan that covers today', () => {
    const a: ContentPlan = {
      clientId: 'h:1',
      periodStart: 0,
      planNo: 1,
      state: 'agreed',
      days: [{ date: '2026-12-03', format: 'carousel', topic: 'Новинки' }],
      updatedAt: 1,
    };
    const b: ContentPlan = {
      ...a,
      periodStart: 1,
      state: 'drafting',
      days: [{ date: '2026-12-03', format: 'post', topic: 'Отзыв' }],
      updatedAt: 2,
    };
    expect(todayItem([a, b], '2026-12-03', 'u')).toEqual({
      plan: { planNo: 1, state: 'drafting' },
      day: { date: '2026-12-03', format: 'post', topic: 'Отзыв' },
      editUrl: 'u',
    });
    expect(todayItem([a], '2026-12-04', 'u')).toBeNull();
  });

  it('validates plans from messages', () => {
    const ok = {
      clientId: 'smmpro.amocrm.ru:1',
      periodStart: Date.UTC(2026, 11, 1),
      planNo: 3,
      state: 'sent',
      days: [{ date: '2026-12-19', format: 'reels', topic: '' }],
      updatedAt: Date.UTC(2026, 11, 1),
    };
    expect(validatePlan(ok).ok).toBe(true);
    const bad = validatePlan({ ...ok, planNo: 4, extra: 1, days: [{ date: '2026-02-30', format: 'story', topic: 1 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.path)).toEqual([
        'plan.planNo',
        'plan.days[0].date',
        'plan.days[0].format',
        'plan.days[0].topic',
        'plan.extra',
      ]);
  });
});
