import { ServiceBadge } from '@/components/common/ServiceBadge';
import type { OverlayData } from '@/lib/amocrm/session';
import { workingState } from '@/lib/amocrm/overlay-model';
import { formatInZone } from '@/lib/i18n/format';
import { formatDate, type OverlayEnv } from './context';
import { useStore } from '@/components/common/use-store';
import { useEffect } from 'preact/hooks';
import { HOUR } from '@/lib/calendar/time';

export function Header({ env, data }: { env: OverlayEnv; data: OverlayData }) {
  const { t, locale } = env;
  const now = useStore(env.now);
  const client = data.mapped?.client ?? data.view?.client ?? null;
  const settings = data.settings;
  const service = client?.service ?? null;
  const serviceLabel =
    service === 'management'
      ? locale === 'ru'
        ? 'Ведение'
        : 'Management'
      : service === 'complex'
        ? locale === 'ru'
          ? 'Комплексное'
          : 'Complex'
        : t('noService');
  // The agency's names as shown in the interface language; a stage Reglament does not follow keeps amoCRM's own name.
  const payer = client?.payer && settings ? settings.shownAmocrm.payerValues[client.payer] : null;
  const stage = data.mapped?.stage ?? data.view?.stage ?? null;
  // The stage the deal is at now: as read from amoCRM once the deal is read (null when amoCRM's stage is not mapped).
  const current = data.deal ? (data.mapped?.stage ?? null) : stage;
  const statusName =
    (current && settings?.shownAmocrm.stageNames[current]) || (data.deal?.statusName ?? client?.stageName ?? null);
  const view = data.view;
  const period = view?.period ?? null;
  const work = settings && view ? workingState(view.workingHours, view.now, now, settings.calendar) : null;
  const outdated = !!work && !work.working && work.change === null;
  // Working time ended since the worker answered: ask it when working time resumes.
  useEffect(() => void (outdated && env.session.refresh()), [outdated, view]);
  return (
    <header class="rg-head">
      <div class="rg-head__top">
        <span class="rg-logo" aria-hidden="true">
          R
        </span>
        <span class="rg-head__brand">{t('title')}</span>
        {work && (
          <span class={`rg-hours ${work.working ? 'rg-hours--on' : 'rg-hours--off'}`} data-working={String(work.working)}>
            {work.change === null
              ? t('offHoursShort')
              : t(work.working ? 'working' : 'offHours', {
                  time: formatInZone(work.change, env.timeZone, locale, work.change - now > 20 * HOUR),
                })}
          </span>
        )}
      </div>
      <div class="rg-head__name" title={client?.name}>
        {client?.name || data.deal?.name || '…'}
      </div>
      <div class="rg-head__meta">
        <ServiceBadge service={service} label={serviceLabel} />
        {payer && <span class="rg-chip">{payer}</span>}
        {statusName && (
          <span class="rg-chip rg-chip--stage" data-stage={stage ?? 'none'}>
            {statusName}
          </span>
        )}
      </div>
      {view && !data.synced && !data.error && !data.layout && (
        // The worker's last known state, painted before the deal is read again.
        <p class="rg-muted rg-refreshing" role="status" data-refreshing="true">
          {t('refreshing')}
        </p>
      )}
      {period && (
        <div class="rg-period">
          <span>{t('period', { day: period.day, length: period.length })}</span>
          <span class="rg-period__bar">
            <span style={{ width: `${Math.min(100, (period.day / period.length) * 100)}%` }} />
          </span>
          <span class="rg-muted">
            {formatDate(period.start, env.timeZone, locale, false)} – {formatDate(period.end - 1, env.timeZone, locale, false)}
          </span>
        </div>
      )}
    </header>
  );
}
