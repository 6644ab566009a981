import { dateFormat, formatDay, formatDuration, formatTenge } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { DEFAULT_TIME_ZONE } from '@/lib/calendar/default-zone';
import { ruleTitleOf } from '@/lib/playbook/rules';
import type { Settings } from '@/lib/playbook/settings';
import { signal } from '@preact/signals';
import type { RuleId } from '@/lib/model/obligations';
import { locale } from '../common/page-locale';

/** The settings (from `settings.get`); null until they arrive. */
export const settings = signal<Settings | null>(null);
/** The agency zone every date on the page is shown in: settings.calendar.timeZone (the default only before they arrive). */
export const zone = signal(DEFAULT_TIME_ZONE);

export const tenge = (n: number) => formatTenge(n, locale.value).replace(/^-/, '−');
export const signedTenge = (n: number) => (n > 0 ? `+${tenge(n)}` : tenge(n));
export const duration = (ms: number) => formatDuration(ms, locale.value);

const fmt = (opts: Intl.DateTimeFormatOptions, loc: Locale, timeZone: string = zone.value) =>
  dateFormat(loc, { timeZone, ...opts });

/** «5 дек., 14:05» in the agency zone. */
export const dateTime = (at: number) =>
  fmt({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, locale.value).format(at);
/** «5 дек.» of a local `YYYY-MM-DD`. */
export const shortDate = (date: string) => formatDay(date, locale.value);
export const weekday = (date: string) =>
  fmt({ weekday: 'short', timeZone: 'UTC' }, locale.value).format(Date.parse(`${date}T00:00:00Z`));
export const monthTitle = (month: string) => {
  const s = fmt({ month: 'long', year: 'numeric', timeZone: 'UTC' }, locale.value).format(Date.parse(`${month}-15T00:00:00Z`));
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** A rule's title in the page language with its numbers and names from the settings; `fallback` (the obligation's own title) until they arrive. */
export const ruleTitle = (rule: RuleId, fallback: string) =>
  settings.value ? ruleTitleOf(rule, settings.value, locale.value) : fallback;

/** `YYYY-MM` of `now` in the agency zone. */
export function currentMonth(now = Date.now(), timeZone: string = zone.value): string {
  const parts = fmt({ year: 'numeric', month: '2-digit' }, 'en', timeZone).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
