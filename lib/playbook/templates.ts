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

/** The same texts in English, shown when the agency chose English and left a text as it was. */
export const defaultTemplatesEn: Record<TemplateId, TemplateText> = {
  firstCallScript: {
    title: 'Script #3. First call',
    subject: '',
    text: [
      "Hello, {client}! My name is {manager}, I'm your content manager at {agencyName}.",
      "Thank you for choosing us! I'm calling to introduce myself and explain how we will start work on the “{service}” service.",
      '',
      '1. Today I will e-mail you a questionnaire. Please fill it in in as much detail as you can: your product, your customers, your strengths, and what you like or dislike on Instagram.',
      '2. In your reply, please send photos and videos in high resolution, your logo and anything else we can use in posts. E-mail: {agencyEmail}.',
      '3. Within a day of receiving the questionnaire I will prepare a concept for the account, pick some examples and call you to agree on it.',
      '4. Then we will draw up a content plan for the first 9 days, and the first post will go out within three working days of the questionnaire.',
      '',
      "How would you prefer to keep in touch — by phone or on WhatsApp? I'm available during working hours, from 10:00 to 20:00.",
      'Do you have any questions for me right now?',
    ].join('\n'),
  },
  renewalScript: {
    title: 'Script #4. Renewal',
    subject: '',
    text: [
      'Hello, {client}! This is {manager} from {agencyName}. Please note that this call is recorded for quality purposes.',
      "Your “{service}” service period ends on {endDate}, so I'm calling to go over the month's results.",
      '',
      '1. How do you like the results? What did you like in the posts and stories, and what would you change?',
      '2. Did you get enquiries or sales from Instagram? What do followers ask most often?',
      '3. For next month I suggest: (briefly — ideas for series, promotions, shoots).',
      '',
      "Shall we continue working together? If so, I'll send the payment details / invoice today so the posts go on without a break.",
      'If you have any doubts, tell me what we could do better. Thank you for being with us!',
    ].join('\n'),
  },
  paymentDetailsIndividual: {
    title: 'Payment details (individuals)',
    subject: 'Payment details — {agencyName}',
    text: [
      'Hello, {client}!',
      '',
      'Thank you for continuing to work with us. Your “{service}” service period ends on {endDate}.',
      'So that the work goes on without a break, please pay for the next month using these details:',
      '',
      'Recipient: {agencyName}',
      'Amount: {amount} ₸',
      'Kaspi / card number: (to be filled in)',
      'Payment reference: “{service}” service, {client}',
      '',
      'After paying, please send the receipt in reply to this e-mail or to {agencyEmail}.',
      '',
      'Kind regards,',
      '{manager}, {agencyName}',
    ].join('\n'),
  },
  invoiceLegal: {
    title: 'Invoice (legal entities)',
    subject: 'Invoice — {agencyName}',
    text: [
      'Hello, {client}!',
      '',
      'Please find attached the invoice for the “{service}” service for the next period. The current service period ends on {endDate}.',
      'Amount due: {amount} ₸, VAT not applicable.',
      '',
      'Please pay the invoice within 3 banking days so that the account management continues without a break.',
      "We will send the certificate of completion and the VAT invoice after payment. If the payer's details need to change, write to {agencyEmail}.",
      '',
      'Kind regards,',
      '{manager}, {agencyName}',
    ].join('\n'),
  },
  followerQuestion: {
    title: "A follower's question for the client",
    subject: '',
    text: [
      '{client}, good afternoon! A follower of @{instagram} has asked a question that you, as the expert, are best placed to answer:',
      '',
      '“{question}”',
      '',
      'Could you tell me what to reply? Or, if it is easier, answer them yourself in the comments / Direct — the main thing is that they get an answer today.',
      'Thank you! {manager}',
    ].join('\n'),
  },
};
