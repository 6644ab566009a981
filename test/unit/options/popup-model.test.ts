// The popup's pure helpers (components/popup/agenda-model.ts): grouping, what is tickable, where a row opens.
import { describe, expect, it } from 'vitest';
import type { AgendaEntry, ClientSummary } from '@/lib/messaging/protocol';
import type { Obligation } from '@/lib/model/obligations';
import { groupByClient, openTargetOf, pendingFacts, tickEvent, tickablesOf } from '@/components/popup/agenda-model';

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
    const e = (c: ClientSummary, rule: Obligation['rule']): AgendaEntry => ({ client: c, obligation: ob({ rule, clientId: c.id }) });
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
    expect(tickablesOf(ob({ rule: 'daily-post', key: '2026-11-27' }))[0]).toMatchObject({ item: 'daily-post', key: '2026-11-27', title: null });
    expect(tickablesOf(ob({ rule: 'stories', key: '2026-11-27T10:00' }))[0]).toMatchObject({ item: 'stories', key: undefined });
  });

  it('facts read from amoCRM are listed, not tickable', () => {
    const o = ob({ rule: 'first-contact', items: [{ id: 'contacted', title: 'Позвонить и поставить статус', done: false }] });
    expect(tickablesOf(o)).toEqual([]);
    expect(pendingFacts(o)).toEqual(['Позвонить и поставить статус']);
  });

  it('builds tick and untick events from the manager', () => {
    expect(tickEvent('c', { item: 'engagement-round', key: '2026-11-27T11:00' }, true, 5)).toEqual({ clientId: 'c', at: 5, source: 'manager', item: 'engagement-round', key: '2026-11-27T11:00', type: 'tick' });
    expect(tickEvent('c', { item: 'stories' }, false, 5)).toEqual({ clientId: 'c', at: 5, source: 'manager', item: 'stories', type: 'untick' });
  });
});

describe('where a row opens', () => {
  it('posts, stories and rounds open the profile; the rest the deal', () => {
    expect(openTargetOf(client('a'), { rule: 'daily-post' })).toEqual({ kind: 'instagram', url: 'https://www.instagram.com/zerno.coffee/' });
    expect(openTargetOf(client('a'), { rule: 'first-contact' })).toEqual({ kind: 'deal', url: 'https://smmpro.amocrm.ru/leads/detail/a' });
    expect(openTargetOf(client('a', null), { rule: 'stories' }).kind).toBe('deal');
  });
});
