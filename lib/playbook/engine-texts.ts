// The playbook's texts that are not a rule's title or checklist item: what is still missing, the
// guidance steps of a stage. Both languages side by side; `{placeholders}` as in rule titles
// (lib/playbook/rules.ts titleVars), filled by ruleText in the settings' interface language.
import type { Bilingual } from './rules';

const b = (ru: string, en: string): Bilingual => ({ ru, en });

export const MISSING = {
  post: b('Пост в ленте за этот день', 'A feed post for this day'),
  firstPost: b('Первая публикация в ленте', 'The first feed post'),
  story: b('Stories', 'Stories'),
  round: b('Проверить комментарии и Direct', 'Check comments and Direct'),
  /** `{given}` is filled by the caller. */
  references: b(
    'Аккаунтов-референсов нужно: {referenceAccounts}, указано: {given}',
    'Reference accounts needed: {referenceAccounts}, given: {given}',
  ),
  renewalOutcome: b(
    'Отправить реквизиты/счёт и статус «{stageNoticeSent}» — или статус «{stageLost}»',
    'Send the payment details/invoice and set the status “{stageNoticeSent}”, or set “{stageLost}”',
  ),
  payment: b('Оплата за следующий период — или статус «{stageLost}»', 'Payment for the next period, or the status “{stageLost}”'),
  noService: b(
    'Не указана услуга (поле «{fieldService}»): показаны шаги «{serviceManagement}»',
    'No service set (field “{fieldService}”): showing the steps for “{serviceManagement}”',
  ),
};

/** The notice item when the client's type says which e-mail to send; `{template}` is filled by the caller. */
export const NOTICE_WITH_TEMPLATE = b(
  'Клиент продолжает: отправить письмо «{template}» и поставить статус «{stageNoticeSent}»',
  'Client continues: send the e-mail “{template}” and set the status “{stageNoticeSent}”',
);

/** Guidance steps of lib/playbook/stage-checklist.ts that are not checklist items. */
export const STEPS = {
  awaitQuestionnaire: b(
    'Ждём ответное письмо с анкетой — статус сменится на «{stageQuestionnaire}»',
    'Waiting for the reply with the questionnaire; the status will change to “{stageQuestionnaire}”',
  ),
  dailyPost: b('Публиковать один пост в ленте каждый день', 'Publish one feed post every day'),
  stories: b('Stories не реже раза в {storiesEveryDays}', 'Stories at least once every {storiesEveryDays}'),
  engagementRound: b('Проверять комментарии и Direct в {engagementSlots}', 'Check comments and Direct at {engagementSlots}'),
  awaitPayment: b(
    'Ждём оплату: без оплаты через {lostAfterDays} после конца периода — «{stageLost}»',
    'Waiting for payment: unpaid {lostAfterDays} after the period ends means “{stageLost}”',
  ),
  startDateOnPayment: b(
    'После оплаты поставить в поле «{fieldStartDate}» дату оплаты',
    'After payment, put the payment date in the field “{fieldStartDate}”',
  ),
};
