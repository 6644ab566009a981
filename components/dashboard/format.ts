import { formatDuration, formatTenge } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { RULES } from '@/lib/playbook/rules';
import type { RuleId } from '@/lib/model/obligations';
import { locale } from '../common/page-locale';

export const ZONE = 'Asia/Almaty';

export const tenge = (n: number) => formatTenge(n, locale.value).replace(/^-/, '−');
export const signedTenge = (n: number) => (n > 0 ? `+${tenge(n)}` : tenge(n));
export const duration = (ms: number) => formatDuration(ms, locale.value);

const fmts = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, opts: Intl.DateTimeFormatOptions, loc: Locale): Intl.DateTimeFormat {
  const k = `${key}|${loc}`;
  let f = fmts.get(k);
  if (!f) fmts.set(k, (f = new Intl.DateTimeFormat(loc === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: ZONE, ...opts })));
  return f;
}

/** «5 дек., 14:05» in the agency zone. */
export const dateTime = (at: number) => fmt('dt', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, locale.value).format(at);
/** «5 дек.» of a local `YYYY-MM-DD`. */
export const shortDate = (date: string) => fmt('d', { day: 'numeric', month: 'short', timeZone: 'UTC' }, locale.value).format(Date.parse(`${date}T00:00:00Z`));
export const weekday = (date: string) => fmt('wd', { weekday: 'short', timeZone: 'UTC' }, locale.value).format(Date.parse(`${date}T00:00:00Z`));
export const monthTitle = (month: string) => {
  const s = fmt('m', { month: 'long', year: 'numeric', timeZone: 'UTC' }, locale.value).format(Date.parse(`${month}-15T00:00:00Z`));
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const ruleTitle = (rule: RuleId, fallback: string) => (locale.value === 'en' ? RULES[rule]?.titleEn ?? fallback : RULES[rule]?.titleRu ?? fallback);

export function currentMonth(now = Date.now()): string {
  const parts = fmt('ym', { year: 'numeric', month: '2-digit', timeZone: ZONE }, 'en').formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
