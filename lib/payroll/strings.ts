// The payroll's explanations in both interface languages (the dashboard shows them as they come).
import type { Locale } from '../i18n/locale';
import { plural, translator, type Messages } from '../i18n/translate';

const ru = {
  noManager: 'Без ответственного',
  'base.none': 'Клиенты без ответственного менеджера: оклад не начисляется',
  base: 'Оклад {amount}',
  line: '{count} × {amount} — {what}',
  renewals: 'клиенты продлили после месяца обслуживания',
  losses: 'клиенты потеряны после месяца обслуживания',
  refunds: 'клиенты вернули деньги в первые {days}',
  kept: 'клиенты не вернули деньги в первые {days}',
  'fines.unset': '{count} нарушений «{rule}»; сумма штрафа не задана — 0 ₸',
  fines: '{count} × −{amount} — первая публикация позже {workingDays} после анкеты',
  'fines.note': 'Сумма штрафа не задана в настройках (motivation.firstPostFine): нарушения записаны, но не вычтены',
  'best.won': 'Лучший менеджер месяца: {sum} по клиентам — +{amount}',
  'best.lost': 'Лучший результат месяца {best}, у менеджера {sum}',
  'best.none': 'Бонус лучшему менеджеру не начисляется: ни у кого нет положительного результата по клиентам',
};
type Key = keyof typeof ru;

const en: Record<Key, string> = {
  noManager: 'No manager',
  'base.none': 'Clients without a responsible manager: no base salary',
  base: 'Base salary {amount}',
  line: '{count} × {amount} — {what}',
  renewals: 'clients renewed after a month of service',
  losses: 'clients lost after a month of service',
  refunds: 'clients refunded within the first {days}',
  kept: 'clients not refunded within the first {days}',
  'fines.unset': '{count} breaches of “{rule}”; no fine amount set — 0 ₸',
  fines: '{count} × −{amount} — first post later than {workingDays} after the questionnaire',
  'fines.note': 'No fine amount in the settings (motivation.firstPostFine): breaches are recorded but not deducted',
  'best.won': 'Best manager of the month: {sum} from clients — +{amount}',
  'best.lost': 'Best result of the month {best}, this manager {sum}',
  'best.none': 'No best-manager bonus: nobody has a positive result from clients',
};

const messages: Messages<Key> = { ru, en };
export const payrollText = (locale: Locale) => translator(messages, locale);

const UNITS = {
  ru: { days: ['день', 'дня', 'дней'], workingDaysGen: ['рабочего дня', 'рабочих дней', 'рабочих дней'] },
  en: { days: ['day', 'days', 'days'], workingDaysGen: ['working day', 'working days', 'working days'] },
} as const;

export const daysText = (n: number, locale: Locale) => `${n} ${plural(n, UNITS[locale].days, locale)}`;
export const workingDaysGenText = (n: number, locale: Locale) => `${n} ${plural(n, UNITS[locale].workingDaysGen, locale)}`;
