// Small display helpers over lib/i18n (Intl only; the worker computes, the sidebar formats).
import { formatInZone } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { localDateOf } from '@/lib/instagram/today';
import type { SidebarKey } from './strings';
import { DAY } from '@/lib/calendar/time';

/** «сегодня в 14:05», «вчера в 09:10», «12 мар., 13:30». */
export function when(at: number, now: number, zone: string, locale: Locale, t: Translate<SidebarKey>): string {
  const time = formatInZone(at, zone, locale);
  const day = localDateOf(at, zone);
  if (day === localDateOf(now, zone)) return t('today', { time });
  if (day === localDateOf(now - DAY, zone)) return t('yesterday', { time });
  return formatInZone(at, zone, locale, true);
}
