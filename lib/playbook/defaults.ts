// The one place with every default of docs/playbook.md. Nothing else in the code base may
// hard-code a duration, a clock time, a name or an amount: read it from Settings. The texts have
// an English default beside the Russian one (defaultTextsEn), shown when the agency chose English
// and left the text as it was (lib/playbook/localize.ts).
import { defaultCalendarSettings } from '../calendar/defaults';
import type { DeepPartial, Settings } from './settings-types';
import { defaultTemplates, defaultTemplatesEn } from './templates';

export const defaultSettings: Settings = {
  interface: { language: 'ru' },
  calendar: defaultCalendarSettings,
  newClients: {
    firstContactMinutes: 60,
    firstContactNextDayBy: '11:00',
    conceptCallHours: 24,
    referenceAccounts: 3,
    firstPlanDays: 9,
    firstPostWorkingDays: 3,
  },
  currentClients: {
    periodDays: 30,
    firstPeriodStart: 'first-post',
    dailyPostBy: '23:59',
    dailyPostReminder: '18:00',
    storiesEveryDays: 3,
    plan2Day: 6,
    plan3Day: 15,
    planLengths: [9, 9, 12],
    planWorkingDays: 3,
    planStartTime: '10:00',
    engagementSlots: ['11:00', '19:00'],
    engagementOverdueMinutes: 60,
    renewalContactDaysBefore: 3,
    renewalContactBy: '20:00',
    lostAfterDays: 7,
  },
  alarms: {
    hourRuleWarningMinutes: 15,
    dayRuleWarningMinutes: 180,
    quietHoursStart: '20:00',
    quietHoursEnd: '10:00',
    breachesIgnoreQuietHours: true,
  },
  motivation: {
    baseSalary: 150_000,
    renewalBonus: 10_000,
    lossPenalty: 5_000,
    refundPenalty: 4_000,
    keptBonus: 2_000,
    bestManagerBonus: 30_000,
    refundWindowDays: 10,
    serviceMonthDays: 30,
    firstPostFine: null,
  },
  people: {
    growthSpecialist: 'Иван',
    adManager: 'Менеджер по рекламе',
    agencyName: 'SMM PRO',
    agencyEmail: 'service@smmpro.agency',
  },
  amocrm: {
    subdomain: '',
    pipelineName: '',
    stageNames: {
      contacted: 'Связались с клиентом',
      questionnaire: 'Получена анкета',
      launched: 'Проект запущен',
      'notice-sent': 'Отправлено уведомление',
      lost: 'Клиент потерян',
    },
    fieldNames: {
      service: 'Услуга',
      payer: 'Тип клиента',
      startDate: 'Дата начала обслуживания',
      credentials: 'Логин/пароль от аккаунта Instagram',
      instagram: 'Instagram',
    },
    serviceValues: { management: 'Ведение аккаунта', complex: 'Комплексное продвижение' },
    payerValues: { individual: 'Физ. лицо', legal: 'Юр. лицо' },
    lossRefundMarker: 'Возврат',
    shareFacts: true,
  },
  templates: defaultTemplates,
};

/**
 * English defaults of the agency's texts, shaped like the settings: what an English interface
 * shows for a text still at its Russian default. Only for showing — amoCRM is matched by the
 * stored names (lib/amocrm/mapping.ts), whatever the interface language.
 */
export const defaultTextsEn: DeepPartial<Settings> = {
  people: {
    growthSpecialist: 'Ivan',
    adManager: 'Ad manager',
  },
  amocrm: {
    stageNames: {
      contacted: 'Client contacted',
      questionnaire: 'Questionnaire received',
      launched: 'Project launched',
      'notice-sent': 'Notice sent',
      lost: 'Client lost',
    },
    fieldNames: {
      service: 'Service',
      payer: 'Client type',
      startDate: 'Service start date',
      credentials: 'Instagram account login/password',
    },
    serviceValues: { management: 'Account management', complex: 'Full-service promotion' },
    payerValues: { individual: 'Individual', legal: 'Legal entity' },
    lossRefundMarker: 'Refund',
  },
  templates: defaultTemplatesEn,
};
