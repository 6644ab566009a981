// The settings schema (lib/playbook/settings-schema.ts) behind validateSettings: field paths, bounds,
// prototype keys, partial settings over the defaults, and a round trip of any valid settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings, validateSettings, type Settings } from '../../../lib/playbook/settings';
import { MAX_DATES, MAX_SETTING_TEXT, MAX_SLOTS } from '../../../lib/playbook/settings-schema';
import { FIELD_BY_PATH } from '../../../lib/options/fields';
import { localizeError } from '../../../lib/options/strings';

const copy = (): Settings => structuredClone(defaultSettings);
const withValue = (path: string, value: unknown): unknown => {
  const raw = copy() as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, raw);
  parent[keys.at(-1)!] = value;
  return raw;
};
const errorsOf = (input: unknown) => {
  const r = validateSettings(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

/** Every leaf path of the defaults (arrays are leaves: one setting each). */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('settings schema: field paths', () => {
  it('reports a bad item of a list once, at the list (where its input is)', () => {
    expect(errorsOf(withValue('calendar.extraDaysOff', ['2026-12-31', '31.12.2026', 'x', 5]))).toEqual([
      `calendar.extraDaysOff: must be a list of at most ${MAX_DATES} YYYY-MM-DD dates`,
    ]);
    expect(errorsOf(withValue('calendar.workDays', [1, 1]))).toEqual([
      'calendar.workDays: must list distinct ISO weekdays 1 (Mon) … 7 (Sun), at least one',
    ]);
    expect(errorsOf(withValue('currentClients.planLengths', [9, 9]))).toEqual([
      'currentClients.planLengths: must be three day counts',
    ]);
    expect(errorsOf(withValue('currentClients.planLengths', [9, 9, 0]))).toEqual([
      'currentClients.planLengths: must be three day counts',
    ]);
  });

  it('names a missing group, a missing setting, an unknown one and a group that is not an object', () => {
    const { people: _drop, ...noPeople } = copy();
    expect(errorsOf(noPeople)).toEqual(['people: is missing']);
    const { agencyName: _name, ...people } = defaultSettings.people;
    expect(errorsOf({ ...copy(), people })).toEqual(['people.agencyName: is missing']);
    expect(errorsOf({ ...copy(), alarms: { ...defaultSettings.alarms, snooze: 5 } })).toEqual(['alarms.snooze: unknown setting']);
    expect(errorsOf({ ...copy(), motivation: 'rich' })).toEqual(['motivation: must be an object']);
    expect(errorsOf('settings')).toEqual(['(root): must be an object']);
    expect(errorsOf(null)).toEqual(['(root): must be an object']);
  });

  it('a wrong kind of value at any leaf is reported at that leaf, with a translated message', () => {
    const paths = leaves(defaultSettings);
    // Doubles that are not whole: no numeric setting takes one.
    const fraction = fc.double().filter((d) => !Number.isInteger(d));
    const wrong = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.object(), fc.string(), fraction);
    fc.assert(
      fc.property(fc.constantFrom(...paths), wrong, ([path, original], value) => {
        fc.pre(JSON.stringify(value) !== JSON.stringify(original));
        const r = validateSettings(JSON.parse(JSON.stringify(withValue(path, value))));
        if (r.ok) {
          // Only a value of the right kind inside the setting's bounds may pass.
          expect(typeof value).toBe(typeof original === 'object' && original === null ? 'number' : typeof original);
          return;
        }
        // At the leaf, or inside it (a forbidden key deep in an object put there).
        expect(
          r.errors.some((e) => e.path === path || e.path.startsWith(`${path}.`)),
          JSON.stringify(r.errors),
        ).toBe(true);
        for (const e of r.errors) {
          if (FIELD_BY_PATH.has(e.path)) expect(localizeError(e.message, 'en'), e.message).not.toBe(e.message);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('checks relations once each setting is valid', () => {
    expect(errorsOf(mergeSettings(defaultSettings, { calendar: { workStart: '20:00', workEnd: '10:00' } }))).toEqual([
      'calendar.workEnd: must be later than calendar.workStart',
    ]);
    expect(errorsOf(mergeSettings(defaultSettings, { currentClients: { plan2Day: 20, plan3Day: 15 } }))).toEqual([
      'currentClients.plan3Day: must be later than currentClients.plan2Day',
    ]);
    expect(errorsOf(mergeSettings(defaultSettings, { currentClients: { periodDays: 14 } }))).toEqual([
      'currentClients.plan3Day: must fall inside the period (currentClients.periodDays)',
    ]);
  });
});

describe('settings schema: bounds', () => {
  it(`texts up to ${MAX_SETTING_TEXT} characters, ${MAX_DATES} days off, ${MAX_SLOTS} round times`, () => {
    const text = (n: number) => 'я'.repeat(n);
    expect(validateSettings(withValue('templates.renewalScript.text', text(MAX_SETTING_TEXT))).ok).toBe(true);
    expect(errorsOf(withValue('templates.renewalScript.text', text(MAX_SETTING_TEXT + 1)))).toEqual([
      `templates.renewalScript.text: must be at most ${MAX_SETTING_TEXT} characters`,
    ]);
    expect(errorsOf(withValue('people.agencyName', text(MAX_SETTING_TEXT + 1)))).toEqual([
      `people.agencyName: must be at most ${MAX_SETTING_TEXT} characters`,
    ]);
    const day = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const days = (n: number) => Array.from({ length: n }, (_, i) => day(i));
    expect(validateSettings(withValue('calendar.extraDaysOff', days(MAX_DATES))).ok).toBe(true);
    expect(errorsOf(withValue('calendar.extraDaysOff', days(MAX_DATES + 1)))).toEqual([
      `calendar.extraDaysOff: must be a list of at most ${MAX_DATES} YYYY-MM-DD dates`,
    ]);
    const slot = (i: number) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
    const slots = (n: number) => Array.from({ length: n }, (_, i) => slot(i % 48) + (i >= 48 ? 'x' : ''));
    expect(validateSettings(withValue('currentClients.engagementSlots', slots(MAX_SLOTS))).ok).toBe(true);
    expect(errorsOf(withValue('currentClients.engagementSlots', slots(MAX_SLOTS + 1)))).toEqual([
      `currentClients.engagementSlots: must be a list of at most ${MAX_SLOTS} distinct HH:MM times`,
    ]);
  });

  it('a list of a million items is refused by its length, with one error', () => {
    const huge = new Array<string>(1_000_000).fill('not a date');
    expect(errorsOf(withValue('calendar.extraWorkingDays', huge))).toEqual([
      `calendar.extraWorkingDays: must be a list of at most ${MAX_DATES} YYYY-MM-DD dates`,
    ]);
  });

  it('days off lie between 2000 and 2100; amounts are whole tenge; e-mails and subdomains are bounded', () => {
    expect(validateSettings(withValue('calendar.extraDaysOff', ['1999-12-31'])).ok).toBe(false);
    expect(validateSettings(withValue('calendar.extraDaysOff', ['2101-01-01'])).ok).toBe(false);
    expect(validateSettings(withValue('calendar.extraDaysOff', ['2026-02-30'])).ok).toBe(false);
    expect(validateSettings(withValue('motivation.baseSalary', 1.5)).ok).toBe(false);
    expect(validateSettings(withValue('motivation.baseSalary', 1e300)).ok).toBe(false);
    expect(validateSettings(withValue('motivation.firstPostFine', -1)).ok).toBe(false);
    expect(validateSettings(withValue('people.agencyEmail', `${'a'.repeat(300)}@x.kz`)).ok).toBe(false);
    expect(errorsOf(withValue('amocrm.subdomain', 'a'.repeat(64)))).toEqual(['amocrm.subdomain: must be at most 63 characters']);
    expect(validateSettings(withValue('amocrm.subdomain', '')).ok).toBe(true);
    expect(errorsOf(withValue('amocrm.stageNames.lost', '  '))).toEqual(['amocrm.stageNames.lost: must not be empty']);
    expect(validateSettings(withValue('amocrm.pipelineName', '')).ok).toBe(true);
    expect(validateSettings(withValue('templates.invoiceLegal.subject', '')).ok).toBe(true);
  });
});

describe('settings schema: prototype keys and own properties', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s at any depth and pollutes nothing', (key) => {
    for (const at of ['', 'calendar', 'templates.firstCallScript', 'amocrm.stageNames']) {
      // Built from JSON text: an own `__proto__` key, as JSON.parse makes it (assigning one would set the prototype).
      const json = JSON.stringify(defaultSettings);
      const opening = at ? `"${at.split('.').at(-1)}":{` : '{';
      const start = at ? json.indexOf(opening, at.includes('.') ? json.indexOf(`"${at.split('.')[0]}":`) : 0) : 0;
      const input: unknown = JSON.parse(
        json.slice(0, start + opening.length) + `"${key}":{"polluted":1},` + json.slice(start + opening.length),
      );
      expect(errorsOf(input)).toEqual([`${at ? `${at}.` : ''}${key}: forbidden key`]);
    }
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('refuses settings whose groups are inherited, not own', () => {
    const inherited = Object.create(defaultSettings) as Settings;
    expect(validateSettings(inherited).ok).toBe(false);
    const calendar = Object.create(defaultSettings.calendar) as Settings['calendar'];
    expect(validateSettings({ ...copy(), calendar }).ok).toBe(false);
  });
});

describe('settings schema: round trips', () => {
  const time = fc
    .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
    .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const date = fc
    .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const text = fc.string({ maxLength: 200 });
  const filled = text.filter((s) => s.trim() !== '');
  const money = fc.integer({ min: 0, max: 10_000_000 });
  const settings: fc.Arbitrary<Settings> = fc
    .record({
      language: fc.constantFrom('ru' as const, 'en' as const),
      open: fc.integer({ min: 0, max: 22 * 60 }),
      hours: fc.integer({ min: 1, max: 60 }),
      workDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      daysOff: fc.array(date, { maxLength: 30 }),
      workingDays: fc.array(date, { maxLength: 5 }),
      periodDays: fc.integer({ min: 7, max: 366 }),
      slots: fc.uniqueArray(time, { maxLength: MAX_SLOTS }),
      fine: fc.option(money, { nil: null }),
      salary: money,
      names: fc.record({ growth: filled, ad: filled, agency: text, stage: filled, template: filled }),
      share: fc.boolean(),
      subdomain: fc.stringMatching(/^[a-z0-9-]{0,20}$/),
    })
    .chain((g) =>
      fc
        .record({
          plan2: fc.integer({ min: 1, max: Math.min(365, g.periodDays - 2) }),
          gap: fc.integer({ min: 1, max: 365 }),
        })
        .map(({ plan2, gap }) => {
          const s = copy();
          const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
          s.interface.language = g.language;
          s.calendar = {
            ...s.calendar,
            workStart: hhmm(g.open),
            workEnd: hhmm(Math.min(g.open + g.hours, 23 * 60 + 59)),
            workDays: g.workDays,
            extraDaysOff: g.daysOff,
            extraWorkingDays: g.workingDays,
          };
          s.currentClients = {
            ...s.currentClients,
            periodDays: g.periodDays,
            plan2Day: plan2,
            plan3Day: Math.min(plan2 + gap, g.periodDays - 1),
            engagementSlots: g.slots,
          };
          s.motivation = { ...s.motivation, baseSalary: g.salary, firstPostFine: g.fine };
          s.people = { ...s.people, growthSpecialist: g.names.growth, adManager: g.names.ad, agencyName: g.names.agency };
          s.amocrm = {
            ...s.amocrm,
            subdomain: g.subdomain,
            shareFacts: g.share,
            stageNames: { ...s.amocrm.stageNames, launched: g.names.stage },
          };
          s.templates = { ...s.templates, followerQuestion: { ...s.templates.followerQuestion, text: g.names.template } };
          return s;
        }),
    );

  it('any valid settings, serialised and validated again, are themselves', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const first = validateSettings(s);
        expect(first).toEqual({ ok: true, value: s });
        const again = validateSettings(JSON.parse(JSON.stringify(s)));
        expect(again).toEqual({ ok: true, value: s });
      }),
      { numRuns: 200 },
    );
  });

  it('partial settings merge over the defaults and validate; an invalid part changes nothing', () => {
    fc.assert(
      fc.property(
        settings,
        fc.constantFrom('calendar', 'currentClients', 'motivation', 'people', 'amocrm', 'templates'),
        (s, g) => {
          const partial = JSON.parse(JSON.stringify({ [g]: s[g as keyof Settings] })) as Partial<Settings>;
          const merged = mergeSettings(defaultSettings, partial);
          const r = validateSettings(merged);
          expect(r.ok).toBe(true);
          expect(r.ok && r.value[g as keyof Settings]).toEqual(s[g as keyof Settings]);
        },
      ),
      { numRuns: 100 },
    );
    const before = JSON.stringify(defaultSettings);
    expect(validateSettings(mergeSettings(defaultSettings, { people: { agencyEmail: 'nope' } })).ok).toBe(false);
    expect(JSON.stringify(defaultSettings)).toBe(before);
  });
});
