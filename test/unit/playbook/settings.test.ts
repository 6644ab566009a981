import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  fillTemplate,
  mergeSettings,
  RULES,
  stageChecklist,
  validateSettings,
  itemTitle,
} from '../../../lib/playbook';

describe('settings', () => {
  it('defaults carry the playbook values and validate', () => {
    expect(validateSettings(defaultSettings)).toEqual({ ok: true, value: defaultSettings });
    expect(defaultSettings.calendar.timeZone).toBe('Asia/Almaty');
    expect(defaultSettings.people).toMatchObject({ growthSpecialist: 'Иван', agencyEmail: 'service@smmpro.agency' });
    expect(defaultSettings.amocrm.stageNames.questionnaire).toBe('Получена анкета');
    expect(defaultSettings.amocrm.serviceValues).toEqual({ management: 'Ведение аккаунта', complex: 'Комплексное продвижение' });
    expect(defaultSettings.currentClients.planLengths).toEqual([9, 9, 12]);
    expect(defaultSettings.motivation.firstPostFine).toBeNull();
  });

  it('rejects bad values naming the setting path', () => {
    const bad = mergeSettings(defaultSettings, {
      calendar: { workStart: '9am', timeZone: 'Nowhere/City', workDays: [0, 1] },
      motivation: { renewalBonus: -5 },
      people: { agencyEmail: 'nope' },
      currentClients: { engagementSlots: ['11:00', '25:00'] },
    });
    const r = validateSettings(bad);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContain('calendar.workStart: must be HH:MM');
    expect(paths.some((p) => p.startsWith('calendar.timeZone:'))).toBe(true);
    expect(paths.some((p) => p.startsWith('calendar.workDays:'))).toBe(true);
    expect(paths.some((p) => p.startsWith('motivation.renewalBonus:'))).toBe(true);
    expect(paths).toContain('people.agencyEmail: must be an e-mail address');
    expect(paths.some((p) => p.startsWith('currentClients.engagementSlots:'))).toBe(true);
  });

  it('reports missing, mistyped and unknown settings', () => {
    const { alarms: _drop, ...rest } = defaultSettings;
    const r = validateSettings({ ...rest, extra: 1, motivation: { ...defaultSettings.motivation, baseSalary: '150000' } });
    expect(r.ok ? [] : r.errors).toEqual(
      expect.arrayContaining([
        { path: 'alarms', message: 'is missing' },
        { path: 'extra', message: 'unknown setting' },
        expect.objectContaining({ path: 'motivation.baseSalary' }),
      ]),
    );
    expect(validateSettings(mergeSettings(defaultSettings, { calendar: { workStart: '20:00', workEnd: '10:00' } })).ok).toBe(
      false,
    );
    expect(validateSettings(mergeSettings(defaultSettings, { motivation: { firstPostFine: 5000 } })).ok).toBe(true);
  });

  it('mergeSettings deep-merges without mutating and replaces arrays', () => {
    const m = mergeSettings(defaultSettings, { calendar: { extraDaysOff: ['2026-12-31'] }, people: { adManager: 'Алия' } });
    expect(m.calendar.extraDaysOff).toEqual(['2026-12-31']);
    expect(m.calendar.timeZone).toBe('Asia/Almaty');
    expect(m.people.adManager).toBe('Алия');
    expect(defaultSettings.calendar.extraDaysOff).toEqual([]);
    expect(m.newClients).toBe(defaultSettings.newClients); // untouched groups keep identity (caches)
  });
});

describe('templates', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(
      fillTemplate('Здравствуйте, {client}! Срок до {endDate}. {amount} ₸ {{x}}', { client: 'Алия', endDate: '08.01.2027' }),
    ).toBe('Здравствуйте, Алия! Срок до 08.01.2027. {amount} ₸ {x}');
    for (const t of Object.values(defaultSettings.templates)) {
      expect(t.text.length).toBeGreaterThan(100);
      expect(t.text).toContain('{client}');
    }
    expect(defaultSettings.templates.paymentDetailsIndividual.title).toBe('Реквизиты для оплаты (физ. лица)');
    expect(defaultSettings.templates.invoiceLegal.title).toBe('Счет на оплату (юр. лица)');
  });
});

describe('rules and checklists', () => {
  it('branches concept-call and first-plan by service', () => {
    const growth = RULES['concept-call'].items.find((i) => i.id === 'growth-started')!;
    expect(itemTitle(growth, 'management', defaultSettings)).toEqual({ title: expect.stringContaining('Иван'), info: false });
    expect(itemTitle(growth, 'complex', defaultSettings)?.info).toBe(true);
    const setup = RULES['first-plan'].items.find((i) => i.id === 'account-setup')!;
    expect(itemTitle(setup, 'complex', defaultSettings)?.title).toContain('аккаунт оформляет менеджер по рекламе');
    expect(RULES['concept-call'].items.map((i) => i.id)).toEqual([
      'concept-draft',
      'references',
      'concept-agreed',
      'materials-requested',
      'growth-started',
    ]);
  });

  it('stage checklist says what to do now', () => {
    const q = stageChecklist('questionnaire', 'complex', defaultSettings);
    expect(q.stageName).toBe('Получена анкета');
    expect(q.nextStage).toBe('launched');
    expect(q.steps.find((s) => s.id === 'growth-started')?.info).toBe(true);
    expect(stageChecklist(null, 'management', defaultSettings).templates).toEqual(['firstCallScript']);
    expect(stageChecklist('launched', 'complex', defaultSettings).steps.some((s) => s.id === 'ad-manager-asked')).toBe(true);
    expect(stageChecklist('lost', null, defaultSettings).steps).toEqual([]);
  });
});
