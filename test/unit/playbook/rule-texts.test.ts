// Texts that state a rule («за 3 рабочих дня», «раз в 3 дня», «в 11:00 и 19:00», stage and
// field names) are filled from settings: a changed setting changes every text that states it.
import { describe, expect, it } from 'vitest';
import { planCandidates } from '../../../lib/alarms/planner';
import { lineLabel } from '../../../lib/dashboard/csv';
import type { Obligation } from '../../../lib/model/obligations';
import { computePayroll } from '../../../lib/payroll/compute-payroll';
import { itemTitle, RULE_IDS, RULES, ruleSummaryOf, ruleTitleOf } from '../../../lib/playbook/rules';
import { defaultSettings, mergeSettings, type DeepPartial, type Settings } from '../../../lib/playbook/settings';
import { summaryOf } from '../../../lib/worker/summary';
import { almaty, client } from '../worker/helpers';

const custom = (patch: DeepPartial<Settings>) => mergeSettings(defaultSettings, patch);

describe('rule texts follow settings', () => {
  it('the defaults read as the playbook states them', () => {
    expect(ruleTitleOf('first-post-72h', defaultSettings)).toBe('Первая публикация за 3 рабочих дня');
    expect(ruleTitleOf('first-post-72h', defaultSettings, 'en')).toBe('First post within 3 working days');
    expect(ruleTitleOf('content-plan-2', defaultSettings)).toBe('Контент-план на следующие 9 дней');
    expect(ruleTitleOf('content-plan-3', defaultSettings)).toBe('Контент-план на оставшиеся 12 дней');
    expect(ruleSummaryOf('stories', defaultSettings)).toContain('не реже раза в 3 дня.');
    expect(ruleSummaryOf('engagement-round', defaultSettings)).toContain('В 11:00 и 19:00');
    expect(ruleSummaryOf('renewal-contact', defaultSettings)).toContain('За 3 дня до конца');
    expect(ruleSummaryOf('first-contact', defaultSettings)).toContain('в течение 60 мин');
  });

  it('no placeholder is left unfilled in any title, summary or item', () => {
    for (const rule of RULE_IDS) {
      const texts = [
        ruleTitleOf(rule, defaultSettings),
        ruleTitleOf(rule, defaultSettings, 'en'),
        ruleSummaryOf(rule, defaultSettings),
      ];
      for (const def of RULES[rule].items)
        for (const service of ['management', 'complex'] as const)
          texts.push(itemTitle(def, service, defaultSettings)?.title ?? '');
      for (const text of texts) expect(text, rule).not.toMatch(/\{[A-Za-z]/);
    }
  });

  it('a changed setting changes the texts that state it', () => {
    const s = custom({
      newClients: { firstPostWorkingDays: 5, conceptCallHours: 48 },
      currentClients: {
        storiesEveryDays: 2,
        planLengths: [10, 10, 10],
        engagementSlots: ['10:30', '15:00', '21:00'],
        lostAfterDays: 1,
      },
      amocrm: {
        stageNames: { lost: 'Отказ', launched: 'В работе' },
        fieldNames: { startDate: 'Старт' },
        serviceValues: { complex: 'Комплекс' },
      },
    });
    expect(ruleTitleOf('first-post-72h', s)).toBe('Первая публикация за 5 рабочих дней');
    expect(ruleTitleOf('content-plan-3', s, 'en')).toBe('Content plan for the remaining 10 days');
    expect(ruleSummaryOf('stories', s)).toContain('не реже раза в 2 дня.');
    expect(ruleSummaryOf('engagement-round', s)).toContain('В 10:30, 15:00 и 21:00');
    expect(ruleSummaryOf('concept-call', s)).toContain('За 48 часов');
    expect(ruleSummaryOf('lost-deadline', s)).toContain('через 1 день после конца периода');
    expect(ruleSummaryOf('lost-deadline', s)).toContain('«Отказ»');
    const launch = RULES.launch.items.map((d) => itemTitle(d, 'management', s)!.title);
    expect(launch).toContain('Поставить статус «В работе»');
    expect(launch).toContain('Заполнить поле «Старт»');
    expect(itemTitle(RULES['renewal-contact'].items[0]!, 'complex', s)!.title).toBe('Комплекс: клиенту не звонить');
  });

  it('the dashboard and the payroll name the refund window and the first-post rule from settings', () => {
    expect(lineLabel('ru', 'refunds', 10)).toBe('Возвраты в первые 10 дней');
    expect(lineLabel('ru', 'kept', 14)).toBe('Без возврата после 14 дней');
    expect(lineLabel('en', 'refunds', 14)).toBe('Refunds within 14 days');
    const s = custom({ newClients: { firstPostWorkingDays: 2 }, motivation: { refundWindowDays: 14 } });
    const report = computePayroll({
      month: '2026-12',
      settings: s,
      now: almaty('2026-12-31T12:00'),
      clients: [{ client: { ...client(1), managerId: 1 }, events: [] }],
    });
    const lines = report.managers[0]!.lines;
    expect(lines.find((l) => l.kind === 'refunds')!.explanation).toContain('в первые 14 дней');
    expect(lines.find((l) => l.kind === 'fines')!.explanation).toContain('«Первая публикация за 2 рабочих дня»');
  });

  it('notifications name the renewal window, the stage and the ad manager from settings', () => {
    const c = client(1);
    const s = custom({
      currentClients: { renewalContactDaysBefore: 5, lostAfterDays: 2 },
      amocrm: { stageNames: { lost: 'Отказ' } },
      people: { adManager: 'Асель' },
    });
    const ob = (rule: Obligation['rule'], startAt: number, dueAt: number): Obligation => ({
      id: `${c.id}|${rule}|k`,
      clientId: c.id,
      rule,
      key: 'k',
      title: rule,
      startAt,
      dueAt,
      state: 'open',
    });
    const { candidates } = planCandidates({
      clients: [
        {
          summary: { ...summaryOf(c), service: 'complex' },
          obligations: [
            ob('renewal-contact', almaty('2026-12-15T00:00'), almaty('2026-12-20T20:00')),
            ob('lost-deadline', almaty('2026-12-20T00:00'), almaty('2026-12-22T00:00')),
          ],
        },
      ],
      settings: s,
    });
    const renewal = candidates.find((n) => n.kind === 'renewal')!;
    expect(renewal.title).toContain('продление через 5 дн.');
    expect(renewal.message).toContain('(Асель)');
    expect(candidates.find((n) => n.kind === 'lost')!.message).toContain('«Отказ»');
  });
});

describe('templates read right for any name', () => {
  it('the complex-service note names the growth specialist without declining the name', () => {
    const def = RULES['concept-call'].items.find((i) => i.id === 'growth-started')!;
    for (const name of ['Иван', 'Мария', 'Айдар Нурланович'])
      expect(itemTitle(def, 'complex', custom({ people: { growthSpecialist: name } }))).toEqual({
        title: `Комплексное продвижение: писать специалисту по набору подписчиков (${name}) ничего не нужно`,
        info: true,
      });
  });
});
