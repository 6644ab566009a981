// The notification and warning strings the worker shows (planned here beside the planner), Russian first, English second.
import { translator, type Messages } from '../i18n/translate';
import type { Locale } from '../i18n/locale';

const ru = {
  'warn.launched-without-start-date': 'Проект запущен, но не заполнено поле «{field}»',
  'warn.launched-without-credentials': 'Проект запущен, но не заполнено поле «{field}»',
  'warn.renewal-call-without-recording': 'Звонок о продлении отмечен, но запись разговора не прикреплена к сделке',
  'warn.unpaid-past-deadline': 'Клиент не оплатил через {days} дн. после окончания периода — переведите сделку в «{stage}»',
  'warn.unknown-stage': 'Неизвестный этап сделки «{stage}»: проверьте названия этапов в настройках',
  'warn.missing-field': 'Не заполнено поле «{field}»',
  'field.service': 'Услуга',
  'field.payer': 'Тип клиента',
  'n.warning.title': '{client}: скоро срок',
  'n.warning.body': '«{rule}» — до {time}. {missing}',
  'n.breach.title': '{client}: срок нарушен',
  'n.breach.body': '«{rule}» — срок был {time}. {missing}',
  'n.post.title': '{client}: сегодня ещё нет поста',
  'n.post.body': 'Опубликуйте пост до {time}.',
  'n.stories.title': '{client}: пора выложить Stories',
  'n.stories.body': 'Stories нужны до {time}.',
  'n.renewal.title': '{client}: продление через {days} дн.',
  'n.renewal.body.management':
    'Позвоните клиенту по скрипту №4 (продление), запишите разговор и прикрепите запись к сделке. Срок — {time}.',
  'n.renewal.body.complex': 'Спросите менеджера по рекламе ({name}), продолжает ли клиент. Срок — {time}.',
  'n.lost.title': '{client}: оплаты нет',
  'n.lost.body': 'Прошло {days} дн. после окончания периода без оплаты — переведите сделку в «{stage}».',
  'n.round.title': 'Обход аккаунтов {time}: {count}',
  'n.round.body': 'Проверьте комментарии и Direct: {accounts}',
  'n.roundLate.title': 'Обход {time} не завершён',
  'n.roundLate.body': 'Не проверены: {accounts}',
  'n.summary.title': 'Reglament: {count} напоминаний',
  'n.summary.body': '{lines}',
  'n.more': 'и ещё {count}',
  'btn.openDeal': 'Открыть сделку',
  'btn.openInstagram': 'Открыть Instagram',
  'btn.openAgenda': 'Открыть список дел',
  'btn.snooze': 'Отложить 15 мин',
  'action.title': 'Reglament: что сделать сегодня',
  'action.overdue': 'Reglament: просрочено — {count}',
};
type Key = keyof typeof ru;

const en: Record<Key, string> = {
  'warn.launched-without-start-date': 'Project launched but field “{field}” is empty',
  'warn.launched-without-credentials': 'Project launched but field “{field}” is empty',
  'warn.renewal-call-without-recording': 'Renewal call ticked but no call recording is attached to the deal',
  'warn.unpaid-past-deadline': 'No payment {days} days after the period ended — move the deal to “{stage}”',
  'warn.unknown-stage': 'Unknown deal stage “{stage}”: check stage names in the settings',
  'warn.missing-field': 'Field “{field}” is empty',
  'field.service': 'Service',
  'field.payer': 'Client type',
  'n.warning.title': '{client}: deadline soon',
  'n.warning.body': '“{rule}” — due {time}. {missing}',
  'n.breach.title': '{client}: deadline missed',
  'n.breach.body': '“{rule}” — was due {time}. {missing}',
  'n.post.title': '{client}: no post today yet',
  'n.post.body': 'Publish a post by {time}.',
  'n.stories.title': '{client}: time for Stories',
  'n.stories.body': 'Stories are due by {time}.',
  'n.renewal.title': '{client}: renewal in {days} days',
  'n.renewal.body.management':
    'Call the client with script #4 (renewal), record the call and attach the recording to the deal. Due {time}.',
  'n.renewal.body.complex': 'Ask the ad manager ({name}) whether the client continues. Due {time}.',
  'n.lost.title': '{client}: no payment',
  'n.lost.body': '{days} days after the period ended without payment — move the deal to “{stage}”.',
  'n.round.title': 'Account round {time}: {count}',
  'n.round.body': 'Check comments and Direct: {accounts}',
  'n.roundLate.title': 'Round {time} not finished',
  'n.roundLate.body': 'Not checked: {accounts}',
  'n.summary.title': 'Reglament: {count} reminders',
  'n.summary.body': '{lines}',
  'n.more': 'and {count} more',
  'btn.openDeal': 'Open deal',
  'btn.openInstagram': 'Open Instagram',
  'btn.openAgenda': 'Open agenda',
  'btn.snooze': 'Snooze 15 min',
  'action.title': 'Reglament: what is due today',
  'action.overdue': 'Reglament: {count} overdue',
};

export const workerMessages: Messages<Key> = { ru, en };
export type WorkerTextKey = Key;
export const workerText = (locale: Locale = 'ru') => translator(workerMessages, locale);
export type WorkerText = ReturnType<typeof workerText>;
