import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendarSettings } from '../../../lib/calendar';

const cal = createCalendar(defaultCalendarSettings);
/** Almaty wall time (UTC+5) → instant, written by hand so the test does not trust the code under test. */
const kz = (s: string) => Date.parse(`${s}:00+05:00`);

describe('addWorkingDays (playbook definition)', () => {
  it.each([
    ['Fri 15:00 + 3 → Wed 15:00', '2026-12-04T15:00', 3, '2026-12-09T15:00:00+05:00'],
    ['Sat 14:00 + 3 → Thu 10:00', '2026-12-05T14:00', 3, '2026-12-10T10:00:00+05:00'],
    ['after closing moves to next morning', '2026-12-07T20:00', 1, '2026-12-09T10:00:00+05:00'],
    ['before opening moves to the same morning', '2026-12-07T08:00', 1, '2026-12-08T10:00:00+05:00'],
    ['skips the 16 December holiday', '2026-12-11T15:00', 3, '2026-12-17T15:00:00+05:00'],
    ['across New Year (1–2 Jan, 4 Jan moved, 7 Jan)', '2026-12-30T15:00', 3, '2027-01-06T15:00:00+05:00'],
    ['zero days clamps only', '2026-12-05T14:00', 0, '2026-12-07T10:00:00+05:00'],
  ])('%s', (_name, from, n, want) => {
    expect(cal.formatIso(cal.addWorkingDays(kz(from), n))).toBe(want);
  });

  it('honours extra days off and extra working days', () => {
    const c = createCalendar({ ...defaultCalendarSettings, extraDaysOff: ['2026-12-08'], extraWorkingDays: ['2026-12-12'] });
    // Mon 7 15:00 +3: Tue 8 off, Wed 9, Thu 10, Fri 11 → Fri 15:00; Sat 12 is a working day for +4.
    expect(c.formatIso(c.addWorkingDays(kz('2026-12-07T15:00'), 3))).toBe('2026-12-11T15:00:00+05:00');
    expect(c.formatIso(c.addWorkingDays(kz('2026-12-07T15:00'), 4))).toBe('2026-12-12T15:00:00+05:00');
    expect(c.isWorkingDay('2026-12-16')).toBe(false);
  });
});

describe('calendar basics', () => {
  it('working time is 10:00 inclusive to 20:00 exclusive on working days', () => {
    expect(cal.isWorkingTime(kz('2026-12-07T10:00'))).toBe(true);
    expect(cal.isWorkingTime(kz('2026-12-07T19:59'))).toBe(true);
    expect(cal.isWorkingTime(kz('2026-12-07T20:00'))).toBe(false);
    expect(cal.isWorkingTime(kz('2026-12-05T12:00'))).toBe(false); // Saturday
    expect(cal.isWorkingTime(kz('2026-12-16T12:00'))).toBe(false); // Independence Day
  });

  it('nextOpening', () => {
    expect(cal.formatIso(cal.nextOpening(kz('2026-12-04T20:30')))).toBe('2026-12-07T10:00:00+05:00');
    expect(cal.formatIso(cal.nextOpening(kz('2026-12-07T10:00')))).toBe('2026-12-07T10:00:00+05:00');
    expect(cal.formatIso(cal.nextOpening(kz('2026-12-15T12:00')))).toBe('2026-12-17T10:00:00+05:00');
  });

  it('Almaty moved from UTC+6 to UTC+5 on 2024-03-01', () => {
    expect(cal.formatIso(Date.parse('2024-02-15T06:00:00Z'))).toBe('2024-02-15T12:00:00+06:00');
    expect(cal.formatIso(Date.parse('2024-03-15T06:00:00Z'))).toBe('2024-03-15T11:00:00+05:00');
    expect(cal.atLocal('2024-02-15', 12 * 60)).toBe(Date.parse('2024-02-15T06:00:00Z'));
  });

  it('zoned parts and local ⇄ instant', () => {
    const p = cal.partsOf(kz('2026-12-05T14:07'));
    expect(p).toMatchObject({
      year: 2026,
      month: 12,
      day: 5,
      hour: 14,
      minute: 7,
      weekday: 6,
      date: '2026-12-05',
      minuteOfDay: 847,
    });
    expect(cal.fromLocalIso('2026-12-05T14:07')).toBe(kz('2026-12-05T14:07'));
    expect(cal.startOfLocalDay(kz('2026-12-05T03:00'))).toBe(kz('2026-12-05T00:00'));
    expect(cal.localDateOf(Date.parse('2026-12-04T20:30:00Z'))).toBe('2026-12-05');
  });

  it('holidaysOf lists named days and overrides', () => {
    const c = createCalendar({ ...defaultCalendarSettings, extraDaysOff: ['2026-12-31'], extraWorkingDays: ['2026-12-19'] });
    const dec = c.holidaysOf(2026).filter((h) => h.date.startsWith('2026-12'));
    expect(dec).toEqual([
      { date: '2026-12-16', name: 'День независимости', source: 'kz' },
      { date: '2026-12-19', name: 'Рабочий день (перенос)', source: 'extra-working-day' },
      { date: '2026-12-31', name: 'Дополнительный выходной', source: 'extra-day-off' },
    ]);
    expect(c.holidaysOf(2027).length).toBeGreaterThan(10);
  });

  it('works in a DST zone: New York working days keep the wall clock across the switch', () => {
    const ny = createCalendar({ ...defaultCalendarSettings, timeZone: 'America/New_York', useKzHolidays: false });
    // Fri 2026-03-06 15:00 EST + 3 → Wed 2026-03-11 15:00 EDT (DST began Sun 8 March).
    const t = Date.parse('2026-03-06T15:00:00-05:00');
    expect(ny.formatIso(ny.addWorkingDays(t, 3))).toBe('2026-03-11T15:00:00-04:00');
    // A wall time skipped by the jump resolves forward.
    expect(ny.formatIso(ny.atLocal('2026-03-08', 150))).toBe('2026-03-08T03:30:00-04:00');
  });

  it('rejects an unknown zone and bad hours', () => {
    expect(() => createCalendar({ ...defaultCalendarSettings, timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => createCalendar({ ...defaultCalendarSettings, workStart: '21:00' })).toThrow(/working hours/);
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.parse('2017-01-01T00:00:00Z'), max: Date.parse('2035-12-01T00:00:00Z') });
  it('a working-day result is always inside working hours of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), (t, n) => {
        const r = cal.addWorkingDays(t, n);
        return cal.isWorkingDay(cal.dayNumOf(r)) && cal.isWorkingTime(r);
      }),
    );
  });
  it('adding working days is monotonic in t and in n', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), (a, b, n, k) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          cal.addWorkingDays(lo, n) <= cal.addWorkingDays(hi, n) && cal.addWorkingDays(lo, n) <= cal.addWorkingDays(lo, n + k)
        );
      }),
    );
  });
  it('local ⇄ instant round-trips', () => {
    fc.assert(
      fc.property(instant, (t) => cal.atLocal(cal.dayNumOf(t), cal.minuteOfDayOf(t)) === t - (((t % 60_000) + 60_000) % 60_000)),
    );
  });
});
