// Time left until a deadline, ticking from a shared `now` signal: calm over an hour, warning under
// an hour (mm:ss), breach as negative time («просрочено на 2 ч 10 мин»). Generic: no CRM knowledge.
import type { Readable } from '@/lib/amocrm/store';
import { useStore } from './use-store';
import { formatDuration } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { HOUR } from '@/lib/calendar/time';

export interface CountdownProps {
  dueAt: number;
  now: Readable<number>;
  locale: Locale;
  /** «просрочено на {time}» */
  overdueText: (time: string) => string;
  /** Clock stands still (e.g. outside working hours for working-time rules). */
  paused?: boolean;
}

export function Countdown({ dueAt, now, locale, overdueText, paused }: CountdownProps) {
  const left = dueAt - useStore(now);
  const tone = left < 0 ? 'breach' : left < HOUR ? 'warn' : 'calm';
  let text: string;
  if (left < 0) text = overdueText(formatDuration(-left, locale));
  else if (left < HOUR) {
    const s = Math.floor(left / 1000);
    text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  } else text = formatDuration(left, locale);
  return (
    <span
      class={`rg-cd rg-cd--${tone}${paused ? ' rg-cd--paused' : ''}`}
      data-tone={tone}
      role="timer"
      title={paused ? '⏸' : undefined}
    >
      {text}
    </span>
  );
}
