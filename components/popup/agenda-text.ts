// The words and tones the popup shows for deadlines, the round, rule titles and the date line.
// Pure: the page passes the clock, zone, language and translator it renders with.
import type { AgendaEntry, Round } from '@/lib/messaging/protocol';
import { dateFormat, formatDay, formatDuration, formatInZone } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/playbook/settings';
import { ruleTitle, type SectionId } from './agenda-model';
import type { PopupKey } from './strings';
import { HOUR } from '@/lib/calendar/time';

export type Tone = 'bad' | 'warn' | 'ok' | 'muted';

export interface TextEnv {
  t: Translate<PopupKey>;
  locale: Locale;
  zone: string;
  /** The worker's clock (this page's plus the skew). */
  now: number;
}

/** Under an hour left turns the countdown amber. */
const SOON = HOUR;

export function whenOf(
  o: Pick<AgendaEntry['obligation'], 'dueAt'>,
  section: SectionId,
  env: TextEnv,
): { text: string; tone: Tone } {
  const { t, locale, now } = env;
  if (o.dueAt === null) return { text: t('noDeadline'), tone: 'muted' };
  const time = formatInZone(o.dueAt, env.zone, locale);
  if (o.dueAt <= now) return { text: t('overdueFor', { d: formatDuration(now - o.dueAt, locale) }), tone: 'bad' };
  if (section === 'tomorrow') return { text: t('tomorrowAt', { time }), tone: 'muted' };
  const left = o.dueAt - now;
  return {
    text: `${t('dueAt', { time })} · ${t('dueIn', { d: formatDuration(left, locale) })}`,
    tone: left < SOON ? 'warn' : 'ok',
  };
}

/** The round's slot time, its state in words, and its tone; a due round past its deadline counts as overdue before the worker says so. */
export function roundStatusOf(
  round: Pick<Round, 'at' | 'dueAt' | 'state'>,
  env: TextEnv,
): { slot: string; status: string; tone: Tone } {
  const { t, locale, zone, now } = env;
  const late = round.state === 'overdue' || round.dueAt <= now;
  const status =
    round.state === 'done'
      ? t('round.done')
      : round.state === 'upcoming'
        ? t('round.upcoming', { d: formatDuration(round.at - now, locale) })
        : late
          ? t('round.overdue', { d: formatDuration(now - round.dueAt, locale) })
          : t('round.due', { time: formatInZone(round.dueAt, zone, locale) });
  const tone: Tone = round.state === 'done' ? 'ok' : late ? 'bad' : round.state === 'due' ? 'warn' : 'muted';
  return { slot: formatInZone(round.at, zone, locale), status, tone };
}

/** «Пост в ленте за день» needs its day when it is not today's (overdue days pile up). */
export function titleOf(o: AgendaEntry['obligation'], env: Pick<TextEnv, 't' | 'locale'>, settings: Settings | null): string {
  const title = ruleTitle(o, env.locale, settings);
  if (o.rule !== 'daily-post' || !/^\d{4}-\d{2}-\d{2}$/.test(o.key)) return title;
  return env.t('dailyPostOf', { day: formatDay(o.key, env.locale) });
}

/** The header's «пн, 3 марта» in the agency zone. */
export function dateLineOf(env: Pick<TextEnv, 'locale' | 'zone' | 'now'>): string {
  return dateFormat(env.locale, {
    timeZone: env.zone,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
  }).format(env.now);
}
