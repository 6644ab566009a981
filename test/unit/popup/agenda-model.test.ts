// The popup's pure helpers (components/popup/agenda-model.ts): grouping, what is tickable, where a row opens, what the first screen counts.
import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaEntry, ClientSummary, Round } from '@/lib/messaging/protocol';
import type { Obligation } from '@/lib/model/obligations';
import {
  groupByClient,
  headerCounts,
  isFirstRun,
  nothingDueNow,
  openTargetOf,
  pendingFacts,
  roundAccountLabel,
  roundTickId,
  sectionLimits,
  tickEvent,
  tickablesOf,
  visibleGroups,
} from '@/components/popup/agenda-model';

const client = (id: string, instagram: string | null = 'zerno.coffee'): ClientSummary => ({
  id,
  name: id,
  service: 'management',
  payer: 'individual',
  instagram,
  managerName: null,
  dealUrl: `https://smmpro.amocrm.ru/leads/detail/${id}`,
});
const ob = (o: Partial<Obligation> & Pick<Obligation, 'rule'>): Obligation => ({
  id: `c|${o.rule}|${o.key ?? o.rule}`,
  clientId: 'c',
  key: o.rule,
  title: o.rule,
  startAt: 0,
  dueAt: 1000,
  state: 'open',
  ...o,
});

describe('popup agenda model', () => {
  it('groups entries by client in order of first appearance', () => {
    const a = client('a');
    const b = client('b');
    const e = (c: ClientSummary, rule: Obligation['rule']): AgendaEntry => ({
      client: c,
      obligation: ob({ rule, clientId: c.id }),
    });
    const groups = groupByClient([e(a, 'first-contact'), e(b, 'daily-post'), e(a, 'stories')]);
    expect(groups.map((g) => [g.client.id, g.entries.map((x) => x.obligation.rule)])).toEqual([
      ['a', ['first-contact', 'stories']],
      ['b', ['daily-post']],
    ]);
  });
});

describe('ticks', () => {
  it('one-off checklist items: only tick-sourced, non-info items, without a key', () => {
    const o = ob({
      rule: 'concept-call',
      items: [
        { id: 'concept-draft', title: 'Концепция', done: false },
        { id: 'growth-started', title: 'Иван', done: true, info: true },
      ],
    });
    expect(tickablesOf(o).map((t) => [t.item, t.key, t.done])).toEqual([['concept-draft', undefined, false]]);
  });

  it('period rules scope the tick by the period key', () => {
    const o = ob({ rule: 'content-plan-2', key: '2026-11-01', items: [{ id: 'plan-2-agreed', title: 'План', done: false }] });
    expect(tickablesOf(o)[0]).toMatchObject({ item: 'plan-2-agreed', key: '2026-11-01' });
  });

  it('a daily post is ticked as a whole for its date; stories without a key', () => {
    expect(tickablesOf(ob({ rule: 'daily-post', key: '2026-11-27' }))[0]).toMatchObject({
      item: 'daily-post',
      key: '2026-11-27',
      title: null,
    });
    expect(tickablesOf(ob({ rule: 'stories', key: '2026-11-27T10:00' }))[0]).toMatchObject({ item: 'stories', key: undefined });
  });

  it('facts read from amoCRM are listed, not tickable', () => {
    const o = ob({ rule: 'first-contact', items: [{ id: 'contacted', title: 'Позвонить и поставить статус', done: false }] });
    expect(tickablesOf(o)).toEqual([]);
    expect(pendingFacts(o)).toEqual(['Позвонить и поставить статус']);
  });

  it('builds tick and untick events from the manager', () => {
    expect(tickEvent('c', { item: 'engagement-round', key: '2026-11-27T11:00' }, true, 5)).toEqual({
      clientId: 'c',
      at: 5,
      source: 'manager',
      item: 'engagement-round',
      key: '2026-11-27T11:00',
      type: 'tick',
    });
    expect(tickEvent('c', { item: 'stories' }, false, 5)).toEqual({
      clientId: 'c',
      at: 5,
      source: 'manager',
      item: 'stories',
      type: 'untick',
    });
  });
});

