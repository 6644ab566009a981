import type { CalendarSettings } from '../calendar/types';
import type { Locale } from '../i18n/locale';
import type { Payer, Service, Stage } from '../model/facts';

/** HH:MM wall time in the agency zone. */
export type ClockTime = string;

export type TemplateId = 'firstCallScript' | 'renewalScript' | 'paymentDetailsIndividual' | 'invoiceLegal' | 'followerQuestion';

export interface TemplateText {
  /** Name shown in the UI (the agency's own name for an e-mail template). */
  title: string;
  /** E-mail subject; empty for call scripts and messengers. */
  subject: string;
  /** Body with `{placeholders}` (see lib/playbook/templates.ts). */
  text: string;
}

export interface NewClientsSettings {
  /** first-contact: minutes after the deal appears, when it appears inside working hours. */
  firstContactMinutes: number;
  /** first-contact: outside working hours, due at the next occurrence of this time. */
  firstContactNextDayBy: ClockTime;
  /** concept-call: clock hours after the questionnaire. */
  conceptCallHours: number;
  /** concept-call: how many reference accounts to pick. */
  referenceAccounts: number;
  /** first-plan: days the first content plan covers. */
  firstPlanDays: number;
  /** first-post-72h: working days from the questionnaire to the first post. */
  firstPostWorkingDays: number;
}

export interface CurrentClientsSettings {
  /** Length of one service period S..E (days). */
  periodDays: number;
  /**
   * Where the first period starts: `first-post` = the day of the first post (the start-date field
   * is used only until a post is seen); `start-date-field` = the «Дата начала обслуживания» value
   * when filled, the first post otherwise.
   */
  firstPeriodStart: 'first-post' | 'start-date-field';
  /** daily-post: deadline time of each day. */
  dailyPostBy: ClockTime;
  /** daily-post: reminder when today has no post yet. */
  dailyPostReminder: ClockTime;
  /** stories: at least one story every N days. */
  storiesEveryDays: number;
  /** content-plan-2 / -3: day offsets from S when the next plan starts. */
  plan2Day: number;
  plan3Day: number;
  /** Days covered by plans 1, 2, 3 (9/9/12). */
  planLengths: [number, number, number];
  /** content-plan-2/3: working days allowed, counted from the start day at planStartTime. */
  planWorkingDays: number;
  planStartTime: ClockTime;
  /** engagement-round: daily check times. */
  engagementSlots: ClockTime[];
  /** engagement-round: overdue this many minutes after its slot. */
  engagementOverdueMinutes: number;
  /** renewal-contact: days before E, and the time that day it is due. */
  renewalContactDaysBefore: number;
  renewalContactBy: ClockTime;
  /** lost-deadline: days after E without payment. */
  lostAfterDays: number;
}

export interface AlarmSettings {
  /** Warning before rules measured in hours (first-contact, engagement-round). */
  hourRuleWarningMinutes: number;
  /** Warning before rules measured in days. */
  dayRuleWarningMinutes: number;
  /** Non-breach notifications wait outside these hours (start of quiet → end of quiet). */
  quietHoursStart: ClockTime;
  quietHoursEnd: ClockTime;
  /** Breaches notify even in quiet hours. */
  breachesIgnoreQuietHours: boolean;
}

export interface MotivationSettings {
  baseSalary: number;
  renewalBonus: number;
  lossPenalty: number;
  refundPenalty: number;
  keptBonus: number;
  bestManagerBonus: number;
  /** Days after S during which a refund counts as "within the first days" (10). */
  refundWindowDays: number;
  /** Days of service after which renewal/loss count ("after a month of service"). */
  serviceMonthDays: number;
  /** Fine per first-post-72h breach; null = not set (breach recorded, 0 ₸). */
  firstPostFine: number | null;
}

export interface PeopleSettings {
  growthSpecialist: string;
  adManager: string;
  agencyName: string;
  agencyEmail: string;
}

export interface AmoCrmSettings {
  /** `smmpro` of smmpro.amocrm.ru; empty = any account. */
  subdomain: string;
  /** Pipeline to follow; empty = the account's main pipeline. */
  pipelineName: string;
  stageNames: Record<Stage, string>;
  fieldNames: {
    service: string;
    payer: string;
    startDate: string;
    credentials: string;
    instagram: string;
  };
  serviceValues: Record<Service, string>;
  payerValues: Record<Payer, string>;
  /** A loss reason containing this text marks a refund. */
  lossRefundMarker: string;
  /**
   * Every fact Reglament learns (ticks, posts and Stories seen, rounds) is written to its deal as a
   * service note, so the team and the head read one record (lib/record). On by default.
   */
  shareFacts: boolean;
}

export interface InterfaceSettings {
  /**
   * The one language of every page, notification and playbook text (the agency's choice, not the
   * browser's). In English, texts the agency left at their defaults show their English defaults;
   * texts it edited show as written.
   */
  language: Locale;
}

export interface Settings {
  interface: InterfaceSettings;
  calendar: CalendarSettings;
  newClients: NewClientsSettings;
  currentClients: CurrentClientsSettings;
  alarms: AlarmSettings;
  motivation: MotivationSettings;
  people: PeopleSettings;
  amocrm: AmoCrmSettings;
  templates: Record<TemplateId, TemplateText>;
}

/**
 * What content scripts get (`settings.view`): no pay, fines or alarm preferences. People and
 * templates come as shown in the interface language (lib/playbook/localize.ts), the amoCRM names
 * both as stored (`amocrm`, to match amoCRM's own) and as shown (`shownAmocrm`): the worker
 * localizes, so the content scripts carry no copy of the defaults.
 */
export type ContentSettings = Omit<Settings, 'motivation' | 'alarms'> & { shownAmocrm: AmoCrmSettings };

/** Deep partial: arrays and scalars replace, objects merge. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
