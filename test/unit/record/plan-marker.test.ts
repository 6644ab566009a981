import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventFromNote } from '@/lib/amocrm/markers';
import { CLAIM_WINDOW_MS } from '@/lib/amocrm/attribution';
import { dateOfDayNum, dayNumOfDate } from '@/lib/calendar/time';
import type { ContentPlan, PlanDay } from '@/lib/model/plans';
import { MAX_PLAN_MARKER, encodePlan, planFromNote, planNoteText, planVersionId } from '@/lib/record/plan-marker';
import { MAX_NOTE_TEXT } from '@/lib/record/tab-ops';
import { attributePlanNote, comparePlanVersions, newerPlan } from '@/lib/record/plan-merge';
import { MAX_PLAN_DAYS, MAX_TOPIC, PLAN_FORMATS, PLAN_NOS, PLAN_STATES } from '@/lib/schemas/plan';

const HOST = 'smmpro.amocrm.ru';
const C = `${HOST}:1003`;
const PERIOD = Date.parse('2026-12-01T00:00:00+05:00');
const AT = Date.parse('2026-12-03T09:15:00Z');

const plan = (extra: Partial<ContentPlan> = {}): ContentPlan => ({
  clientId: C,
  periodStart: PERIOD,
  planNo: 2,
  state: 'sent',
  days: [
    { date: '2026-12-10', format: 'reels', topic: 'Рилс: 5 ошибок при выборе торта | и ] ещё [ скобки' },
    { date: '2026-12-11', format: 'carousel', topic: 'Карусель\nс переносом строки\tи 100% начинки' },
    { date: '2026-12-12', format: 'post', topic: '' },
  ],
  updatedAt: AT,
  ...extra,
});

/** A note as amoCRM returns it (created_at a second after the claim: sent at once). */
const note = (text: string, createdAt = AT + 1000, createdBy = 7) => ({ id: 1, entityId: 1003, createdBy, createdAt, text });

describe('content plans in amoCRM notes', () => {
  it('a plan version reads back with its state and days, under one line for people', () => {
    const text = planNoteText(plan());
    expect(text.split('\n')[0]).toBe('Контент-план 2 (10.12–12.12): отправлен клиенту, тем 2 из 3');
    expect(text.split('\n')).toHaveLength(2);
    expect(planFromNote(text, C)).toEqual({ id: planVersionId(plan()), plan: plan(), cut: false });
    // Not a fact of another kind: the facts' reader leaves it alone.
    expect(eventFromNote(text, C)).toBeNull();
  });

  it('Cyrillic stays one character each: only the marker’s own signs are escaped', () => {
    const { marker } = encodePlan(plan());
    expect(marker).toContain('|0rРилс:%205%20ошибок');
    expect(marker).not.toMatch(/\s/);
    expect(marker.slice(1, -1)).not.toMatch(/[[\]]/);
  });

  it('any plan state and items round-trip marker → fact (property)', () => {
    const day = fc.record({
      offset: fc.integer({ min: 0, max: 61 }),
      format: fc.constantFrom(...PLAN_FORMATS),
      topic: fc.string({ maxLength: 60, unit: 'grapheme' }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAN_NOS),
        fc.constantFrom(...PLAN_STATES),
        fc.uniqueArray(day, { selector: (d) => d.offset, maxLength: 30 }),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2090, 0, 1) }),
        (planNo, state, days, updatedAt) => {
          const start = dayNumOfDate('2026-12-01')!;
          const p = plan({
            planNo,
            state,
            updatedAt,
            days: days
              .map((d): PlanDay => ({ date: dateOfDayNum(start + d.offset), format: d.format, topic: d.topic }))
              .sort((a, b) => (a.date < b.date ? -1 : 1)),
          });
          const read = planFromNote(planNoteText(p), C);
          expect(read).toEqual({ id: planVersionId(p), plan: p, cut: false });
        },
      ),
    );
  });

  it('a plan too long for one note keeps short topics whole and cuts the longest to one length', () => {
    const long = 'Очень длинная тема поста с подробным черновиком подписи. '.repeat(40).slice(0, MAX_TOPIC);
    const days: PlanDay[] = Array.from({ length: 12 }, (_, i) => ({
      date: dateOfDayNum(dayNumOfDate('2026-12-19')! + i),
      format: 'post',
      topic: i % 3 === 0 ? `Коротко ${i}` : long,
    }));
    const p = plan({ planNo: 3, days });
    const text = planNoteText(p);
    const { marker, cut } = encodePlan(p);
    expect(cut).toBe(true);
    expect(marker.length).toBeLessThanOrEqual(MAX_PLAN_MARKER);
    expect(text.split('\n')[0]).toContain('темы сокращены');
    const read = planFromNote(text, C)!;
    expect(read.cut).toBe(true);
    expect(read.plan.state).toBe(p.state);
    expect(read.plan.days.map((d) => d.date)).toEqual(days.map((d) => d.date));
    const lengths = read.plan.days.map((d) => d.topic.length);
    for (let i = 0; i < days.length; i++) {
      if (i % 3 === 0) expect(read.plan.days[i]!.topic).toBe(days[i]!.topic);
      else expect(long.startsWith(read.plan.days[i]!.topic)).toBe(true);
    }
    // One common length for the cut ones, as long as fits: a little more would not.
    const cutTo = Math.max(...lengths);
    expect(cutTo).toBeGreaterThan(200);
    expect(new Set(lengths.filter((_, i) => i % 3 !== 0))).toEqual(new Set([cutTo]));
  });

  it('the largest plan the editor accepts still fits', () => {
    const days: PlanDay[] = Array.from({ length: MAX_PLAN_DAYS }, (_, i) => ({
      date: dateOfDayNum(dayNumOfDate('2026-12-01')! + i),
      format: 'reels',
      topic: '\n'.repeat(MAX_TOPIC),
    }));
    const { marker, cut } = encodePlan(plan({ days }));
    expect(cut).toBe(true);
    expect(marker.length).toBeLessThanOrEqual(MAX_PLAN_MARKER);
    // The whole note is within what the amoCRM tab writes for the worker.
    expect(planNoteText(plan({ days, planNo: 3, state: 'corrections' })).length).toBeLessThanOrEqual(MAX_NOTE_TEXT);
    expect(planFromNote(marker, C)?.plan.days).toHaveLength(MAX_PLAN_DAYS);
  });

  it('bad and hostile markers are refused', () => {
    const good = encodePlan(plan()).marker;
    const id = planVersionId(plan());
    const bad = [
      good.replace('|sent|', '|published|'), // unknown state
      good.replace(`|${PERIOD}|2|`, `|${PERIOD}|4|`), // plan 4
      good.replace(id, `plan:${PERIOD}:2:1`), // the id does not name this version
      good.replace('|2026-12-10|', '|2026-13-10|'), // no such date
      good.replace('|0rРилс', '|0xРилс'), // unknown format
      good.replace('|1cКарусель', '|0cКарусель'), // two items on one day
      good.replace('|0|0r', '|2|0r'), // `cut` is 0 or 1
      good.replace('|0rРилс', '|0r%E0%A4%A'), // broken escape
      good.replace('|1cКарусель', `|1c${'x'.repeat(MAX_TOPIC + 1)}`), // topic longer than the editor takes
      good.replace('|2026-12-10|', '|2100-12-30|'), // its days run past 2100
      `[Reglament:2:plan|${'x'.repeat(MAX_PLAN_MARKER + 1)}]`, // longer than any plan marker
      good.replace(`|${AT}|`, '|-5|'),
    ];
    for (const text of bad) {
      expect(text).not.toBe(good);
      expect(planFromNote(text, C), text.slice(0, 120)).toBeNull();
    }
  });

  it('a version read back counts at amoCRM’s time unless it claims a moment just before it', () => {
    const text = planNoteText(plan());
    expect(attributePlanNote(note(text), HOST, () => 'Айгерим')).toEqual({
      ...plan(),
      author: { id: 7, name: 'Айгерим' },
    });
    const late = AT + CLAIM_WINDOW_MS + 60_000;
    expect(attributePlanNote(note(text, late), HOST)?.updatedAt).toBe(late);
    expect(attributePlanNote(note('просто примечание'), HOST)).toBeNull();
  });
});

