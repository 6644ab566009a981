import { describe, expect, it } from 'vitest';
import { RECURRING_RULES, splitObligations, TICK_ITEMS, tickKeyFor, toneOf, VALUE_ITEMS, workingNow } from '@/lib/amocrm/overlay-model';
import { RULES, RULE_IDS } from '@/lib/playbook/rules';
import { defaultSettings } from '@/lib/playbook/settings';
import type { Obligation } from '@/lib/model/obligations';

const H = 3_600_000;
const ob = (p: Partial<Obligation>): Obligation => ({ id: p.id ?? Math.random().toString(), clientId: 'c:1', rule: 'first-contact', key: 'first-contact', title: 't', startAt: 0, dueAt: null, state: 'open', ...p });

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

  it('working hours in Almaty with Intl', () => {
    const cal = defaultSettings.calendar;
    // Wednesday 2026-03-11 14:00 Almaty (UTC+5) → working until 20:00.
    expect(workingNow(Date.UTC(2026, 2, 11, 9), cal)).toEqual({ working: true, change: Date.UTC(2026, 2, 11, 15) });
    // Friday 21:00 → Monday 10:00.
    expect(workingNow(Date.UTC(2026, 2, 13, 16), cal)).toEqual({ working: false, change: Date.UTC(2026, 2, 16, 5) });
    // Early morning → same day 10:00.
    expect(workingNow(Date.UTC(2026, 2, 11, 2), cal).change).toBe(Date.UTC(2026, 2, 11, 5));
  });

  it('tick keys: period rules use the occurrence key, one-off and stories none', () => {
    expect(tickKeyFor('content-plan-2', ob({ rule: 'content-plan-2', key: '2026-03-01' }))).toBe('2026-03-01');
    expect(tickKeyFor('concept-call', ob({ rule: 'concept-call', key: 'concept-call' }))).toBeUndefined();
    expect(tickKeyFor('stories', ob({ rule: 'stories', key: '2026-03-02' }))).toBeUndefined();
    expect(tickKeyFor('engagement-round', ob({ rule: 'engagement-round', key: '2026-03-02T11:00' }))).toBe('2026-03-02T11:00');
  });
});
