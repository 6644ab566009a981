import { describe, expect, it } from 'vitest';
import { KZ_HOLIDAYS, KZ_HOLIDAYS_FIRST_YEAR, KZ_HOLIDAYS_LAST_YEAR } from '../../../lib/calendar/kz-holidays.data';
import { kzHolidaysLive } from '../../../lib/calendar/kz-holidays-live';

describe('KZ holiday data file', () => {
  it('matches date-holidays (country KZ) live for every covered year', () => {
    const live = kzHolidaysLive(KZ_HOLIDAYS_FIRST_YEAR, KZ_HOLIDAYS_LAST_YEAR);
    expect(KZ_HOLIDAYS.map(([d, n]) => [d, n])).toEqual(live);
  });

  it('covers 2017–2035 and holds known days off', () => {
    expect([KZ_HOLIDAYS_FIRST_YEAR, KZ_HOLIDAYS_LAST_YEAR]).toEqual([2017, 2035]);
    const dates = new Set(KZ_HOLIDAYS.map(([d]) => d));
    for (const d of ['2026-01-01', '2026-03-23', '2026-12-16', '2027-01-04', '2027-01-07']) expect(dates.has(d)).toBe(true);
    expect(dates.has('2026-12-31')).toBe(false);
  });
});