describe('which plan version holds', () => {
  const version = fc.record({
    updatedAt: fc.integer({ min: AT, max: AT + 5 }),
    state: fc.constantFrom(...PLAN_STATES),
    topic: fc.constantFrom('', 'А', 'Б'),
    author: fc.option(fc.record({ id: fc.integer({ min: 1, max: 3 }), name: fc.constantFrom(null, 'Айгерим') }), {
      nil: undefined,
    }),
  });
  const toPlan = (x: { updatedAt: number; state: ContentPlan['state']; topic: string; author?: ContentPlan['author'] }) =>
    plan({
      updatedAt: x.updatedAt,
      state: x.state,
      days: [{ date: '2026-12-10', format: 'post', topic: x.topic }],
      ...(x.author ? { author: x.author } : {}),
    });

  it('merging versions in any order, any of them twice, gives the same plan (property)', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), fc.integer(), (raw, seed) => {
        const versions = raw.map(toPlan);
        const shuffled = [...versions, versions[Math.abs(seed) % versions.length]!]
          .map((v, i) => ({ v, k: (i * 7919 + seed) % 101 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.v);
        const forward = versions.reduce(newerPlan);
        expect(shuffled.reduce(newerPlan)).toEqual(forward);
        expect([...versions].reverse().reduce(newerPlan)).toEqual(forward);
      }),
    );
  });

  it('the order is total: only the same version compares equal (property)', () => {
    fc.assert(
      fc.property(version, version, (x, y) => {
        const [a, b] = [toPlan(x), toPlan(y)];
        expect(Math.sign(comparePlanVersions(a, b)) + Math.sign(comparePlanVersions(b, a))).toBe(0);
        if (comparePlanVersions(a, b) === 0) expect(a).toEqual(b);
      }),
    );
  });

  it('a later state supersedes an earlier one; at the same instant this browser’s own save holds', () => {
    const sent = plan({ state: 'sent', updatedAt: AT });
    const agreed = plan({ state: 'agreed', updatedAt: AT + 60_000, author: { id: 7, name: 'Айгерим' } });
    expect(newerPlan(sent, agreed)).toBe(agreed);
    expect(newerPlan(agreed, sent)).toBe(agreed);
    const ownWhole = plan({ updatedAt: AT });
    const readBackCut = plan({
      updatedAt: AT,
      days: [{ date: '2026-12-10', format: 'post', topic: 'Ко' }],
      author: { id: 7, name: null },
    });
    expect(newerPlan(readBackCut, ownWhole)).toBe(ownWhole);
  });
});
