// obligationsAt (lib/sla/restate.ts): a derivation made at c with a horizon past t + 1 day, stated
// at a later moment t it still holds for, equals the engine run at t — the worker's agenda cache
// (lib/worker/agenda-cache.ts) rests on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../../lib/model/facts';
import { defaultSettings } from '../../../lib/playbook';
import { computeObligations, obligationsAt } from '../../../lib/sla';
import { dateOfDayNum, DAY, HOUR, MINUTE } from '../../../lib/calendar/time';
import { PLAN_CACHE_TTL, validUntilOf } from '../../../lib/worker/validity';
import { cal, kz } from './helpers';

const START = kz('2025-01-01T00:00');

/** A client at any stage: new, in its questionnaire, or launched with posts, Stories, rounds ticked, paid, perhaps lost. */
const history = fc
  .record({
    created: fc.integer({ min: START, max: START + 600 * DAY }),
    questionnaireH: fc.option(fc.integer({ min: 1, max: 96 })),
    postsH: fc.array(fc.integer({ min: 1, max: 40 * 24 }), { maxLength: 8 }),
    storiesH: fc.array(fc.integer({ min: 1, max: 40 * 24 }), { maxLength: 8 }),
    rounds: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean(), fc.integer({ min: 0, max: 90 })), { maxLength: 8 }),
    paymentDay: fc.option(fc.integer({ min: 20, max: 40 })),
    lostH: fc.option(fc.integer({ min: 1, max: 45 * 24 })),
    service: fc.constantFrom('management' as const, 'complex' as const),
  })
  .map(({ created, questionnaireH, postsH, storiesH, rounds, paymentDay, lostH, service }) => {
    let n = 0;
    const ev = (e: { type: ClientEvent['type']; at: number; [field: string]: unknown }): ClientEvent =>
      ({ id: `e${n++}`, clientId: 'p', source: 'manager', ...e }) as ClientEvent;
    const list: ClientEvent[] = [ev({ type: 'deal-created', at: created })];
    if (questionnaireH !== null) {
      const q = created + questionnaireH * HOUR;
      list.push(ev({ type: 'stage', stage: 'questionnaire', at: q }));
      for (const h of postsH) list.push(ev({ type: 'post', at: q + h * HOUR, shortcode: `p${h}` }));
      for (const h of storiesH) list.push(ev({ type: 'story', at: q + h * HOUR, storyId: `s${h}` }));
      for (const [day, evening, late] of rounds) {
        const d = cal.dayNumOf(q) + day;
        const at = cal.atLocal(d, (evening ? 19 : 11) * 60 + late);
        list.push(ev({ type: 'tick', item: 'engagement-round', key: `${dateOfDayNum(d)}T${evening ? '19:00' : '11:00'}`, at }));
      }
      if (paymentDay !== null) list.push(ev({ type: 'payment', at: q + paymentDay * DAY }));
    }
    if (lostH !== null) list.push(ev({ type: 'stage', stage: 'lost', at: created + lostH * HOUR }));
    list.sort((a, b) => a.at - b.at);
    return { client: { id: 'p', service, payer: 'individual' as const }, events: list, created };
  });

describe('obligations stated at a later moment', () => {
  it('equal the engine run at that moment, at any moment the derivation holds for', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 50 * 24 * 60 }),
        fc.integer({ min: 0, max: PLAN_CACHE_TTL / MINUTE }),
        ({ client, events, created }, atMinutes, laterMinutes) => {
          const c = created + atMinutes * MINUTE;
          const until = validUntilOf(c, defaultSettings, [events]);
          const t = Math.min(c + laterMinutes * MINUTE, until - 1);
          const wide = computeObligations(client, events, defaultSettings, c, c + DAY + PLAN_CACHE_TTL);
          expect(obligationsAt(wide, t)).toEqual(computeObligations(client, events, defaultSettings, t));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('leave a derivation at its own moment as the engine gives it', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 50 * 24 * 60 }), ({ client, events, created }, atMinutes) => {
        const c = created + atMinutes * MINUTE;
        const plain = computeObligations(client, events, defaultSettings, c);
        expect(obligationsAt(plain, c)).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });
});