describe('where a row opens', () => {
  it('posts, stories and rounds open the profile; the rest the deal', () => {
    expect(openTargetOf(client('a'), { rule: 'daily-post' })).toEqual({
      kind: 'instagram',
      url: 'https://www.instagram.com/zerno.coffee/',
    });
    expect(openTargetOf(client('a'), { rule: 'first-contact' })).toEqual({
      kind: 'deal',
      url: 'https://smmpro.amocrm.ru/leads/detail/a',
    });
    expect(openTargetOf(client('a', null), { rule: 'stories' }).kind).toBe('deal');
  });
});

describe('the first screen', () => {
  const entry = (c: string, rule: Obligation['rule'] = 'stories'): AgendaEntry => ({
    client: client(c),
    obligation: ob({ rule, clientId: c, key: `${c}-${rule}` }),
  });
  const round = (state: Round['state']): Round => ({ slot: '2026-11-27T11:00', at: 0, dueAt: 1, state, accounts: [] });
  const agenda = (o: Partial<Agenda> = {}): Agenda => ({
    now: 0,
    overdue: [],
    today: [],
    tomorrow: [],
    round: null,
    missedWhileAway: [],
    ...o,
  });

  it('the header counts an overdue round as one more overdue, and prefers the snapshot totals', () => {
    const a = agenda({ overdue: [entry('a')], today: [entry('b'), entry('c')], round: round('overdue') });
    expect(headerCounts(a)).toEqual({ overdue: 2, today: 2 });
    expect(headerCounts(a, { overdue: 7, today: 9, tomorrow: 0 })).toEqual({ overdue: 8, today: 9 });
    expect(headerCounts(agenda({ round: round('due') }))).toEqual({ overdue: 0, today: 0 });
  });

  it('«all done» needs nothing overdue or due today and no round waiting', () => {
    expect(nothingDueNow(agenda({ tomorrow: [entry('a')] }))).toBe(true);
    expect(nothingDueNow(agenda({ round: round('upcoming') }))).toBe(true);
    expect(nothingDueNow(agenda({ round: round('done') }))).toBe(true);
    expect(nothingDueNow(agenda({ round: round('due') }))).toBe(false);
    expect(nothingDueNow(agenda({ today: [entry('a')] }))).toBe(false);
    expect(nothingDueNow(agenda(), { overdue: 1, today: 0, tomorrow: 0 })).toBe(false);
  });

  it('first run: no clients and nothing listed', () => {
    expect(isFirstRun(0, agenda())).toBe(true);
    expect(isFirstRun(1, agenda())).toBe(false);
    expect(isFirstRun(0, agenda({ tomorrow: [entry('a')] }))).toBe(false);
  });

  it('spends the row budget section by section, and a spent section still shows one row', () => {
    const a = agenda({ overdue: [entry('a'), entry('b')], today: [entry('c'), entry('d'), entry('e')] });
    expect(sectionLimits(4, a)).toEqual({ overdue: 4, today: 2, tomorrow: -1 });
    expect(visibleGroups(a.today, 2).map((g) => g.client.id)).toEqual(['c', 'd']);
    expect(visibleGroups(a.today, -1).map((g) => g.client.id)).toEqual(['c']);
    expect(visibleGroups(a.today, Number.POSITIVE_INFINITY).map((g) => g.client.id)).toEqual(['c', 'd', 'e']);
  });

  it('round accounts: one tick id per slot and client, named by their handle when they have one', () => {
    expect(roundTickId('2026-11-27T11:00', 'a')).toBe('2026-11-27T11:00|a');
    expect(roundAccountLabel({ name: 'Зерно', instagram: 'zerno.coffee' })).toBe('@zerno.coffee');
    expect(roundAccountLabel({ name: 'Зерно', instagram: null })).toBe('Зерно');
  });
});
