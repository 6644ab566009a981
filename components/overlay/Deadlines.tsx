import { Countdown } from '@/components/common/Countdown';
import type { ClientView } from '@/lib/messaging/protocol';
import { splitObligations, WORKING_TIME_RULES, workingState } from '@/lib/amocrm/overlay-model';
import type { CalendarSettings } from '@/lib/calendar/types';
import { formatDate, type OverlayEnv } from './context';
import { useStore } from '@/components/common/use-store';

export function Deadlines({ env, view, calendar }: { env: OverlayEnv; view: ClientView; calendar: CalendarSettings | null }) {
  const { t, locale, timeZone } = env;
  const now = useStore(env.now);
  const { open, met } = splitObligations(view.obligations, now);
  const working = calendar ? workingState(view.workingHours, view.now, now, calendar).working : true;
  return (
    <section class="rg-sec" aria-label={t('deadlines')}>
      <h3 class="rg-sec__title">{t('deadlines')}</h3>
      {open.length === 0 && <div class="rg-empty">{t('noDeadlines')}</div>}
      <ul class="rg-dl">
        {open.map(({ obligation: o, olderOverdue }) => {
          const paused = !working && WORKING_TIME_RULES.has(o.rule) && o.dueAt !== null && o.dueAt > now;
          return (
            <li
              key={o.id}
              class={`rg-dl__row${paused ? ' rg-dl__row--paused' : ''}`}
              title={paused ? t('offHoursShort') : undefined}
              data-rule={o.rule}
              data-state={o.state}
              data-due={o.dueAt ?? ''}
            >
              <div class="rg-dl__title">{o.title}</div>
              <div class="rg-dl__sub">
                <span class="rg-dl__when">
                  {o.dueAt !== null ? t('dueAt', { time: formatDate(o.dueAt, timeZone, locale) }) : t('noDue')}
                </span>
                {o.dueAt !== null && (
                  <Countdown
                    dueAt={o.dueAt}
                    now={env.now}
                    locale={locale}
                    paused={paused}
                    overdueText={(time) => t('overdue', { time })}
                  />
                )}
              </div>
              {olderOverdue > 0 && <div class="rg-older">{t('olderOverdue', { count: olderOverdue })}</div>}
              {o.missing && o.missing.length > 0 && o.state === 'overdue' && (
                <div class="rg-dl__missing">{o.missing.slice(0, 2).join(' · ')}</div>
              )}
            </li>
          );
        })}
      </ul>
      {met.length > 0 && (
        <details class="rg-met">
          <summary>{t('met', { count: met.length })}</summary>
          <ul>
            {met.slice(0, 12).map((o) => (
              <li key={o.id} data-rule={o.rule} data-state={o.state}>
                <span class="rg-check">✓</span> {o.title}
                <span class="rg-muted">
                  {' '}
                  {o.metAt ? formatDate(o.metAt, timeZone, locale) : ''}
                  {o.state === 'met-late' ? ` · ${t('metLate')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
