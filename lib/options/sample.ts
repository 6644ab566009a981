// The sample client the template preview is filled with.
import type { Locale } from '../i18n/locale';
import type { Settings } from '../playbook/settings';
import type { TemplateVars } from '../playbook/templates';

export function sampleVars(settings: Settings, locale: Locale): TemplateVars {
  const ru = locale === 'ru';
  return {
    client: ru ? 'Кофейня «Зерно»' : 'Zerno Coffee',
    manager: ru ? 'Айгерим' : 'Aigerim',
    service: settings.amocrm.serviceValues.management,
    startDate: '01.12.2026',
    endDate: '31.12.2026',
    agencyName: settings.people.agencyName,
    agencyEmail: settings.people.agencyEmail,
    instagram: 'zerno.coffee',
    amount: '120 000',
    question: ru ? 'Есть ли у вас безглютеновая выпечка?' : 'Do you have gluten-free pastries?',
  };
}
