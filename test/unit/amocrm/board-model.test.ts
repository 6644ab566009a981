// The board's pure model: an entry per deal from the worker's view, the chip's text and tone, the
// column summary, which pipeline is the agency's, deals read in one batch, a dragged card's fact.
import { describe, expect, it } from 'vitest';
import { chipOf, overdueDeals } from '@/lib/amocrm/board/chip';
import { agencyPipelineOf, dealsFromLeads, isAgencyPipeline, moveEvent, pipelineOfColumns } from '@/lib/amocrm/board/deals';
import { boardEntryOf } from '@/lib/amocrm/board/entry';
import type { AmoLead } from '@/lib/amocrm/schemas';
import type { ClientView } from '@/lib/messaging/protocol';
import type { BoardEntry } from '@/lib/model/board';
import type { Obligation } from '@/lib/model/obligations';
import { defaultSettings } from '@/lib/playbook/settings';

const H = 3_600_000;
const M = 60_000;
const amo = defaultSettings.amocrm;
const NOW = Date.UTC(2026, 2, 11, 6, 0);

const ob = (p: Partial<Obligation>): Obligation => ({
  id: p.id ?? `${p.rule ?? 'first-contact'}|${p.key ?? ''}|${p.dueAt ?? ''}`,
  clientId: 'smmpro.amocrm.ru:1',
  rule: 'first-contact',
  key: p.rule ?? 'first-contact',
  title: 'Первый звонок',
  startAt: NOW - H,
  dueAt: null,
  state: 'open',
  ...p,
});

const view = (obligations: Obligation[]): ClientView =>
  ({
    client: { id: 'smmpro.amocrm.ru:1', leadId: 1 },
    stage: 'questionnaire',
    obligations,
    now: NOW,
  }) as unknown as ClientView;

const entry = (p: Partial<BoardEntry>): BoardEntry => ({ clientId: 'h:1', leadId: 1, stage: null, top: null, overdue: 0, ...p });

describe('boardEntryOf', () => {
  it('takes the most urgent open obligation: the longest overdue first, then the soonest due', () => {
    const e = boardEntryOf(
      view([
        ob({ rule: 'concept-call', title: 'Созвон по концепции', dueAt: NOW + 5 * H }),
        ob({ rule: 'first-post-72h', title: 'Первый пост', dueAt: NOW - 2 * H, state: 'overdue' }),
        ob({ rule: 'launch', title: 'Запуск', dueAt: NOW - 30 * M, state: 'overdue' }),
        ob({ rule: 'first-plan', title: 'Контент-план', dueAt: null }),
        ob({ rule: 'first-contact', title: 'Звонок', dueAt: NOW - 9 * H, state: 'met', metAt: NOW - 10 * H }),
      ]),
    );
    expect(e.top).toEqual({ rule: 'first-post-72h', title: 'Первый пост', dueAt: NOW - 2 * H, overdue: true, workingTime: true });
    expect(e.overdue).toBe(2);
    expect(e.leadId).toBe(1);
  });

  it('counts older missed occurrences of a recurring rule; nothing with a deadline → no top', () => {
    const daily = (day: number, state: Obligation['state']) =>
      ob({
        rule: 'daily-post',
        key: `d${day}`,
        title: 'Пост',
        startAt: NOW - day * 24 * H,
        dueAt: NOW - day * 24 * H + 20 * H,
        state,
      });
    expect(boardEntryOf(view([daily(3, 'overdue'), daily(2, 'overdue'), daily(0, 'open')])).overdue).toBe(2);
    expect(boardEntryOf(view([ob({ rule: 'first-plan', dueAt: null })])).top).toBeNull();
  });
});

