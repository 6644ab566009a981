// The dashboard follows settings.calendar.timeZone, not a constant: the current month, the
// dates it shows and the week a deadline falls in all move with a non-default zone.
import { afterEach, describe, expect, it, vi } from 'vitest';

// The page modules read navigator.language at import (Node may have no navigator).
vi.hoisted(() => {
  if (!('navigator' in globalThis))
    Object.defineProperty(globalThis, 'navigator', { value: { language: 'ru-RU' }, configurable: true });
});
import { currentMonth, dateTime, ruleTitle, settings, zone } from '../../../components/dashboard/format';
import { applySettings, month } from '../../../components/dashboard/state';
import { locale } from '../../../components/common/page-locale';
import { calendarFor } from '../../../lib/calendar';
import { DEFAULT_TIME_ZONE } from '../../../lib/calendar/default-zone';
import { weeklyBars } from '../../../lib/dashboard/month';
import type { RecordRow } from '../../../lib/dashboard/types';
import { defaultSettings, type Settings } from '../../../lib/playbook/settings';

// Monday 30 November 2026, 20:30 UTC: 1 December 01:30 in Almaty, still 30 November 15:30 in New York.
const AT = Date.parse('2026-11-30T20:30:00Z');
const newYork: Settings = { ...defaultSettings, calendar: { ...defaultSettings.calendar, timeZone: 'America/New_York' } };

afterEach(() => {
  vi.useRealTimers();
  zone.value = DEFAULT_TIME_ZONE;
  settings.value = null;
});

describe('dashboard zone', () => {
  it('the default before the settings arrive is the one of lib/calendar', () => {
    expect(zone.value).toBe(defaultSettings.calendar.timeZone);
    expect(currentMonth(AT)).toBe('2026-12');
  });

  it('the current month and every date follow the settings’ zone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(AT);
    applySettings(newYork);
    expect(zone.value).toBe('America/New_York');
    expect(month.value).toBe('2026-11');
    expect(currentMonth(AT)).toBe('2026-11');
    locale.value = 'en';
    expect(dateTime(AT)).toContain('30 Nov');
    expect(dateTime(AT)).toContain('15:30');
  });

  it('a deadline lands in the week of the agency zone (Monday–Sunday)', () => {
    // Sunday 6 December 2026 20:00 UTC: Sunday 15:00 in New York (week 1), Monday 01:00 in Almaty (week 2).
    const row: RecordRow = {
      obligationId: 'o',
      clientId: 'c',
      clientName: 'C',
      managerId: 1,
      managerName: 'M',
      rule: 'daily-post',
      title: 't',
      dueAt: Date.parse('2026-12-06T20:00:00Z'),
      startAt: 0,
      metAt: 0,
      outcome: 'met',
      lateBy: null,
    };
    const kept = (s: Settings) => weeklyBars('2026-12', [row], (t) => calendarFor(s.calendar).localDateOf(t)).map((w) => w.kept);
    expect(kept(newYork)).toEqual([1, 0, 0, 0, 0]);
    expect(kept(defaultSettings)).toEqual([0, 1, 0, 0, 0]);
  });

  it('rule titles carry the settings’ numbers', () => {
    settings.value = { ...defaultSettings, newClients: { ...defaultSettings.newClients, firstPostWorkingDays: 5 } };
    locale.value = 'ru';
    expect(ruleTitle('first-post-72h', 'x')).toBe('Первая публикация за 5 рабочих дней');
    locale.value = 'en';
    expect(ruleTitle('first-post-72h', 'x')).toBe('First post within 5 working days');
  });
});
