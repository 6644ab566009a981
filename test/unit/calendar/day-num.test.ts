// dayNumOfDate reads `YYYY-MM-DD` by character codes (the engine reads dates of every client);
// these hold it to the Date-based reading it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, dateOfDayNum, dayNumOfDate } from '../../../lib/calendar/time';

/** The former reading: a regular expression and a round trip through Date.UTC. */
function byDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms / DAY : null;
}

describe('dayNumOfDate', () => {
  it('reads every written date back to its day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1) / DAY, max: Date.UTC(9999, 11, 31) / DAY }), (day) => {
        expect(dayNumOfDate(dateOfDayNum(day))).toBe(day);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the Date-based reading on near-dates: impossible days, months, short years, stray characters', () => {
    const digits = (n: number, width: number) => String(n).padStart(width, '0');
    const text = fc.oneof(
      fc
        .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
        .map(({ y, m, d }) => `${digits(y, 4)}-${digits(m, 2)}-${digits(d, 2)}`),
      fc.constantFrom('2026-1-01', '2026-01-1', '2026/01/01', '2026-01-01 ', '2026-0a-01', '20a6-01-01', '+2026-01-01', ''),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(dayNumOfDate(t)).toBe(byDate(t));
      }),
      { numRuns: 2000 },
    );
    expect(dayNumOfDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / DAY);
    expect(dayNumOfDate('2026-02-29')).toBeNull();
    expect(dayNumOfDate('0050-01-01')).toBeNull();
  });
});
