import { describe, expect, it } from 'vitest';
import {
  RECURRING_RULES,
  splitObligations,
  TICK_ITEMS,
  tickKeyFor,
  toneOf,
  VALUE_ITEMS,
  workingState,
} from '@/lib/amocrm/overlay-model';
import { RULES, RULE_IDS } from '@/lib/playbook/rules';
import { defaultSettings } from '@/lib/playbook/settings';
import type { Obligation } from '@/lib/model/obligations';

const H = 3_600_000;
const ob = (p: Partial<Obligation>): Obligation => ({
  id: p.id ?? Math.random().toString(),
  clientId: 'c:1',
  rule: 'first-contact',
  key: 'first-contact',
  title: 't',
  startAt: 0,
  dueAt: null,
  state: 'open',
  ...p,
});

describe('overlay model', () => {
  it('stays in step with lib/playbook/rules.ts', () => {
    expect([...RECURRING_RULES].sort()).toEqual(RULE_IDS.filter((r) => RULES[r].kind === 'recurring').sort());
    const ticked = RULE_IDS.flatMap((r) => RULES[r].items.filter((i) => i.source === 'tick').map((i) => i.id));
    expect([...TICK_ITEMS].sort()).toEqual([...new Set(ticked)].sort());
    expect([...VALUE_ITEMS]).toEqual(RULE_IDS.flatMap((r) => RULES[r].items.filter((i) => i.valueHint).map((i) => i.id)));
  });

  it('tone: calm over an hour, warning under, breach when past', () => {
    expect(toneOf(10 * H, 0)).toBe('calm');
    expect(toneOf(H - 1, 0)).toBe('warn');
    expect(toneOf(-1, 0)).toBe('breach');
    expect(toneOf(null, 0)).toBe('none');
  });

  it('folds met ones and older occurrences of recurring rules', () => {
    const list = [
      ob({ rule: 'daily-post', key: 'd1', startAt: 0, dueAt: 1, state: 'overdue' }),
      ob({ rule: 'daily-post', key: 'd2', startAt: 10, dueAt: 100, state: 'open' }),
      ob({ rule: 'concept-call', startAt: 0, dueAt: 50, state: 'open' }),
      ob({ rule: 'first-contact', state: 'met', metAt: 5 }),
    ];
    const { open, met } = splitObligations(list, 20);
    expect(open.map((o) => [o.obligation.rule, o.obligation.key, o.olderOverdue])).toEqual([
      ['concept-call', 'first-contact', 0],
      ['daily-post', 'd2', 1],
    ]);
    expect(met.map((o) => o.rule)).toEqual(['first-contact']);
  });

  it("working hours follow the worker's answer: flip at the next opening, close at workEnd, then out of date", () => {
    const cal = defaultSettings.calendar;
    const kz = (iso: string) => Date.parse(`${iso}+05:00`);
    // Asked on Independence Day (Wed 16 Dec 2026, a KZ holiday): closed until Thursday 10:00.
    const asked = kz('2026-12-16T12:00');
    const closed = { open: false, nextOpening: kz('2026-12-17T10:00') };
    expect(workingState(closed, asked, kz('2026-12-16T15:00'), cal)).toEqual({ working: false, change: kz('2026-12-17T10:00') });
    expect(workingState(closed, asked, kz('2026-12-17T10:00'), cal)).toEqual({ working: true, change: kz('2026-12-17T20:00') });
    expect(workingState(closed, asked, kz('2026-12-17T20:00'), cal)).toEqual({ working: false, change: null });
    // Asked inside working hours: open until 20:00 that day.
    const open = { open: true, nextOpening: null };
    expect(workingState(open, kz('2026-12-17T14:00'), kz('2026-12-17T19:59'), cal)).toEqual({
      working: true,
      change: kz('2026-12-17T20:00'),
    });
    expect(workingState(open, kz('2026-12-17T14:00'), kz('2026-12-17T20:01'), cal).change).toBeNull();
  });

  it('tick keys: period rules use the occurrence key, one-off and stories none', () => {
    expect(tickKeyFor('content-plan-2', ob({ rule: 'content-plan-2', key: '2026-03-01' }))).toBe('2026-03-01');
    expect(tickKeyFor('concept-call', ob({ rule: 'concept-call', key: 'concept-call' }))).toBeUndefined();
    expect(tickKeyFor('stories', ob({ rule: 'stories', key: '2026-03-02' }))).toBeUndefined();
    expect(tickKeyFor('engagement-round', ob({ rule: 'engagement-round', key: '2026-03-02T11:00' }))).toBe('2026-03-02T11:00');
  });
});
