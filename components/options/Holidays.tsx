// The Kazakhstan holidays and the agency's moved days for this and next year, as the engine sees them.
import { createCalendar, kzHolidaysCover } from '@/lib/calendar';
import type { CalendarSettings } from '@/lib/calendar';
import { holidayName } from '@/lib/options/holiday-names';
import { dateFormat } from '@/lib/i18n/format';
import { locale } from '../common/page-locale';
import { tr } from './strings';

function formatDate(date: string, ru: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat(ru ? 'ru' : 'en', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    weekday: 'short',
  }).format(Date.UTC(y!, m! - 1, d!));
}

export function Holidays({ calendar }: { calendar: CalendarSettings }) {
  let cal;
  try {
    cal = createCalendar(calendar);
  } catch {
    return null;
  }
  const year = Number(cal.localDateOf(Date.now()).slice(0, 4));
  const ru = locale.value === 'ru';
  return (
    <div class="holidays" data-testid="holidays">
      {[year, year + 1].map((y) => {
        const list = cal.holidaysOf(y);
        return (
          <div class="holiday-year" key={y}>
            <h3>{tr('holidays.title', { year: y })}</h3>
            {calendar.useKzHolidays && !kzHolidaysCover(y) && <p class="hint">{tr('holidays.noData', { year: y })}</p>}
            <ul>
              {list.map((h) => (
                <li key={h.date} class={`holiday src-${h.source}`}>
                  <span class="h-date">{formatDate(h.date, ru)}</span>
                  <span class="h-name">{holidayName(h.name, locale.value)}</span>
                  {h.source !== 'kz' && <span class="h-src">{tr(`holidays.${h.source}`)}</span>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <p class="hint">{tr('holidays.hint')}</p>
    </div>
  );
}
