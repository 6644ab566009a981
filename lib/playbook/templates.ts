// Default texts of the agency's scripts and e-mail templates (the agency edits them in options),
// and the placeholder filler. Placeholders the deal cannot fill stay visible as `{name}` so the
// manager notices them before sending (rule current-7: "corrected for this client").
import type { TemplateId, TemplateText } from './settings-types';

/** Placeholders the UI knows how to fill from a deal and settings. */
export const TEMPLATE_PLACEHOLDERS = [
  'client',
  'manager',
  'service',
  'startDate',
  'endDate',
  'agencyName',
  'agencyEmail',
  'instagram',
  'amount',
  'question',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export type TemplateVars = Partial<Record<TemplatePlaceholder | (string & {}), string | number | null | undefined>>;

/** Replaces `{name}` with vars[name]; unknown or empty values keep the placeholder. `{{` escapes a brace. */
export function fillTemplate(text: string, vars: TemplateVars): string {
  return text.replace(/\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_]*)\}/g, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const v = name === undefined ? undefined : vars[name];
    return v === undefined || v === null || v === '' ? match : String(v);
  });
}

/** Placeholders used in a text (for the options page to warn about unknown ones). */
export function placeholdersOf(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<!\{)\{([A-Za-z][A-Za-z0-9_]*)\}/g)) found.add(m[1]!);
  return [...found];
}

export const defaultTemplates: Record<TemplateId, TemplateText> = {
  firstCallScript: {
    title: 'Скрипт #3. Первый звонок',
    subject: '',
    text: [
      'Здравствуйте, {client}! Меня зовут {manager}, я ваш контент-менеджер в агентстве {agencyName}.',
      'Спасибо, что выбрали нас! Звоню, чтобы познакомиться и рассказать, как мы начнём работу по услуге «{service}».',
      '',
      '1. Сегодня я отправлю вам на почту анкету. Заполните её, пожалуйста, как можно подробнее: о вашем продукте, клиентах, преимуществах и о том, что вам нравится или не нравится в Instagram.',
      '2. В ответном письме пришлите, пожалуйста, фото и видео в высоком разрешении, логотип и всё, что можно использовать в публикациях. Почта: {agencyEmail}.',
      '3. После анкеты в течение суток я подготовлю концепцию ведения аккаунта, подберу примеры и созвонюсь с вами, чтобы её согласовать.',
      '4. Затем составим контент-план на первые 9 дней, и уже в течение трёх рабочих дней после анкеты выйдет первая публикация.',
      '',
      'Скажите, как вам удобнее держать связь — по телефону или в WhatsApp? Я на связи в рабочее время, с 10:00 до 20:00.',
      'Есть ли у вас вопросы ко мне прямо сейчас?',
    ].join('\n'),
  },
  renewalScript: {
    title: 'Скрипт #4. Продление',
    subject: '',
    text: [
      'Здравствуйте, {client}! Это {manager} из {agencyName}. Предупреждаю: разговор записывается для контроля качества.',
      'Срок обслуживания по услуге «{service}» заканчивается {endDate}, поэтому звоню подвести итоги месяца.',
      '',
      '1. Как вам результаты? Что понравилось в публикациях и сторис, а что хотелось бы изменить?',
      '2. Были ли обращения и продажи из Instagram? Какие вопросы чаще всего задают подписчики?',
      '3. На следующий месяц предлагаю: (кратко — идеи рубрик, акций, съёмок).',
      '',
      'Продолжаем работать вместе? Если да — сегодня же отправлю реквизиты / счёт на оплату, чтобы публикации шли без перерыва.',
      'Если есть сомнения — расскажите, что нам сделать лучше. Спасибо, что вы с нами!',
    ].join('\n'),
  },
  paymentDetailsIndividual: {
    title: 'Реквизиты для оплаты (физ. лица)',
    subject: 'Реквизиты для оплаты — {agencyName}',
    text: [
      'Здравствуйте, {client}!',
      '',
      'Спасибо, что продолжаете работать с нами. Срок обслуживания по услуге «{service}» заканчивается {endDate}.',
      'Чтобы работа продолжилась без перерыва, оплатите, пожалуйста, следующий месяц по реквизитам:',
      '',
      'Получатель: {agencyName}',
      'Сумма: {amount} ₸',
      'Kaspi / номер карты: (указать)',
      'Назначение: оплата услуги «{service}», {client}',
      '',
      'После оплаты пришлите, пожалуйста, чек в ответ на это письмо или на {agencyEmail}.',
      '',
      'С уважением,',
      '{manager}, {agencyName}',
    ].join('\n'),
  },
  invoiceLegal: {
    title: 'Счет на оплату (юр. лица)',
    subject: 'Счёт на оплату — {agencyName}',
    text: [
      'Здравствуйте, {client}!',
      '',
      'Направляем счёт на оплату услуги «{service}» на следующий период. Текущий срок обслуживания заканчивается {endDate}.',
      'Счёт во вложении; сумма к оплате: {amount} ₸, без НДС.',
      '',
      'Просим оплатить счёт в течение 3 банковских дней, чтобы ведение аккаунта продолжилось без перерыва.',
      'Акт выполненных работ и счёт-фактуру отправим после оплаты. Если нужно изменить реквизиты плательщика, напишите на {agencyEmail}.',
      '',
      'С уважением,',
      '{manager}, {agencyName}',
    ].join('\n'),
  },
  followerQuestion: {
    title: 'Вопрос подписчика клиенту',
    subject: '',
    text: [
      '{client}, добрый день! В аккаунте @{instagram} подписчик задал вопрос, на который лучше ответить вам как специалисту:',
      '',
      '«{question}»',
      '',
      'Подскажите, пожалуйста, что ответить? Или, если удобнее, ответьте ему сами в комментариях / Direct — главное, чтобы он не остался без ответа сегодня.',
      'Спасибо! {manager}',
    ].join('\n'),
  },
};
