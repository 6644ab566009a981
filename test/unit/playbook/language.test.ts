// One language at a time: the interface language is the agency's choice in settings (Russian by
// default); in English every playbook text the agency left alone shows its English default, and
// what the agency edited stays as written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerText } from '../../../lib/alarms/strings';
import { holidayName } from '../../../lib/options/holiday-names';
import { KZ_HOLIDAYS } from '../../../lib/calendar/kz-holidays.data';
import { computePayroll } from '../../../lib/payroll/compute-payroll';
import { defaultTextsEn } from '../../../lib/playbook/defaults';
import { MISSING, NOTICE_WITH_TEMPLATE, STEPS } from '../../../lib/playbook/engine-texts';
import { languageOf, shownSettings, shownText } from '../../../lib/playbook/localize';
import { itemTitle, RULE_IDS, RULES, ruleSummaryOf, ruleTitleOf } from '../../../lib/playbook/rules';
import {
  defaultSettings,
  mergeSettings,
  validateSettings,
  type DeepPartial,
  type Settings,
} from '../../../lib/playbook/settings';
import { stageChecklist } from '../../../lib/playbook/stage-checklist';
import { defaultTemplates, defaultTemplatesEn, placeholdersOf } from '../../../lib/playbook/templates';
import { parseScenario, runScenario } from '../../../lib/sla';
import type { Service, Stage } from '../../../lib/model/facts';
import { contentSettings } from '../../../lib/worker/least-privilege';
import { warningsOf } from '../../../lib/worker/warnings';

const CYRILLIC = /[\u0400-\u04FF]/;
const custom = (patch: DeepPartial<Settings>) => mergeSettings(defaultSettings, patch);
const english = custom({ interface: { language: 'en' } });

