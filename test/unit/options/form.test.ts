import { describe, expect, it } from 'vitest';
import { defaultSettings, validateSettings, type Settings } from '@/lib/playbook/settings';
import { EMAIL_TEMPLATES, FIELDS, FIELD_BY_PATH, fieldsOf, GROUPS, TEMPLATE_IDS } from '@/lib/options/fields';
import { addDate, fromText, parseNumber, removeDate, toText, toggleWeekday } from '@/lib/options/convert';
import { changedPaths, getPath, sameValue, setPath } from '@/lib/options/paths';
import { applyEdit, resetAll, resetGroup } from '@/lib/options/edit';

function leaves(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe('the form covers the Settings schema', () => {
  it('has exactly one field for every leaf of defaultSettings', () => {
    expect(FIELDS.map((f) => f.path).sort()).toEqual(leaves(defaultSettings).sort());
    expect(FIELD_BY_PATH.size).toBe(FIELDS.length);
  });

  it('groups follow the playbook and every group has fields and both languages', () => {
    expect(GROUPS.map((g) => g.id)).toEqual(Object.keys(defaultSettings));
    for (const g of GROUPS) {
      expect(fieldsOf(g.id).length).toBeGreaterThan(0);
      expect(g.title.ru && g.title.en).toBeTruthy();
    }
    for (const f of FIELDS) expect(f.label.ru && f.label.en, f.path).toBeTruthy();
  });

  it('the template editors cover every template; only e-mails show a subject, and the others have none', () => {
    // Options.tsx renders fieldsOf(group) for every group but templates, which it renders per
    // TEMPLATE_IDS (title, text, and the subject of e-mails); test/e2e/options.spec.ts checks the page.
    expect([...TEMPLATE_IDS].sort()).toEqual(Object.keys(defaultSettings.templates).sort());
    for (const id of TEMPLATE_IDS) if (!EMAIL_TEMPLATES.has(id)) expect(defaultSettings.templates[id].subject, id).toBe('');
  });

  it('the amoCRM group is reachable as options.html#amocrm', () => {
    expect(GROUPS.find((g) => g.id === 'amocrm')!.anchor).toBe('amocrm');
  });
});

describe('form ↔ settings', () => {
  it('every default survives toText → fromText unchanged', () => {
    for (const f of FIELDS) {
      if (f.kind === 'bool' || f.kind === 'weekdays' || f.kind === 'select') continue;
      const value = getPath(defaultSettings, f.path);
      expect(fromText(f.kind, toText(f.kind, value)), f.path).toEqual(value);
    }
  });

  it('parses numbers the way people type them and leaves non-numbers for the validator', () => {
    expect(parseNumber('150 000')).toBe(150000);
    expect(parseNumber('150\u00a0000')).toBe(150000);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 60 ')).toBe(60);
    expect(parseNumber('час')).toBe('час');
    expect(parseNumber('')).toBe('');
  });

  it('reads lists, times and the nullable fine', () => {
    expect(fromText('times', '11:00, 19:00')).toEqual(['11:00', '19:00']);
    expect(fromText('times', '9:30;19:00')).toEqual(['09:30', '19:00']);
    expect(fromText('int3', '9, 9, 12')).toEqual([9, 9, 12]);
    expect(fromText('dates', '2026-03-09 2026-05-08')).toEqual(['2026-03-09', '2026-05-08']);
    expect(fromText('money-or-empty', '')).toBeNull();
    expect(fromText('money-or-empty', '5 000')).toBe(5000);
    expect(toText('money-or-empty', null)).toBe('');
    expect(fromText('time', '9.05')).toBe('09:05');
  });

  it('edits dates and weekdays as sets', () => {
    expect(addDate(['2026-05-08'], '2026-03-09')).toEqual(['2026-03-09', '2026-05-08']);
    expect(addDate(['2026-03-09'], '2026-03-09')).toEqual(['2026-03-09']);
    expect(removeDate(['2026-03-09', '2026-05-08'], '2026-03-09')).toEqual(['2026-05-08']);
    expect(toggleWeekday([1, 2, 3, 4, 5], 6, true)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toggleWeekday([1, 2, 3], 2, false)).toEqual([1, 3]);
  });

  it('sets a path without touching the original', () => {
    const next = setPath(defaultSettings, 'newClients.firstContactMinutes', 120);
    expect(next.newClients.firstContactMinutes).toBe(120);
    expect(defaultSettings.newClients.firstContactMinutes).toBe(60);
    expect(next.calendar).toBe(defaultSettings.calendar);
    expect(getPath(next, 'amocrm.stageNames.contacted')).toBe('Связались с клиентом');
  });

  it('lists what differs from the defaults', () => {
    expect(changedPaths(defaultSettings, defaultSettings)).toEqual([]);
    const s = setPath(setPath(defaultSettings, 'calendar.extraDaysOff', ['2026-03-09']), 'motivation.firstPostFine', 5000);
    expect(changedPaths(s, defaultSettings).sort()).toEqual(['calendar.extraDaysOff', 'motivation.firstPostFine']);
    expect(sameValue([9, 9, 12], [9, 9, 12])).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('an edit is saved only when the whole settings object is valid', () => {
  it('accepts a valid value', () => {
    const r = applyEdit(defaultSettings, 'newClients.firstContactMinutes', 120);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings.newClients.firstContactMinutes).toBe(120);
  });

  it('rejects text in a number field at its path', () => {
    const r = applyEdit(defaultSettings, 'newClients.firstContactMinutes', fromText('int', 'час'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([{ path: 'newClients.firstContactMinutes', message: 'must be a whole number from 1 to 1440' }]);
  });

  it('reports cross-field errors at the path the engine names', () => {
    const r = applyEdit(defaultSettings, 'calendar.workEnd', '09:00');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['calendar.workEnd']);
  });

  it('reset of a group or of everything gives valid settings that do not share state with the defaults', () => {
    const edited = setPath(defaultSettings, 'calendar.extraDaysOff', ['2026-03-09']) as Settings;
    const reset = resetGroup(edited, 'calendar');
    expect(reset.calendar).toEqual(defaultSettings.calendar);
    expect(reset.calendar).not.toBe(defaultSettings.calendar);
    expect(validateSettings(reset).ok).toBe(true);
    const all = resetAll();
    expect(all).toEqual(defaultSettings);
    all.calendar.workDays.push(6);
    expect(defaultSettings.calendar.workDays).toEqual([1, 2, 3, 4, 5]);
  });
});
