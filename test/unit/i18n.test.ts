import { describe, expect, it } from 'vitest';
import { formatDuration, formatInZone, formatTenge } from '../../lib/i18n/format';
import { resolveLocale } from '../../lib/i18n/locale';
import { plural, translator } from '../../lib/i18n/translate';

describe('i18n', () => {
  it('is Russian unless English was chosen: the browser language plays no part', () => {
    expect(resolveLocale(undefined)).toBe('ru');
    expect(resolveLocale('ru')).toBe('ru');
    expect(resolveLocale('en')).toBe('en');
    // the old per-browser choice and anything corrupt fall back to the default
    for (const odd of ['auto', 'EN', 'en-US', '', null, 1, {}]) expect(resolveLocale(odd)).toBe('ru');
  });

  it('fills placeholders and falls back to Russian', () => {
    const t = translator({ ru: { a: 'Клиент {name}', b: 'только ру' }, en: { a: 'Client {name}', b: '' } }, 'en');
    expect(t('a', { name: 'Кофе' })).toBe('Client Кофе');
    expect(t('b')).toBe('только ру');
  });

  it('chooses Russian plural forms', () => {
    const forms = ['день', 'дня', 'дней'] as const;
    expect([1, 2, 5, 11, 21, 22].map((n) => plural(n, forms, 'ru'))).toEqual(['день', 'дня', 'дней', 'дней', 'день', 'дня']);
  });

  it('formats durations with the two largest units', () => {
    expect(formatDuration(2 * 3600_000 + 10 * 60_000 + 59_000, 'ru')).toBe('2 ч 10 мин');
    expect(formatDuration(-(3 * 86400_000 + 4 * 3600_000), 'ru')).toBe('3 д 4 ч');
    expect(formatDuration(45 * 60_000, 'en')).toBe('45 min');
  });

  it('formats tenge and agency-zone times', () => {
    expect(formatTenge(150000, 'ru').replace(/\s/g, ' ')).toBe('150 000 ₸');
    expect(formatInZone(Date.UTC(2026, 11, 7, 6, 5), 'Asia/Almaty', 'ru')).toBe('11:05');
  });
});
