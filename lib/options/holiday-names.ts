// English names of the Kazakhstan public holidays and of the agency's own days, for an English
// interface. The calendar keeps the Russian names of date-holidays (kz-holidays.data.ts, generated);
// a name this table does not know is shown as the calendar has it. Beside the options page that shows them.
import type { Locale } from '../i18n/locale';

const EN: Record<string, string> = {
  'Новый год': "New Year's Day",
  'Рождество Христово': 'Orthodox Christmas',
  'Международный женский день': "International Women's Day",
  'Наурыз мейрамы': 'Nauryz',
  'День единства народа Казахстана': 'Unity Day of the People of Kazakhstan',
  'День Защитника Отечества': 'Defender of the Fatherland Day',
  'День Победы': 'Victory Day',
  'День столицы': 'Capital Day',
  'День Конституции': 'Constitution Day',
  'Курбан-айт': 'Kurban Ait',
  'День Первого Президента': 'First President Day',
  'День Республики': 'Republic Day',
  'День независимости': 'Independence Day',
  'Рабочий день (перенос)': 'Working day (moved)',
  'Дополнительный выходной': 'Extra day off',
};
const MOVED = ' (перенос выходного)';

/** A holiday's name in the interface language («Наурыз мейрамы; Новый год (перенос выходного)» → "Nauryz; New Year's Day (moved day off)"). */
export function holidayName(name: string, locale: Locale): string {
  if (locale === 'ru') return name;
  return name
    .split('; ')
    .map((part) => {
      const moved = part.endsWith(MOVED);
      const base = moved ? part.slice(0, -MOVED.length) : part;
      const en = EN[base];
      return en === undefined ? part : moved ? `${en} (moved day off)` : en;
    })
    .join('; ');
}
