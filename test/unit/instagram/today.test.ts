import { describe, expect, it } from 'vitest';
import { localDateOf, slotState, todayOf, uncheckedAccounts } from '@/lib/instagram/today';
import { formatInZone } from '@/lib/i18n/format';
import type { ClientView } from '@/lib/messaging/protocol';
import type { Obligation } from '@/lib/model/obligations';

const zone = 'Asia/Almaty';
const at = (local: string) => Date.parse(`${local}+05:00`);
const ob = (
  rule: Obligation['rule'],
  key: string,
  startAt: number,
  dueAt: number | null,
  state: Obligation['state'],
  metAt?: number,
): Obligation => ({
  id: `c|${rule}|${key}`,
  clientId: 'c',
  rule,
  key,
  title: rule,
  startAt,
  dueAt,
  state,
  metAt,
});

function view(obligations: Obligation[], extra: Partial<ClientView> = {}): ClientView {
  return {
    client: {
      id: 'smmpro.amocrm.ru:1004',
      host: 'smmpro.amocrm.ru',
      leadId: 1004,
      name: 'Торты',
      service: 'management',
      payer: 'individual',
      managerId: 1,
      managerName: null,
      instagram: 'zhanna_cakes',
      credentialsFilled: true,
      stageName: null,
      updatedAt: 0,
    },
    stage: 'launched',
    obligations,
    period: { index: 0, start: at('2026-03-06T00:00:00'), end: at('2026-04-05T00:00:00'), day: 7, length: 30 },
    warnings: [],
    lastPostAt: null,
    lastStoryAt: null,
    workingHours: { open: true, nextOpening: null },
    team: [],
    now: 0,
    ...extra,
  };
}

describe('todayOf', () => {
  const now = at('2026-03-12T11:20:00');
  const obligations = [
    ob('daily-post', '2026-03-11', at('2026-03-11T00:00:00'), at('2026-03-11T23:59:00'), 'met', at('2026-03-11T12:00:00')),
    ob('daily-post', '2026-03-12', at('2026-03-12T00:00:00'), at('2026-03-12T23:59:00'), 'met', at('2026-03-12T10:14:00')),
    ob('stories', '2026-03-06T14:00', at('2026-03-06T14:00:00'), at('2026-03-09T14:00:00'), 'met', at('2026-03-08T13:30:00')),
    ob('stories', '2026-03-08T13:30', at('2026-03-08T13:30:00'), at('2026-03-11T13:30:00'), 'overdue'),
    ob(
      'engagement-round',
      '2026-03-11T11:00',
      at('2026-03-11T11:00:00'),
      at('2026-03-11T12:00:00'),
      'met',
      at('2026-03-11T11:03:00'),
    ),
    ob('engagement-round', '2026-03-11T19:00', at('2026-03-11T19:00:00'), at('2026-03-11T20:00:00'), 'overdue'),
    ob(
      'engagement-round',
      '2026-03-12T11:00',
      at('2026-03-12T11:00:00'),
      at('2026-03-12T12:00:00'),
      'met',
      at('2026-03-12T11:05:00'),
    ),
    ob('engagement-round', '2026-03-12T19:00', at('2026-03-12T19:00:00'), at('2026-03-12T20:00:00'), 'open'),
  ];

  it('picks today in the agency zone: the post, the Stories chain, the two slots', () => {
    const today = todayOf(view(obligations, { lastStoryAt: at('2026-03-08T13:30:00') }), now, zone);
    expect(today.localDate).toBe('2026-03-12');
    expect(today.period).toEqual({ day: 7, length: 30 });
    expect(today.post).toEqual({ done: true, at: at('2026-03-12T10:14:00'), dueAt: at('2026-03-12T23:59:00'), overdue: false });
    expect(today.stories).toEqual({
      lastAt: at('2026-03-08T13:30:00'),
      dueAt: at('2026-03-11T13:30:00'),
      overdue: true,
      done: false,
    });
    expect(today.rounds.map((r) => [r.slot, r.state])).toEqual([
      ['2026-03-12T11:00', 'done'],
      ['2026-03-12T19:00', 'upcoming'],
    ]);
    // «проверено в 11:05»
    expect(formatInZone(today.rounds[0].doneAt!, zone, 'ru')).toBe('11:05');
  });

  it('in the morning, last night’s 19:00 is still the current round', () => {
    const morning = at('2026-03-12T07:40:00');
    const today = todayOf(view(obligations), morning, zone);
    expect(today.rounds.map((r) => [r.slot, r.state, r.earlier])).toEqual([
      ['2026-03-11T19:00', 'overdue', true],
      ['2026-03-12T11:00', 'done', false],
      ['2026-03-12T19:00', 'upcoming', false],
    ]);
  });

  it('a day without a post is open, then overdue after its deadline; no period, no post rule', () => {
    const open = [ob('daily-post', '2026-03-12', at('2026-03-12T00:00:00'), at('2026-03-12T23:59:00'), 'open')];
    expect(todayOf(view(open), now, zone).post).toMatchObject({ done: false, overdue: false });
    expect(todayOf(view(open), at('2026-03-12T23:59:30'), zone).post).toMatchObject({ done: false, overdue: true });
    expect(todayOf(view([], { period: null }), now, zone)).toMatchObject({ post: null, stories: null, rounds: [], period: null });
  });

  it('slot states from the clock', () => {
    const o = { startAt: 100, dueAt: 200, state: 'open' as const };
    expect(slotState(o, 50)).toBe('upcoming');
    expect(slotState(o, 150)).toBe('due');
    expect(slotState(o, 200)).toBe('overdue');
    expect(slotState({ ...o, state: 'met-late' }, 250)).toBe('done');
  });

  it('local dates follow the agency zone, not the machine', () => {
    expect(localDateOf(Date.parse('2026-03-11T19:30:00Z'), zone)).toBe('2026-03-12');
    expect(localDateOf(Date.parse('2026-03-11T18:59:00Z'), zone)).toBe('2026-03-11');
  });

  it('the round list keeps only accounts still unchecked', () => {
    const client = (id: string) => ({ id, name: id, service: null, payer: null, instagram: id, managerName: null, dealUrl: '' });
    const round = {
      slot: '2026-03-12T11:00',
      at: 0,
      dueAt: 1,
      state: 'due' as const,
      accounts: [
        { client: client('a'), done: true, doneAt: 5 },
        { client: client('b'), done: false, doneAt: null },
      ],
    };
    expect(uncheckedAccounts(round).map((a) => a.client.id)).toEqual(['b']);
    expect(uncheckedAccounts(null)).toEqual([]);
  });
});
