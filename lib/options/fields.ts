// The options form as data: every setting of the Settings schema, grouped as the playbook is,
// with its input kind and its Russian/English label. The options page renders from this list,
// so a setting cannot be forgotten (a unit test checks every leaf of defaultSettings is here).
import type { Locale } from '../i18n/locale';
import type { Settings, TemplateId } from '../playbook/settings';

export type GroupId = keyof Settings;

export type FieldKind =
  | 'int'
  | 'money'
  | 'money-or-empty'
  | 'time'
  | 'times'
  | 'int3'
  | 'text'
  | 'email'
  | 'zone'
  | 'bool'
  | 'select'
  | 'weekdays'
  | 'dates'
  | 'textarea';

export type Bilingual = Record<Locale, string>;

export interface FieldDef {
  path: string;
  kind: FieldKind;
  label: Bilingual;
  hint?: Bilingual;
  /** For `select`. */
  options?: { value: string; label: Bilingual }[];
  /** Unit shown after the input («мин», «дн.», «₸»). */
  unit?: Bilingual;
}

export interface GroupDef {
  id: GroupId;
  /** Anchor on the options page: options.html#amocrm. */
  anchor: string;
  title: Bilingual;
  intro: Bilingual;
}

const b = (ru: string, en: string): Bilingual => ({ ru, en });
const MIN = b('мин', 'min');
const HRS = b('ч', 'h');
const DAYS = b('дн.', 'days');
const WDAYS = b('раб. дн.', 'working days');
const TENGE = b('₸', '₸');

export const GROUPS: GroupDef[] = [
  {
    id: 'interface',
    anchor: 'language',
    title: b('Язык', 'Language'),
    intro: b(
      'Один язык для всех страниц Reglament, карточки сделки в amoCRM, панели в Instagram и уведомлений — какой бы язык ни был у браузера.',
      'One language for every Reglament page, the amoCRM deal card, the Instagram panel and notifications, whatever language the browser uses.',
    ),
  },
  {
    id: 'calendar',
    anchor: 'calendar',
    title: b('Календарь', 'Calendar'),
    intro: b(
      'Часовой пояс, рабочие часы и дни, праздники Казахстана и переносы.',
      'Time zone, working hours and days, Kazakhstan holidays and moved days.',
    ),
  },
  {
    id: 'newClients',
    anchor: 'new-clients',
    title: b('Новые клиенты', 'New clients'),
    intro: b(
      'Первый звонок, концепция, первый контент-план и первая публикация.',
      'First call, concept, first content plan and first post.',
    ),
  },
  {
    id: 'currentClients',
    anchor: 'current-clients',
    title: b('Текущие клиенты', 'Current clients'),
    intro: b(
      'Период обслуживания, ежедневные посты, Stories, контент-планы, проверки и продление.',
      'Service period, daily posts, Stories, content plans, engagement rounds and renewal.',
    ),
  },
  {
    id: 'alarms',
    anchor: 'alarms',
    title: b('Напоминания', 'Alarms'),
    intro: b('Когда предупреждать и когда не беспокоить.', 'When to warn and when to stay quiet.'),
  },
  {
    id: 'motivation',
    anchor: 'motivation',
    title: b('Мотивация', 'Motivation'),
    intro: b('Оклад, бонусы и штрафы менеджера за месяц, в тенге.', "A manager's monthly salary, bonuses and fines, in tenge."),
  },
  {
    id: 'people',
    anchor: 'people',
    title: b('Люди и агентство', 'People and agency'),
    intro: b(
      'Имена и адрес, которые подставляются в чек-листы и шаблоны.',
      'Names and the address used in checklists and templates.',
    ),
  },
  {
    id: 'amocrm',
    anchor: 'amocrm',
    title: b('Связь с amoCRM', 'amoCRM mapping'),
    intro: b(
      'Как называются этапы, поля и значения в вашей воронке amoCRM.',
      'What the stages, fields and values are called in your amoCRM pipeline.',
    ),
  },
  {
    id: 'templates',
    anchor: 'templates',
    title: b('Скрипты и шаблоны писем', 'Scripts and e-mail templates'),
    intro: b(
      'Тексты агентства. Плейсхолдеры в фигурных скобках заполняются из сделки.',
      "The agency's texts. Placeholders in braces are filled from the deal.",
    ),
  },
];