/** Every string leaf of a value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the interface language', () => {
  it('is Russian by default and for settings saved before the choice existed', () => {
    expect(defaultSettings.interface.language).toBe('ru');
    expect(languageOf(defaultSettings)).toBe('ru');
    expect(languageOf({})).toBe('ru');
    expect(languageOf(english)).toBe('en');
  });

  it('is a validated setting: only ru or en', () => {
    expect(validateSettings(english).ok).toBe(true);
    const bad = validateSettings({ ...defaultSettings, interface: { language: 'auto' } });
    expect(bad.ok ? [] : bad.errors).toEqual([{ path: 'interface.language', message: 'must be ru or en' }]);
  });
});

describe('English defaults of the playbook texts', () => {
  it('exist for every rule title, summary and checklist item, and contain no Cyrillic', () => {
    for (const rule of RULE_IDS) {
      const meta = RULES[rule];
      for (const text of [meta.titleEn, meta.summaryEn]) expect(text, rule).not.toMatch(CYRILLIC);
      for (const item of meta.items) {
        expect(item.titleEn, `${rule}/${item.id}`).not.toMatch(CYRILLIC);
        expect(placeholdersOf(item.titleEn).sort(), `${rule}/${item.id}`).toEqual(placeholdersOf(item.title).sort());
        for (const info of Object.values(item.infoFor ?? {})) {
          expect(info.en).not.toMatch(CYRILLIC);
          expect(placeholdersOf(info.en).sort()).toEqual(placeholdersOf(info.ru).sort());
        }
      }
    }
    for (const text of [...Object.values(MISSING), NOTICE_WITH_TEMPLATE, ...Object.values(STEPS)]) {
      expect(text.en).not.toMatch(CYRILLIC);
      expect(placeholdersOf(text.en).sort()).toEqual(placeholdersOf(text.ru).sort());
    }
  });

  it('exist for every template, with the same placeholders as the Russian one', () => {
    for (const [id, ru] of Object.entries(defaultTemplates)) {
      const en = defaultTemplatesEn[id as keyof typeof defaultTemplates];
      for (const [path, text] of strings(en)) expect(text, `${id}.${path}`).not.toMatch(CYRILLIC);
      expect(placeholdersOf(en.text).sort(), id).toEqual(placeholdersOf(ru.text).sort());
      expect(placeholdersOf(en.subject).sort(), id).toEqual(placeholdersOf(ru.subject).sort());
      expect(en.subject === '', id).toBe(ru.subject === '');
    }
  });

  it('cover every Cyrillic text default of the settings', () => {
    const shown = shownSettings(english);
    const left = strings(shown).filter(([, text]) => CYRILLIC.test(text));
    expect(left).toEqual([]);
    for (const [path] of strings(defaultTextsEn)) expect(path).toMatch(/^(people|amocrm|templates)\./);
  });
});

describe('which texts switch language', () => {
  it('unedited texts follow the language; edited ones stay as written in both', () => {
    expect(shownText('Иван', 'Иван', 'Ivan', 'en')).toBe('Ivan');
    expect(shownText('Ivan', 'Иван', 'Ivan', 'ru')).toBe('Иван');
    expect(shownText('Пётр', 'Иван', 'Ivan', 'en')).toBe('Пётр');
    expect(shownText('Peter', 'Иван', 'Ivan', 'ru')).toBe('Peter');

    const edited = custom({
      interface: { language: 'en' },
      people: { growthSpecialist: 'Пётр' },
      amocrm: { stageNames: { contacted: 'Дозвонились' } },
      templates: { renewalScript: { title: 'Наш скрипт продления' } },
    });
    const shown = shownSettings(edited);
    expect(shown.people.growthSpecialist).toBe('Пётр');
    expect(shown.people.adManager).toBe('Ad manager');
    expect(shown.amocrm.stageNames.contacted).toBe('Дозвонились');
    expect(shown.amocrm.stageNames.launched).toBe('Project launched');
    expect(shown.templates.renewalScript.title).toBe('Наш скрипт продления');
    expect(shown.templates.renewalScript.text).toBe(defaultTemplatesEn.renewalScript.text);
    expect(shown.templates.firstCallScript.title).toBe('Script #3. First call');
    // the stored settings are not touched: amoCRM is matched by them
    expect(edited.amocrm.stageNames.launched).toBe('Проект запущен');
    expect(ruleTitleOf('first-contact', edited)).toBe('First call to the client');
    expect(itemTitle(RULES['first-contact'].items[0]!, 'management', edited)!.title).toBe(
      'Call using script #3 and set the status “Дозвонились”',
    );
    expect(itemTitle(RULES['concept-call'].items[4]!, 'complex', edited)!.title).toBe(
      'Full-service promotion: nothing to send to the follower growth specialist (Пётр)',
    );
  });

  it('Russian stays Russian, whatever the defaults were saved as', () => {
    const savedEnglish = custom({
      people: { growthSpecialist: 'Ivan' },
      amocrm: { stageNames: { launched: 'Project launched' } },
    });
    expect(ruleTitleOf('first-contact', savedEnglish)).toBe('Первый звонок клиенту');
    expect(itemTitle(RULES.launch.items[1]!, 'management', savedEnglish)!.title).toBe('Поставить статус «Проект запущен»');
    expect(ruleSummaryOf('stories', savedEnglish)).toContain('раза в 3 дня');
  });

  it('the complex-service notes read right for any name, in both languages', () => {
    for (const name of ['Иван', 'Айгерим', 'Ольга Петровна']) {
      const ru = custom({ people: { growthSpecialist: name } });
      expect(itemTitle(RULES['concept-call'].items[4]!, 'complex', ru)!.title).toBe(
        `Комплексное продвижение: писать специалисту по набору подписчиков (${name}) ничего не нужно`,
      );
    }
  });
});

describe('in English nothing the product says is Cyrillic', () => {
  const stages: (Stage | null)[] = [null, 'contacted', 'questionnaire', 'launched', 'notice-sent', 'lost'];
  const services: Service[] = ['management', 'complex'];

  it('the stage guidance', () => {
    for (const stage of stages)
      for (const service of services) {
        const list = stageChecklist(stage, service, english);
        for (const [path, text] of strings(list)) expect(text, `${stage}/${service}/${path}`).not.toMatch(CYRILLIC);
        const ru = stageChecklist(stage, service, defaultSettings);
        for (const step of ru.steps) expect(step.title).toMatch(CYRILLIC);
      }
  });

  it('every obligation, item and missing text of every shipped scenario', () => {
    const dir = join(__dirname, '../../../scenarios');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const input = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { settings?: object };
      for (const language of ['en', 'ru'] as const) {
        const parsed = parseScenario({ ...input, settings: { ...input.settings, interface: { language } } });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const texts = runScenario(parsed.scenario).flatMap((o) => [
          o.title,
          ...(o.items ?? []).map((i) => i.title),
          ...(o.missing ?? []),
        ]);
        expect(texts.length, file).toBeGreaterThan(0);
        for (const text of texts) {
          if (language === 'en') expect(text, file).not.toMatch(CYRILLIC);
          else expect(text === 'Stories' || CYRILLIC.test(text), `${file}: ${text}`).toBe(true);
        }
      }
    }
  });

  it('the worker texts, warnings, payroll and what content scripts are sent', () => {
    const t = workerText(languageOf(english));
    expect(t('action.title')).toBe('Reglament: what is due today');
    const client = {
      id: 'x.amocrm.ru:1',
      host: 'x.amocrm.ru',
      leadId: 1,
      name: 'Кофейня',
      stageName: 'Проект запущен',
      service: null,
      payer: null,
      managerId: null,
      managerName: null,
      credentialsFilled: false,
      instagram: null,
    } as unknown as Parameters<typeof warningsOf>[0];
    const warnings = warningsOf(client, [], [], null, 'launched', english);
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.message).not.toMatch(CYRILLIC);
    const payroll = computePayroll({
      month: '2026-12',
      settings: english,
      now: Date.UTC(2026, 11, 20),
      clients: [{ client, events: [] }],
    });
    for (const [path, text] of strings(payroll)) expect(text, path).not.toMatch(CYRILLIC);
    const view = contentSettings(english);
    expect(view.amocrm.stageNames.launched).toBe('Проект запущен');
    expect(view.shownAmocrm.stageNames.launched).toBe('Project launched');
    expect(view.templates.firstCallScript.title).toBe('Script #3. First call');
  });
});

describe('holiday names', () => {
  it('every Kazakhstan holiday of the data has an English name', () => {
    for (const [date, name] of KZ_HOLIDAYS) expect(holidayName(name, 'en'), `${date} ${name}`).not.toMatch(CYRILLIC);
    expect(holidayName('Новый год (перенос выходного)', 'en')).toBe("New Year's Day (moved day off)");
    expect(holidayName('Наурыз мейрамы', 'ru')).toBe('Наурыз мейрамы');
    expect(holidayName('День города', 'en')).toBe('День города');
  });
});
