// Rule metadata: titles, kind, and the checklist items each rule asks, with the
// management/complex branching of docs/playbook.md. Titles may hold `{placeholders}` filled
// from settings (see itemTitle) so a renamed person or a changed count shows everywhere.
import type { Service } from '../model/facts';
import type { RuleId } from '../model/obligations';
import type { Settings } from './settings-types';
import type { Locale } from '../i18n/locale';
import { plural } from '../i18n/translate';
import { languageOf, shownSettings } from './localize';
import { fillTemplate } from './templates';

export type RuleKind = 'one-off' | 'recurring';
/** How far ahead alarms warn: hour rules use alarms.hourRuleWarningMinutes, day rules dayRuleWarningMinutes. */
export type RuleScale = 'hours' | 'days';

/** How an item becomes done. `tick` = the manager ticks it; the others are read from facts. */
export type ItemSource = 'tick' | 'stage' | 'post' | 'start-date' | 'credentials' | 'call-recording' | 'payment';

export interface ChecklistItemDef {
  id: string;
  /** Russian title; may use the `{placeholders}` of titleVars (people, counts, stage and field names). */
  title: string;
  /** The English title, with the same placeholders. */
  titleEn: string;
  /** Services that are asked to do it. */
  services: Service[];
  /** Shown instead (as an info item) to the services not asked, in Russian and in English. */
  infoFor?: Partial<Record<Service, Bilingual>>;
  source: ItemSource;
  /** The tick's `value` carries data, e.g. the three reference usernames. */
  valueHint?: string;
}

export interface RuleMeta {
  id: RuleId;
  titleRu: string;
  titleEn: string;
  kind: RuleKind;
  scale: RuleScale;
  /** Which part of the client's life the rule belongs to. */
  phase: 'new' | 'current' | 'renewal';
  /** For recurring rules: the tick item id and what its `key` is. */
  tick?: { item: string; key: 'date' | 'slot' | 'none' };
  items: ChecklistItemDef[];
  /** One-line summary for tooltips. */
  summaryRu: string;
  summaryEn: string;
}

/** A text in both interface languages. */
export interface Bilingual {
  ru: string;
  en: string;
}

const BOTH: Service[] = ['management', 'complex'];