const WEEKDAY_NAMES: Record<Locale, string[]> = {
  ru: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
export const weekdayName = (isoDay: number, locale: Locale): string => WEEKDAY_NAMES[locale][isoDay - 1] ?? String(isoDay);

export const TEMPLATE_IDS: TemplateId[] = [
  'firstCallScript',
  'renewalScript',
  'paymentDetailsIndividual',
  'invoiceLegal',
  'followerQuestion',
];
/** Templates sent by e-mail have a subject; scripts and messenger texts do not. */
export const EMAIL_TEMPLATES: ReadonlySet<TemplateId> = new Set(['paymentDetailsIndividual', 'invoiceLegal']);

const STAGE_LABELS: [string, Bilingual][] = [
  ['contacted', b('Этап «связались»', 'Stage “contacted”')],
  ['questionnaire', b('Этап «анкета получена»', 'Stage “questionnaire received”')],
  ['launched', b('Этап «проект запущен»', 'Stage “launched”')],
  ['notice-sent', b('Этап «уведомление отправлено»', 'Stage “notice sent”')],
  ['lost', b('Этап «клиент потерян»', 'Stage “lost”')],
];
const FIELD_LABELS: [string, Bilingual][] = [
  ['service', b('Поле «услуга»', 'Field “service”')],
  ['payer', b('Поле «тип клиента»', 'Field “client type”')],
  ['startDate', b('Поле «дата начала обслуживания»', 'Field “service start date”')],
  ['credentials', b('Поле «логин/пароль Instagram»', 'Field “Instagram login/password”')],
  ['instagram', b('Поле «Instagram»', 'Field “Instagram”')],
];

export const FIELDS: FieldDef[] = [
  // interface
  {
    path: 'interface.language',
    kind: 'select',
    label: b('Язык интерфейса', 'Interface language'),
    hint: b(
      'Правила, чек-листы, скрипты, шаблоны и названия этапов, которые агентство не меняло, показываются на выбранном языке. Тексты, которые агентство изменило, показываются так, как написаны: Reglament не переводит их.',
      'Rules, checklists, scripts, templates and stage names the agency has not edited show in the chosen language. Texts the agency edited show as written: Reglament does not translate them.',
    ),
    options: [
      { value: 'ru', label: b('Русский', 'Russian') },
      { value: 'en', label: b('Английский', 'English') },
    ],
  },
  // calendar
  {
    path: 'calendar.timeZone',
    kind: 'zone',
    label: b('Часовой пояс', 'Time zone'),
    hint: b(
      'Все сроки считаются в этом поясе, где бы ни был браузер.',
      'Every deadline is computed in this zone, wherever the browser is.',
    ),
  },
  { path: 'calendar.workStart', kind: 'time', label: b('Начало рабочего дня', 'Working day starts') },
  { path: 'calendar.workEnd', kind: 'time', label: b('Конец рабочего дня', 'Working day ends') },
  { path: 'calendar.workDays', kind: 'weekdays', label: b('Рабочие дни', 'Working days') },
  {
    path: 'calendar.useKzHolidays',
    kind: 'bool',
    label: b('Праздники Казахстана — выходные', 'Kazakhstan public holidays are days off'),
  },
  {
    path: 'calendar.extraDaysOff',
    kind: 'dates',
    label: b('Дополнительные выходные', 'Extra days off'),
    hint: b('Переносы и выходные агентства.', 'Moved days and agency days off.'),
  },
  {
    path: 'calendar.extraWorkingDays',
    kind: 'dates',
    label: b('Рабочие дни вместо выходных', 'Extra working days'),
    hint: b(
      'Перенесённые рабочие субботы; важнее праздников и выходных.',
      'Moved working Saturdays; they win over holidays and weekends.',
    ),
  },
  // new clients
  {
    path: 'newClients.firstContactMinutes',
    kind: 'int',
    unit: MIN,
    label: b('Первый звонок: в течение', 'First call: within'),
    hint: b('Если сделка появилась в рабочее время.', 'When the deal appears during working hours.'),
  },
  {
    path: 'newClients.firstContactNextDayBy',
    kind: 'time',
    label: b('Первый звонок вне рабочего времени: до', 'First call outside working hours: by'),
    hint: b('Срок — ближайшее такое время.', 'Due at the next occurrence of this time.'),
  },
  {
    path: 'newClients.conceptCallHours',
    kind: 'int',
    unit: HRS,
    label: b('Концепция и звонок после анкеты', 'Concept and call after the questionnaire'),
  },
  { path: 'newClients.referenceAccounts', kind: 'int', label: b('Аккаунтов-референсов', 'Reference accounts') },
  { path: 'newClients.firstPlanDays', kind: 'int', unit: DAYS, label: b('Первый контент-план на', 'First content plan covers') },
  {
    path: 'newClients.firstPostWorkingDays',
    kind: 'int',
    unit: WDAYS,
    label: b('От анкеты до первого поста', 'From questionnaire to first post'),
  },
  // current clients
  { path: 'currentClients.periodDays', kind: 'int', unit: DAYS, label: b('Период обслуживания', 'Service period') },
  {
    path: 'currentClients.firstPeriodStart',
    kind: 'select',
    label: b('Начало первого периода', 'First period starts'),
    options: [
      { value: 'first-post', label: b('День первого поста', 'Day of the first post') },
      { value: 'start-date-field', label: b('Поле «Дата начала обслуживания»', 'The “service start date” field') },
    ],
  },
  { path: 'currentClients.dailyPostBy', kind: 'time', label: b('Пост за день: до', 'Daily post: by') },
  { path: 'currentClients.dailyPostReminder', kind: 'time', label: b('Напомнить о посте в', 'Remind about the post at') },
  {
    path: 'currentClients.storiesEveryDays',
    kind: 'int',
    unit: DAYS,
    label: b('Stories не реже раза в', 'Stories at least every'),
  },
  {
    path: 'currentClients.plan2Day',
    kind: 'int',
    label: b('Второй контент-план: день от начала', 'Second plan: day from start'),
  },
  { path: 'currentClients.plan3Day', kind: 'int', label: b('Третий контент-план: день от начала', 'Third plan: day from start') },
  { path: 'currentClients.planLengths', kind: 'int3', unit: DAYS, label: b('Длина планов 1, 2, 3', 'Lengths of plans 1, 2, 3') },
  {
    path: 'currentClients.planWorkingDays',
    kind: 'int',
    unit: WDAYS,
    label: b('Срок на контент-план', 'Time for a content plan'),
  },
  { path: 'currentClients.planStartTime', kind: 'time', label: b('Отсчёт срока плана с', 'Plan deadline counts from') },
  {
    path: 'currentClients.engagementSlots',
    kind: 'times',
    label: b('Проверка комментариев и Direct', 'Comments and Direct checks'),
    hint: b('Время через запятую.', 'Times separated by commas.'),
  },
  {
    path: 'currentClients.engagementOverdueMinutes',
    kind: 'int',
    unit: MIN,
    label: b('Проверка просрочена через', 'A check is overdue after'),
  },
  {
    path: 'currentClients.renewalContactDaysBefore',
    kind: 'int',
    unit: DAYS,
    label: b('Продление: связаться за', 'Renewal: contact the client'),
  },
  { path: 'currentClients.renewalContactBy', kind: 'time', label: b('Продление: в тот день до', 'Renewal: that day by') },
  {
    path: 'currentClients.lostAfterDays',
    kind: 'int',
    unit: DAYS,
    label: b('Клиент потерян без оплаты через', 'Client lost when unpaid after'),
  },
  // alarms
  {
    path: 'alarms.hourRuleWarningMinutes',
    kind: 'int',
    unit: MIN,
    label: b('Предупредить о часовых сроках за', 'Warn before hour deadlines'),
  },
  {
    path: 'alarms.dayRuleWarningMinutes',
    kind: 'int',
    unit: MIN,
    label: b('Предупредить о дневных сроках за', 'Warn before day deadlines'),
  },
  { path: 'alarms.quietHoursStart', kind: 'time', label: b('Тихие часы с', 'Quiet hours from') },
  { path: 'alarms.quietHoursEnd', kind: 'time', label: b('Тихие часы до', 'Quiet hours until') },
  {
    path: 'alarms.breachesIgnoreQuietHours',
    kind: 'bool',
    label: b('О просрочках сообщать и в тихие часы', 'Report breaches even in quiet hours'),
  },
  // motivation
  { path: 'motivation.baseSalary', kind: 'money', unit: TENGE, label: b('Оклад', 'Base salary') },
  { path: 'motivation.renewalBonus', kind: 'money', unit: TENGE, label: b('За продлившего клиента', 'Per renewed client') },
  {
    path: 'motivation.lossPenalty',
    kind: 'money',
    unit: TENGE,
    label: b('За потерянного клиента (вычет)', 'Per lost client (deduction)'),
  },
  {
    path: 'motivation.refundPenalty',
    kind: 'money',
    unit: TENGE,
    label: b('За возврат в первые дни (вычет)', 'Per early refund (deduction)'),
  },
  { path: 'motivation.keptBonus', kind: 'money', unit: TENGE, label: b('За клиента без возврата', 'Per client with no refund') },
  {
    path: 'motivation.bestManagerBonus',
    kind: 'money',
    unit: TENGE,
    label: b('Лучший менеджер месяца', 'Best manager of the month'),
  },
  { path: 'motivation.refundWindowDays', kind: 'int', unit: DAYS, label: b('Окно возврата', 'Refund window') },
  { path: 'motivation.serviceMonthDays', kind: 'int', unit: DAYS, label: b('«Месяц обслуживания»', '“A month of service”') },
  {
    path: 'motivation.firstPostFine',
    kind: 'money-or-empty',
    unit: TENGE,
    label: b('Штраф за первый пост позже срока', 'Fine for a late first post'),
    hint: b('Пусто — сумма не задана, нарушение всё равно учитывается.', 'Empty — no amount; the breach is still recorded.'),
  },
  // people
  { path: 'people.growthSpecialist', kind: 'text', label: b('Специалист по набору подписчиков', 'Follower growth specialist') },
  { path: 'people.adManager', kind: 'text', label: b('Менеджер по рекламе', 'Ad manager') },
  { path: 'people.agencyName', kind: 'text', label: b('Название агентства', 'Agency name') },
  { path: 'people.agencyEmail', kind: 'email', label: b('Почта агентства', 'Agency e-mail') },
  // amoCRM
  {
    path: 'amocrm.subdomain',
    kind: 'text',
    label: b('Поддомен amoCRM', 'amoCRM subdomain'),
    hint: b('smmpro для smmpro.amocrm.ru; пусто — любой аккаунт.', 'smmpro for smmpro.amocrm.ru; empty — any account.'),
  },
  {
    path: 'amocrm.pipelineName',
    kind: 'text',
    label: b('Воронка', 'Pipeline'),
    hint: b('Пусто — основная воронка аккаунта.', "Empty — the account's main pipeline."),
  },
  ...STAGE_LABELS.map(([k, label]): FieldDef => ({ path: `amocrm.stageNames.${k}`, kind: 'text', label })),
  ...FIELD_LABELS.map(([k, label]): FieldDef => ({ path: `amocrm.fieldNames.${k}`, kind: 'text', label })),
  {
    path: 'amocrm.serviceValues.management',
    kind: 'text',
    label: b('Значение услуги «ведение аккаунта»', 'Service value “account management”'),
  },
  {
    path: 'amocrm.serviceValues.complex',
    kind: 'text',
    label: b('Значение услуги «комплексное продвижение»', 'Service value “complex promotion”'),
  },
  { path: 'amocrm.payerValues.individual', kind: 'text', label: b('Тип клиента «физ. лицо»', 'Client type “individual”') },
  { path: 'amocrm.payerValues.legal', kind: 'text', label: b('Тип клиента «юр. лицо»', 'Client type “legal entity”') },
  {
    path: 'amocrm.lossRefundMarker',
    kind: 'text',
    label: b('Причина отказа, означающая возврат, содержит', 'Loss reason meaning a refund contains'),
  },
  {
    path: 'amocrm.shareFacts',
    kind: 'bool',
    label: b('Записывать отметки и наблюдения в сделки amoCRM', 'Write ticks and observations to the amoCRM deals'),
    hint: b(
      'Служебные примечания «Reglament» в ленте сделки: коллеги и руководитель видят одно и то же. Выключите, чтобы ничего не писать в этот аккаунт.',
      'Reglament service notes in the deal feed, so colleagues and the head see the same record. Switch off to write nothing to this account.',
    ),
  },
  // templates
  ...TEMPLATE_IDS.flatMap((id): FieldDef[] => [
    { path: `templates.${id}.title`, kind: 'text', label: b('Название', 'Name') },
    { path: `templates.${id}.subject`, kind: 'text', label: b('Тема письма', 'E-mail subject') },
    { path: `templates.${id}.text`, kind: 'textarea', label: b('Текст', 'Text') },
  ]),
];

export const FIELD_BY_PATH: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.path, f]));

export function groupOf(path: string): GroupId {
  return path.split('.')[0] as GroupId;
}

export function fieldsOf(group: GroupId): FieldDef[] {
  return FIELDS.filter((f) => groupOf(f.path) === group);
}
