import { describe, expect, it } from 'vitest';
import { defaultSettings, validateSettings } from '@/lib/playbook/settings';
import { FIELDS } from '@/lib/options/fields';
import { errorsByPath, localizeError } from '@/lib/options/strings';
import { setPath } from '@/lib/options/paths';

describe('validation messages in the UI language', () => {
  it('maps the engine messages to Russian and English', () => {
    expect(localizeError('must be HH:MM', 'ru')).toBe('Укажите время в формате ЧЧ:ММ, например 11:00.');
    expect(localizeError('must be HH:MM', 'en')).toBe('Enter a time as HH:MM, e.g. 11:00.');
    expect(localizeError('must be a whole number from 1 to 1440', 'ru')).toBe('Нужно целое число от 1 до 1440.');
    expect(localizeError('must be a whole amount of tenge ≥ 0', 'en')).toBe('Enter a whole amount of tenge, 0 or more.');
    expect(localizeError('must be later than calendar.workStart', 'ru')).toBe('Должно быть позже, чем «Начало рабочего дня».');
    expect(localizeError('must fall inside the period (currentClients.periodDays)', 'en')).toBe(
      'Must be less than “Service period”.',
    );
  });

  it('passes an unknown message through rather than hiding it', () => {
    expect(localizeError('something new', 'ru')).toBe('something new');
  });

  it('has a translation for every message validateSettings gives on a typical bad value of each field', () => {
    const bad: Record<string, unknown> = {};
    for (const f of FIELDS) {
      bad[f.path] =
        f.kind === 'bool'
          ? 'yes'
          : f.kind === 'weekdays'
            ? []
            : f.kind === 'dates'
              ? ['31.12.2026']
              : f.kind === 'times'
                ? ['7pm']
                : f.kind === 'int3'
                  ? [9]
                  : f.kind === 'select'
                    ? 'x'
                    : f.kind === 'zone'
                      ? 'Mars/Base'
                      : f.kind === 'email'
                        ? 'nobody'
                        : f.kind === 'text' || f.kind === 'textarea'
                          ? ''
                          : 'abc';
    }
    for (const [path, value] of Object.entries(bad)) {
      const r = validateSettings(setPath(defaultSettings, path, value));
      if (r.ok) continue; // e.g. an empty subject or pipeline name is allowed
      for (const e of r.errors) {
        expect(localizeError(e.message, 'ru'), `${e.path}: ${e.message}`).not.toBe(e.message);
        expect(localizeError(e.message, 'en'), `${e.path}: ${e.message}`).not.toBe(e.message);
      }
    }
  });

  it('groups several errors of one path', () => {
    const out = errorsByPath(
      [
        { path: 'a.b', message: 'must be HH:MM' },
        { path: 'a.b', message: 'must not be empty' },
        { path: 'c', message: 'must be an e-mail address' },
      ],
      'ru',
    );
    expect(out['a.b']).toBe('Укажите время в формате ЧЧ:ММ, например 11:00. Поле не может быть пустым.');
    expect(out.c).toContain('электронной почты');
  });
});
