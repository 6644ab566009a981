import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../../lib/model/facts';
import { defaultSettings } from '../../../lib/playbook';
import { computeObligations } from '../../../lib/sla';
import { cal } from './helpers';
import { DAY, HOUR, MINUTE } from '../../../lib/calendar/time';

const FROM = Date.parse('2018-01-01T00:00:00Z');
const TO = Date.parse('2034-06-01T00:00:00Z');

/** An arbitrary client history: questionnaire, a first post, stories, a possible payment. */
const history = fc
  .record({
    q: fc.integer({ min: FROM, max: TO }),
    postAfterH: fc.integer({ min: 1, max: 200 }),
    storyH: fc.array(fc.integer({ min: 1, max: 40 * 24 }), { maxLength: 8 }),
    paymentDay: fc.option(fc.integer({ min: 20, max: 40 })),
    nowDays: fc.integer({ min: 0, max: 50 }),
    service: fc.constantFrom('management' as const, 'complex' as const),
  })
  .map(({ q, postAfterH, storyH, paymentDay, nowDays, service }) => {
    const post = q + postAfterH * HOUR;
    const ev: ClientEvent[] = [
      { id: 'a', clientId: 'p', source: 'amocrm', type: 'deal-created', at: q - 5 * HOUR },
      { id: 'b', clientId: 'p', source: 'amocrm', type: 'stage', stage: 'questionnaire', at: q },
      { id: 'c', clientId: 'p', source: 'instagram', type: 'post', at: post },
      ...storyH.map((h, i): ClientEvent => ({
        id: `s${i}`,
        clientId: 'p',
        source: 'instagram',
        type: 'story',
        at: post + h * HOUR,
      })),
    ];
    if (paymentDay !== null)
      ev.push({ id: 'pay', clientId: 'p', source: 'amocrm', type: 'payment', at: post + paymentDay * DAY });
    return { client: { id: 'p', service, payer: 'individual' as const }, events: ev, now: post + nowDays * DAY };
  });

const WORKING_DAY_RULES = new Set(['first-post-72h', 'content-plan-2', 'content-plan-3']);

describe('engine properties', () => {
  it('a working-day deadline never falls on a non-working day or outside hours', () => {
    fc.assert(
      fc.property(history, ({ client, events, now }) => {
        for (const o of computeObligations(client, events, defaultSettings, now)) {
          if (WORKING_DAY_RULES.has(o.rule) && o.dueAt !== null && !cal.isWorkingTime(o.dueAt)) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('recomputation is deterministic and independent of event order', () => {
    fc.assert(
      fc.property(history, ({ client, events, now }) => {
        const a = computeObligations(client, events, defaultSettings, now);
        const b = computeObligations(client, [...events].reverse(), defaultSettings, now);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('any order of the events, with some after now out of order too, reads as the time-ordered one', () => {
    // The index checks the order while it reads (and sorts a copy only when it must): events
    // after `now` are skipped, but an earlier one hiding behind them must still be read.
    const shuffled = history.chain((h) =>
      fc.shuffledSubarray(h.events, { minLength: h.events.length }).map((events) => ({ ...h, shuffled: events })),
    );
    fc.assert(
      fc.property(shuffled, ({ client, events, shuffled, now }) => {
        const sorted = [...events].sort((a, b) => a.at - b.at);
        expect(computeObligations(client, shuffled, defaultSettings, now)).toEqual(
          computeObligations(client, sorted, defaultSettings, now),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the machine zone (process.env.TZ switched at run time)', () => {
    const saved = process.env.TZ;
    try {
      fc.assert(
        fc.property(history, ({ client, events, now }) => {
          process.env.TZ = 'Asia/Almaty';
          const a = JSON.stringify(computeObligations(client, events, defaultSettings, now));
          process.env.TZ = 'America/New_York';
          const b = JSON.stringify(computeObligations(client, events, defaultSettings, now));
          process.env.TZ = 'Asia/Tokyo';
          const c = JSON.stringify(computeObligations(client, events, defaultSettings, now));
          return a === b && b === c;
        }),
        { numRuns: 50 },
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('obligations never come from facts after now: later history does not change earlier states of met items', () => {
    fc.assert(
      fc.property(history, ({ client, events, now }) => {
        const early = computeObligations(client, events, defaultSettings, now);
        const later = computeObligations(client, events, defaultSettings, now + 3 * DAY);
        const byId = new Map(later.map((o) => [o.id, o]));
        return early.every((o) => o.state !== 'met' || byId.get(o.id)?.state === 'met' || byId.get(o.id) === undefined);
      }),
      { numRuns: 100 },
    );
  });

  it('obligation ids are unique, with Stories in bursts and at the very start of a period', () => {
    const bursts = fc.record({
      base: history,
      // Days after the first post's local midnight, and milliseconds into that day: bursts within one minute.
      extra: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3 * MINUTE })), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(bursts, ({ base: { client, events, now }, extra }) => {
        const post = events.find((e) => e.type === 'post')!.at;
        const dayStart = post - ((post + 6 * HOUR) % DAY);
        const more = extra.map(([days, ms], i): ClientEvent => ({
          id: `b${i}`,
          clientId: 'p',
          source: 'instagram',
          type: 'story',
          at: dayStart + days * DAY + ms,
        }));
        for (const at of [now, now + 3 * DAY]) {
          const ids = computeObligations(client, [...events, ...more], defaultSettings, at).map((o) => o.id);
          if (new Set(ids).size !== ids.length) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