export const RULES: Record<RuleId, RuleMeta> = {
  'first-contact': {
    id: 'first-contact',
    titleRu: 'Первый звонок клиенту',
    titleEn: 'First call to the client',
    kind: 'one-off',
    scale: 'hours',
    phase: 'new',
    summaryRu:
      'Позвонить по скрипту #3 в течение {firstContactMinutes} (оплата вне рабочего времени — до {firstContactNextDayBy}) и поставить статус «{stageContacted}».',
    summaryEn:
      'Call using script #3 within {firstContactMinutes} (payment outside working hours: by {firstContactNextDayBy}) and set the status “{stageContacted}”.',
    items: [
      {
        id: 'contacted',
        title: 'Позвонить по скрипту #3 и поставить статус «{stageContacted}»',
        titleEn: 'Call using script #3 and set the status “{stageContacted}”',
        services: BOTH,
        source: 'stage',
      },
    ],
  },
  'concept-call': {
    id: 'concept-call',
    titleRu: 'Концепция и звонок клиенту',
    titleEn: 'Concept and client call',
    kind: 'one-off',
    scale: 'hours',
    phase: 'new',
    summaryRu: 'За {conceptCallHours} после анкеты: концепция, аккаунты-референсы, звонок, запрос материалов.',
    summaryEn: 'Within {conceptCallHours} of the questionnaire: concept, reference accounts, call, request for materials.',
    items: [
      {
        id: 'concept-draft',
        title: 'Сформировать предварительную концепцию ведения аккаунта',
        titleEn: 'Draft a preliminary concept for the account',
        services: BOTH,
        source: 'tick',
      },
      {
        id: 'references',
        title: 'Подобрать {referenceAccounts} аккаунта, с которых можно взять идеи',
        titleEn: 'Pick {referenceAccounts} accounts to take ideas from',
        services: BOTH,
        source: 'tick',
        valueHint: 'usernames через запятую',
      },
      {
        id: 'concept-agreed',
        title: 'Созвониться с клиентом и согласовать концепцию',
        titleEn: 'Call the client and agree on the concept',
        services: BOTH,
        source: 'tick',
      },
      {
        id: 'materials-requested',
        title: 'Запросить информацию для контента и материалы в высоком разрешении на {agencyEmail}',
        titleEn: 'Ask for content information and high-resolution materials sent to {agencyEmail}',
        services: BOTH,
        source: 'tick',
      },
      {
        id: 'growth-started',
        title: 'Отправить логин/пароль от Instagram: {growthSpecialist} — запустить набор подписчиков',
        titleEn: 'Send the Instagram login/password to {growthSpecialist} to start follower growth',
        services: ['management'],
        // The name stays in the nominative (a template cannot decline it): «Ивану» would need a case.
        infoFor: {
          complex: {
            ru: '{serviceComplex}: писать специалисту по набору подписчиков ({growthSpecialist}) ничего не нужно',
            en: '{serviceComplex}: nothing to send to the follower growth specialist ({growthSpecialist})',
          },
        },
        source: 'tick',
      },
    ],
  },
  'first-plan': {
    id: 'first-plan',
    titleRu: 'Первый контент-план',
    titleEn: 'First content plan',
    kind: 'one-off',
    scale: 'days',
    phase: 'new',
    summaryRu: 'После получения материалов: контент-план на первые {firstPlanDays} дней, согласование, оформление аккаунта.',
    summaryEn:
      'Once the materials are in: content plan for the first {firstPlanDays} days, agreed with the client, account set up.',
    items: [
      {
        id: 'materials-received',
        title: 'Все материалы от клиента получены',
        titleEn: 'All materials from the client received',
        services: BOTH,
        source: 'tick',
      },
      {
        id: 'plan-1-agreed',
        title: 'Контент-план на первые {firstPlanDays} дней согласован с клиентом (с учётом правок)',
        titleEn: 'Content plan for the first {firstPlanDays} days agreed with the client (edits included)',
        services: BOTH,
        source: 'tick',
      },
      {
        id: 'account-setup',
        title: 'Оформить аккаунт: аватар, кнопки связи, ссылка на WhatsApp, УТП в описании, призыв к действию, контакты',
        titleEn:
          'Set up the account: profile picture, contact buttons, WhatsApp link, selling point in the bio, call to action, contacts',
        services: ['management'],
        infoFor: {
          complex: {
            ru: '{serviceComplex}: аккаунт оформляет менеджер по рекламе ({adManager})',
            en: '{serviceComplex}: the ad manager ({adManager}) sets up the account',
          },
        },
        source: 'tick',
      },
    ],
  },
  launch: {
    id: 'launch',
    titleRu: 'Запуск проекта',
    titleEn: 'Project launch',
    kind: 'one-off',
    scale: 'days',
    phase: 'new',
    summaryRu: 'Начать публикации, статус «{stageLaunched}», заполнить поля «{fieldCredentials}» и «{fieldStartDate}».',
    summaryEn: 'Start posting, set the status “{stageLaunched}”, fill in the fields “{fieldCredentials}” and “{fieldStartDate}”.',
    items: [
      { id: 'first-post', title: 'Опубликовать первый пост', titleEn: 'Publish the first post', services: BOTH, source: 'post' },
      {
        id: 'stage-launched',
        title: 'Поставить статус «{stageLaunched}»',
        titleEn: 'Set the status “{stageLaunched}”',
        services: BOTH,
        source: 'stage',
      },
      {
        id: 'credentials-filled',
        title: 'Заполнить поле «{fieldCredentials}»',
        titleEn: 'Fill in the field “{fieldCredentials}”',
        services: BOTH,
        source: 'credentials',
      },
      {
        id: 'start-date-filled',
        title: 'Заполнить поле «{fieldStartDate}»',
        titleEn: 'Fill in the field “{fieldStartDate}”',
        services: BOTH,
        source: 'start-date',
      },
    ],
  },
  'first-post-72h': {
    id: 'first-post-72h',
    titleRu: 'Первая публикация за {firstPostWorkingDays}',
    titleEn: 'First post within {firstPostWorkingDays}',
    kind: 'one-off',
    scale: 'days',
    phase: 'new',
    summaryRu: 'От анкеты до первой публикации — не более {firstPostWorkingDaysGen}, иначе штраф.',
    summaryEn: 'No more than {firstPostWorkingDaysGen} from the questionnaire to the first post, or a fine.',
    items: [],
  },
  'daily-post': {
    id: 'daily-post',
    titleRu: 'Пост в ленте за день',
    titleEn: 'Daily feed post',
    kind: 'recurring',
    scale: 'hours',
    phase: 'current',
    tick: { item: 'daily-post', key: 'date' },
    summaryRu: 'Одна публикация в ленте каждый день периода.',
    summaryEn: 'One feed post every day of the period.',
    items: [],
  },
  stories: {
    id: 'stories',
    titleRu: 'Stories',
    titleEn: 'Stories',
    kind: 'recurring',
    scale: 'days',
    phase: 'current',
    tick: { item: 'stories', key: 'none' },
    summaryRu: 'Stories не реже раза в {storiesEveryDays}. Клиент публикует сам только после согласования.',
    summaryEn: 'Stories at least once every {storiesEveryDays}. The client posts them only once they are agreed.',
    items: [],
  },
  'content-plan-2': {
    id: 'content-plan-2',
    titleRu: 'Контент-план на следующие {plan2Days}',
    titleEn: 'Content plan for the next {plan2Days}',
    kind: 'one-off',
    scale: 'days',
    phase: 'current',
    summaryRu: 'С {plan2StartDay}-го дня: разработать и согласовать план на следующие {plan2Days} за {planWorkingDays}.',
    summaryEn: 'From day {plan2StartDay}: draw up and agree the plan for the next {plan2Days} within {planWorkingDays}.',
    items: [
      {
        id: 'plan-2-agreed',
        title: 'Контент-план на следующие {plan2Days} согласован с клиентом',
        titleEn: 'Content plan for the next {plan2Days} agreed with the client',
        services: BOTH,
        source: 'tick',
      },
    ],
  },
  'content-plan-3': {
    id: 'content-plan-3',
    titleRu: 'Контент-план на оставшиеся {plan3Days}',
    titleEn: 'Content plan for the remaining {plan3Days}',
    kind: 'one-off',
    scale: 'days',
    phase: 'current',
    summaryRu: 'С {plan3StartDay}-го дня: разработать и согласовать план на оставшиеся {plan3Days} за {planWorkingDays}.',
    summaryEn: 'From day {plan3StartDay}: draw up and agree the plan for the remaining {plan3Days} within {planWorkingDays}.',
    items: [
      {
        id: 'plan-3-agreed',
        title: 'Контент-план на оставшиеся {plan3Days} согласован с клиентом',
        titleEn: 'Content plan for the remaining {plan3Days} agreed with the client',
        services: BOTH,
        source: 'tick',
      },
    ],
  },
  'engagement-round': {
    id: 'engagement-round',
    titleRu: 'Проверка комментариев и Direct',
    titleEn: 'Comments and Direct check',
    kind: 'recurring',
    scale: 'hours',
    phase: 'current',
    tick: { item: 'engagement-round', key: 'slot' },
    summaryRu: 'В {engagementSlots} проверить комментарии и Direct; вопросы, на которые нет ответа, — клиенту.',
    summaryEn: 'At {engagementSlots} check comments and Direct; questions you cannot answer go to the client.',
    items: [],
  },
  'renewal-contact': {
    id: 'renewal-contact',
    titleRu: 'Продление: связаться с клиентом',
    titleEn: 'Renewal contact',
    kind: 'one-off',
    scale: 'days',
    phase: 'renewal',
    summaryRu:
      'За {renewalContactDaysBefore} до конца периода: звонок по скрипту #4 с записью (ведение) или вопрос менеджеру по рекламе (комплекс).',
    summaryEn:
      '{renewalContactDaysBefore} before the end of the period: a recorded call using script #4 (management) or a question to the ad manager (full-service).',
    items: [
      {
        id: 'renewal-call-recorded',
        title: 'Позвонить по скрипту #4 «Продление», записать разговор и прикрепить запись к сделке',
        titleEn: 'Call using script #4 “Renewal”, record the call and attach the recording to the deal',
        services: ['management'],
        infoFor: { complex: { ru: '{serviceComplex}: клиенту не звонить', en: '{serviceComplex}: do not call the client' } },
        source: 'call-recording',
      },
      {
        id: 'ad-manager-asked',
        title: 'Узнать у менеджера по рекламе ({adManager}), продолжает ли клиент',
        titleEn: 'Ask the ad manager ({adManager}) whether the client continues',
        services: ['complex'],
        source: 'tick',
      },
    ],
  },
  'renewal-outcome': {
    id: 'renewal-outcome',
    titleRu: 'Продление: итог',
    titleEn: 'Renewal outcome',
    kind: 'one-off',
    scale: 'days',
    phase: 'renewal',
    summaryRu: 'Продолжает — письмо с реквизитами/счётом и статус «{stageNoticeSent}»; отказался — «{stageLost}».',
    summaryEn: 'Continues: e-mail with payment details/invoice and the status “{stageNoticeSent}”; refused: “{stageLost}”.',
    items: [
      {
        id: 'notice-sent',
        title: 'Клиент продолжает: отправить реквизиты или счёт и поставить статус «{stageNoticeSent}»',
        titleEn: 'Client continues: send the payment details or invoice and set the status “{stageNoticeSent}”',
        services: BOTH,
        source: 'stage',
      },
      {
        id: 'client-refused',
        title: 'Клиент отказался: поставить статус «{stageLost}»',
        titleEn: 'Client refused: set the status “{stageLost}”',
        services: BOTH,
        source: 'stage',
      },
    ],
  },
  'lost-deadline': {
    id: 'lost-deadline',
    titleRu: 'Оплата за следующий период',
    titleEn: 'Payment for the next period',
    kind: 'one-off',
    scale: 'days',
    phase: 'renewal',
    summaryRu: 'Нет оплаты через {lostAfterDays} после конца периода — клиент потерян: поставить статус «{stageLost}».',
    summaryEn: 'No payment {lostAfterDays} after the end of the period: the client is lost, set the status “{stageLost}”.',
    items: [
      {
        id: 'paid',
        title: 'Клиент оплатил следующий период',
        titleEn: 'Client paid for the next period',
        services: BOTH,
        source: 'payment',
      },
      {
        id: 'stage-lost',
        title: 'Не оплатил: статус «{stageLost}»',
        titleEn: 'Not paid: status “{stageLost}”',
        services: BOTH,
        source: 'stage',
      },
    ],
  },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** «11:00 и 19:00» / «11:00 and 19:00». */
function listOf(items: readonly string[], and: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}` : items.join('');
}

type Forms = readonly [string, string, string];
const UNITS: Record<Locale, Record<'days' | 'daysGen' | 'workingDays' | 'workingDaysGen' | 'hours' | 'minutes', Forms>> = {
  ru: {
    days: ['день', 'дня', 'дней'],
    daysGen: ['дня', 'дней', 'дней'],
    workingDays: ['рабочий день', 'рабочих дня', 'рабочих дней'],
    workingDaysGen: ['рабочего дня', 'рабочих дней', 'рабочих дней'],
    hours: ['час', 'часа', 'часов'],
    minutes: ['мин', 'мин', 'мин'],
  },
  en: {
    days: ['day', 'days', 'days'],
    daysGen: ['day', 'days', 'days'],
    workingDays: ['working day', 'working days', 'working days'],
    workingDaysGen: ['working day', 'working days', 'working days'],
    hours: ['hour', 'hours', 'hours'],
    minutes: ['min', 'min', 'min'],
  },
};

/** Values for `{placeholders}` in rule and item titles: every number and name comes from settings. Durations come with their unit («3 рабочих дня»); names the agency left at their defaults come in the language of the text. */
export function titleVars(settings: Settings, locale: Locale = languageOf(settings)): Record<string, string | number> {
  const n = settings.newClients;
  const c = settings.currentClients;
  const shown = shownSettings(settings, locale);
  const a = shown.amocrm;
  const u = UNITS[locale];
  const count = (v: number, forms: Forms) => `${v} ${plural(v, forms, locale)}`;
  return {
    growthSpecialist: shown.people.growthSpecialist,
    adManager: shown.people.adManager,
    agencyEmail: settings.people.agencyEmail,
    referenceAccounts: n.referenceAccounts,
    firstPlanDays: n.firstPlanDays,
    firstContactMinutes: count(n.firstContactMinutes, u.minutes),
    firstContactNextDayBy: n.firstContactNextDayBy,
    conceptCallHours: count(n.conceptCallHours, u.hours),
    firstPostWorkingDays: count(n.firstPostWorkingDays, u.workingDays),
    firstPostWorkingDaysGen: count(n.firstPostWorkingDays, u.workingDaysGen),
    storiesEveryDays: count(c.storiesEveryDays, u.days),
    storiesEveryDaysGen: count(c.storiesEveryDays, u.daysGen),
    plan2Days: count(c.planLengths[1], u.days),
    plan3Days: count(c.planLengths[2], u.days),
    plan2StartDay: c.plan2Day + 1,
    plan3StartDay: c.plan3Day + 1,
    planWorkingDays: count(c.planWorkingDays, u.workingDays),
    engagementSlots: listOf(c.engagementSlots, locale === 'en' ? 'and' : 'и'),
    renewalContactDaysBefore: count(c.renewalContactDaysBefore, u.days),
    lostAfterDays: count(c.lostAfterDays, u.days),
    lostAfterDaysGen: count(c.lostAfterDays, u.daysGen),
    stageContacted: a.stageNames.contacted,
    stageQuestionnaire: a.stageNames.questionnaire,
    stageLaunched: a.stageNames.launched,
    stageNoticeSent: a.stageNames['notice-sent'],
    stageLost: a.stageNames.lost,
    fieldService: a.fieldNames.service,
    fieldStartDate: a.fieldNames.startDate,
    fieldCredentials: a.fieldNames.credentials,
    serviceManagement: a.serviceValues.management,
    serviceComplex: a.serviceValues.complex,
  };
}

// One map per locale, keyed by the text itself: the texts are constants whose hashes V8 keeps, so
// a lookup allocates nothing (a `${locale}|${text}` key was a new string to hash on every call).
const textCache = new WeakMap<Settings, { ru: Map<string, string>; en: Map<string, string> }>();

/**
 * A rule text with `{placeholders}` filled from settings, in the settings' interface language
 * (a bare string is a Russian-only text), cached per settings object (the engine's hot path).
 */
export function ruleText(text: string | Bilingual, settings: Settings, locale: Locale = languageOf(settings)): string {
  let byLocale = textCache.get(settings);
  if (!byLocale) textCache.set(settings, (byLocale = { ru: new Map(), en: new Map() }));
  const byText = byLocale[locale];
  const source = typeof text === 'string' ? text : text[locale];
  let filled = byText.get(source);
  if (filled === undefined) byText.set(source, (filled = fillTemplate(source, titleVars(settings, locale))));
  return filled;
}

/** A rule's title filled from settings («Первая публикация за 3 рабочих дня»), in the interface language. */
export function ruleTitleOf(rule: RuleId, settings: Settings, locale: Locale = languageOf(settings)): string {
  const meta = RULES[rule];
  return ruleText(locale === 'en' ? meta.titleEn : meta.titleRu, settings, locale);
}

/** A rule's one-line summary filled from settings, in the interface language. */
export function ruleSummaryOf(rule: RuleId, settings: Settings, locale: Locale = languageOf(settings)): string {
  const meta = RULES[rule];
  return ruleText(locale === 'en' ? meta.summaryEn : meta.summaryRu, settings, locale);
}

/** Title of an item as shown to this service: the asked title, or the info text, or null when neither applies. */
export function itemTitle(
  def: ChecklistItemDef,
  service: Service,
  settings: Settings,
  locale: Locale = languageOf(settings),
): { title: string; info: boolean } | null {
  if (def.services.includes(service))
    return { title: ruleText(locale === 'en' ? def.titleEn : def.title, settings, locale), info: false };
  const info = def.infoFor?.[service];
  return info ? { title: ruleText(info, settings, locale), info: true } : null;
}

/** Ids of the items a service must complete for a rule (info items excluded). */
export function requiredItemIds(rule: RuleId, service: Service): string[] {
  return RULES[rule].items.filter((i) => i.services.includes(service)).map((i) => i.id);
}