describe('chipOf', () => {
  const top = (dueAt: number, workingTime = false) => ({
    rule: 'concept-call' as const,
    title: 'Созвон по концепции',
    dueAt,
    overdue: dueAt < NOW,
    workingTime,
  });

  it('green over an hour, amber under an hour, red «просрочено на …» past the deadline', () => {
    expect(chipOf(entry({ top: top(NOW + 3 * H + 5 * M) }), NOW, true, 'ru')).toMatchObject({ tone: 'calm', text: '3 ч 5 мин' });
    expect(chipOf(entry({ top: top(NOW + 45 * M) }), NOW, true, 'ru')).toMatchObject({ tone: 'warn', text: '45 мин' });
    expect(chipOf(entry({ top: top(NOW - 2 * H), overdue: 1 }), NOW, true, 'ru')).toMatchObject({
      tone: 'breach',
      text: 'просрочено на 2 ч',
    });
    expect(chipOf(entry({ top: top(NOW - 2 * H) }), NOW, true, 'en')?.text).toBe('overdue by 2 h');
  });

  it('⏸ for a working-time rule outside working hours, not once it is overdue', () => {
    expect(chipOf(entry({ top: top(NOW + 5 * H, true) }), NOW, false, 'ru')?.paused).toBe(true);
    expect(chipOf(entry({ top: top(NOW + 5 * H, true) }), NOW, true, 'ru')?.paused).toBe(false);
    expect(chipOf(entry({ top: top(NOW + 5 * H, false) }), NOW, false, 'ru')?.paused).toBe(false);
    expect(chipOf(entry({ top: top(NOW - 5 * H, true) }), NOW, false, 'ru')?.paused).toBe(false);
  });

  it('says everything in words: title, time, the pause, how many are overdue', () => {
    const chip = chipOf(entry({ top: top(NOW + 5 * H, true), overdue: 3 }), NOW, false, 'ru')!;
    expect(chip.label).toBe(
      'Reglament: Созвон по концепции. осталось 5 ч. часы стоят: нерабочее время. просрочено обязательств: 3',
    );
    expect(chip.title).toBe('Созвон по концепции');
    expect(chipOf(entry({}), NOW, true, 'ru')).toBeNull();
  });

  it('column summary: deals with anything overdue (a deadline passing on the board counts at once)', () => {
    const list = [
      entry({ overdue: 2, top: top(NOW - H) }),
      entry({ top: top(NOW - M) }),
      entry({ top: top(NOW + H) }),
      undefined,
    ];
    expect(overdueDeals(list, NOW)).toBe(2);
    expect(overdueDeals(list, NOW + 2 * H)).toBe(3);
  });
});

const columns = [
  { statusId: 10, name: 'Неразобранное' },
  { statusId: 11, name: 'Новый клиент' },
  { statusId: 12, name: 'Связались с клиентом' },
  { statusId: 13, name: 'Получена анкета' },
  { statusId: 14, name: 'Проект запущен' },
];

describe('the agency pipeline', () => {
  it('is the board showing the configured stages; a sales pipeline is not', () => {
    expect(isAgencyPipeline(columns, amo)).toBe(true);
    expect(
      isAgencyPipeline(
        [
          { statusId: 1, name: 'Первичный контакт' },
          { statusId: 2, name: 'Переговоры' },
        ],
        amo,
      ),
    ).toBe(false);
    expect(isAgencyPipeline([{ statusId: 1, name: 'связались  с клиентом' }], amo)).toBe(false);
  });

  it('among the account pipelines: by configured name, else by stages', () => {
    const sales = { id: 1, name: 'Продажи', isMain: true, statuses: [{ id: 1, name: 'Переговоры', sort: 10, type: 0 }] };
    const smm = pipelineOfColumns(columns, 2);
    expect(agencyPipelineOf([sales, { ...smm, name: 'Клиенты SMM' }], amo)?.id).toBe(2);
    expect(agencyPipelineOf([sales, smm], { ...amo, pipelineName: 'Продажи' })?.id).toBe(1);
  });
});

describe('deals read in one batch', () => {
  const lead = (id: number, statusId: number, extra: Partial<AmoLead> = {}): AmoLead => ({
    id,
    name: `Сделка ${id}`,
    price: 100000,
    responsibleUserId: 7,
    statusId,
    pipelineId: 2,
    createdAt: NOW - 30 * H,
    updatedAt: NOW - 3 * H,
    closedAt: null,
    lossReason: null,
    fields: [],
    contactIds: [],
    ...extra,
  });
  const ctx = { host: 'smmpro.amocrm.ru', pipeline: pipelineOfColumns(columns, 2), amo, timeZone: 'Asia/Almaty', now: NOW };

  it('maps deals of the board: a new deal from its creation, a stage as entered at the last update', () => {
    const [fresh, asked] = dealsFromLeads([lead(1, 11), lead(2, 13)], ctx);
    expect(fresh.client).toMatchObject({ id: 'smmpro.amocrm.ru:1', stageName: null });
    expect(fresh.events.map((e) => e.type)).toEqual(['deal-created']);
    expect(asked.client.stageName).toBe('Получена анкета');
    expect(asked.events.find((e) => e.type === 'stage')).toMatchObject({ stage: 'questionnaire', at: NOW - 3 * H });
  });

  it('skips deals of other pipelines (status ids the board does not show)', () => {
    expect(dealsFromLeads([lead(3, 999, { pipelineId: 9 })], ctx)).toEqual([]);
  });

  it('a card dragged into a stage column is that stage from now; other columns are no fact', () => {
    expect(moveEvent('smmpro.amocrm.ru', 5, columns[2], amo, NOW)).toEqual({
      id: `amo:board-move:5:12:${NOW}`,
      clientId: 'smmpro.amocrm.ru:5',
      type: 'stage',
      stage: 'contacted',
      at: NOW,
      source: 'amocrm',
    });
    expect(moveEvent('smmpro.amocrm.ru', 5, columns[1], amo, NOW)).toBeNull();
  });
});
