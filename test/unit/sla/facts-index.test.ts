// The index keeps round ticks and daily posts as ordered lists read by a walk, not as Maps keyed
// by text (see lib/sla/facts-index.ts). These properties hold the rules to the plain reading of
// the facts, written here with Maps: a round slot is met by the first of its still-active ticks,
// a day's post by the earliest post or ticked post of that local day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNum, DAY, HOUR, MINUTE, slotNumOfKey } from '../../../lib/calendar/time';
import type { ClientEvent } from '../../../lib/model/facts';
import { defaultSettings } from '../../../lib/playbook/settings';
import { computeObligations } from '../../../lib/sla';
import { cal, kz } from './helpers';

const Q = kz('2026-11-02T10:00');
const FIRST_POST = kz('2026-11-03T12:00');
const FIRST_DAY = cal.dayNumOf(FIRST_POST);
const NOW = kz('2026-11-20T16:00');
const base: ClientEvent[] = [
  { id: 'q', clientId: 'c', source: 'amocrm', type: 'stage', stage: 'questionnaire', at: Q },
  { id: 'p', clientId: 'c', source: 'instagram', type: 'post', at: FIRST_POST },
];
const client = { id: 'c', service: 'management' as const, payer: 'individual' as const };

/** Slot keys of the period's first days, plus keys no slot can match (seconds, a date that does not exist). */
const roundKey = fc.oneof(
  fc
    .record({ day: fc.integer({ min: 0, max: 6 }), slot: fc.constantFrom('11:00', '19:00') })
    .map(({ day, slot }) => `${dateOfDayNum(FIRST_DAY + day)}T${slot}`),
  fc.constantFrom('2026-11-05T11:00:00', '2026-11-31T11:00', '2026-11-05 11:00', '2026-11-05T11:00Z'),
);

const roundFacts = fc.array(
  fc.record({ untick: fc.boolean(), key: roundKey, minute: fc.integer({ min: 0, max: 7 * 24 * 60 }) }),
  { maxLength: 60 },
);

function roundEvents(list: { untick: boolean; key: string; minute: number }[]): ClientEvent[] {
  return list
    .map(({ untick, key, minute }, i): ClientEvent => ({
      id: `r${i}`,
      clientId: 'c',
      source: 'manager',
      type: untick ? 'untick' : 'tick',
      item: 'engagement-round',
      key,
      at: FIRST_POST + minute * MINUTE,
    }))
    .sort((a, b) => a.at - b.at);
}

/** The first still-active tick per key, by the plain reading: a stack of ticks per key. */
function activeRounds(events: ClientEvent[]): Map<string, number> {
  const stacks = new Map<string, number[]>();
  for (const e of events) {
    if ((e.type !== 'tick' && e.type !== 'untick') || e.key === undefined || e.at > NOW) continue;
    const stack = stacks.get(e.key) ?? [];
    stacks.set(e.key, stack);
    if (e.type === 'tick') stack.push(e.at);
    else stack.pop();
  }
  const first = new Map<string, number>();
  for (const [key, stack] of stacks) if (stack.length) first.set(key, stack[0]!);
  return first;
}

describe('round ticks in the index', () => {
  it('a round is met by the first still-active tick of its key, whatever the order of ticks and unticks', () => {
    fc.assert(
      fc.property(roundFacts, fc.boolean(), (facts, shuffled) => {
        const rounds = roundEvents(facts);
        const events = [...base, ...(shuffled ? [...rounds].reverse() : rounds)];
        const expected = activeRounds(rounds);
        const owed = computeObligations(client, events, defaultSettings, NOW).filter((o) => o.rule === 'engagement-round');
        expect(owed.length).toBeGreaterThan(0);
        for (const o of owed) expect([o.key, o.metAt]).toEqual([o.key, expected.get(o.key)]);
      }),
      { numRuns: 300 },
    );
  });

  it('slot numbers match keys exactly: equal numbers for equal keys, none for malformed ones', () => {
    expect(slotNumOfKey('2026-11-05T11:00')).toBe((Date.UTC(2026, 10, 5) / DAY) * 1440 + 660);
    expect(slotNumOfKey('2024-02-29T23:59')).toBe((Date.UTC(2024, 1, 29) / DAY) * 1440 + 1439);
    for (const bad of ['2026-02-29T11:00', '2026-11-31T11:00', '2026-13-01T11:00', '2026-11-05T24:00', '2026-11-05T11:60'])
      expect(slotNumOfKey(bad)).toBeNull();
    for (const bad of ['2026-11-05T11:00:00', '2026-11-05 11:00', '+02026-11-05T1', '2026-11-0xT11:00', '2026-11-00T11:00'])
      expect(slotNumOfKey(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const hh = String(Math.floor(minute / 60)).padStart(2, '0');
        const mm = String(minute % 60).padStart(2, '0');
        expect(slotNumOfKey(`${dateOfDayNum(day)}T${hh}:${mm}`)).toBe(day * 1440 + minute);
      }),
      { numRuns: 500 },
    );
  });
});

describe('daily posts in the index', () => {
  const postFacts = fc.array(fc.record({ tick: fc.boolean(), keyed: fc.boolean(), hour: fc.integer({ min: 0, max: 17 * 24 }) }), {
    maxLength: 40,
  });

  it('a day is met by its earliest post or ticked post, whatever the order of the facts', () => {
    fc.assert(
      fc.property(postFacts, fc.boolean(), (facts, shuffled) => {
        const posts = facts
          .map(({ tick, keyed, hour }, i): ClientEvent => {
            const at = FIRST_POST + hour * HOUR;
            const b = { id: `d${i}`, clientId: 'c', source: 'manager' as const, at };
            if (!tick) return { ...b, type: 'post' };
            return { ...b, type: 'tick', item: 'daily-post', ...(keyed ? { key: cal.localDateOf(at - DAY) } : {}) };
          })
          .sort((a, b) => a.at - b.at);
        const events = [...base, ...(shuffled ? [...posts].reverse() : posts)];
        // The plain reading: a keyed tick counts for its date (its first active tick), anything else for its own day.
        const byDay = new Map<string, number>();
        const keep = (date: string, at: number) => byDay.set(date, Math.min(at, byDay.get(date) ?? at));
        const firstTick = new Map<string, number>();
        for (const e of [...base, ...posts]) {
          if (e.at > NOW) continue;
          if (e.type === 'post') keep(cal.localDateOf(e.at), e.at);
          if (e.type === 'tick') {
            const k = e.key ?? '';
            if (!firstTick.has(k)) firstTick.set(k, e.at);
          }
        }
        for (const [k, at] of firstTick) keep(k || cal.localDateOf(at), at);
        const owed = computeObligations(client, events, defaultSettings, NOW).filter((o) => o.rule === 'daily-post');
        expect(owed.length).toBeGreaterThan(0);
        for (const o of owed) expect([o.key, o.metAt]).toEqual([o.key, byDay.get(o.key)]);
      }),
      { numRuns: 300 },
    );
  });
});
