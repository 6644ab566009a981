import { CopyButton } from '@/components/common/CopyButton';
import type { Stage } from '@/lib/model/facts';
import type { DealRead } from '@/lib/amocrm/deal';
import type { ClientView } from '@/lib/messaging/protocol';
import type { ContentSettings, TemplateId } from '@/lib/playbook/settings-types';
import { fillTemplate, type TemplateVars } from '@/lib/playbook/templates';
import { renewalNear } from '@/lib/amocrm/overlay-model';
import { formatTenge } from '@/lib/i18n/format';
import { formatDate, type OverlayEnv } from './context';
import { useStore } from '@/components/common/use-store';

/** Which scripts and e-mails the manager needs now. */
export function templatesFor(
  stage: Stage | null,
  view: ClientView | null,
  now: number,
): { ids: TemplateId[]; askAdManager: boolean } {
  const ids: TemplateId[] = [];
  const service = view?.client.service ?? null;
  const payer = view?.client.payer ?? null;
  const near = !!view && renewalNear(view.obligations, now);
  if (stage === null) ids.push('firstCallScript');
  const contactOpen = !!view?.obligations.some(
    (o) => o.rule === 'renewal-contact' && o.startAt <= now && (o.state === 'open' || o.state === 'overdue'),
  );
  if (contactOpen && service !== 'complex') ids.push('renewalScript');
  if (near || stage === 'notice-sent') {
    if (payer !== 'legal') ids.push('paymentDetailsIndividual');
    if (payer !== 'individual') ids.push('invoiceLegal');
  }
  if (stage === 'launched' && ids.length === 0) ids.push('followerQuestion');
  return { ids, askAdManager: contactOpen && service === 'complex' };
}

export function Scripts({
  env,
  stage,
  view,
  deal,
  settings: stored,
}: {
  env: OverlayEnv;
  stage: Stage | null;
  view: ClientView | null;
  deal: DealRead | null;
  settings: ContentSettings;
}) {
  const { t, locale, timeZone } = env;
  // Names and templates the agency left at their defaults come in the interface language (the worker's settings.view).
  const settings = { ...stored, amocrm: stored.shownAmocrm };
  const { ids, askAdManager } = templatesFor(stage, view, useStore(env.now));
  if (!ids.length && !askAdManager) return null;
  const client = view?.client;
  const period = view?.period ?? null;
  const vars: TemplateVars = {
    client: deal?.contactName ?? client?.name,
    manager: client?.managerName ?? deal?.managerName,
    service: client?.service ? settings.amocrm.serviceValues[client.service] : null,
    startDate: period ? formatDate(period.start, timeZone, locale, false) : null,
    endDate: period ? formatDate(period.end - 1, timeZone, locale, false) : null,
    agencyName: settings.people.agencyName,
    agencyEmail: settings.people.agencyEmail,
    instagram: client?.instagram,
    amount: deal?.price ? formatTenge(deal.price, locale).replace(/\s*₸$/, '') : null,
  };
  return (
    <section class="rg-sec" aria-label={t('scripts')}>
      <h3 class="rg-sec__title">{t('scripts')}</h3>
      {askAdManager && (
        <div class="rg-note rg-note--info" data-notice="ask-ad-manager">
          {t('askAdManager', { name: settings.people.adManager, service: settings.amocrm.serviceValues.complex })}
        </div>
      )}
      {ids.map((id, i) => {
        const tpl = settings.templates[id];
        const subject = tpl.subject ? fillTemplate(tpl.subject, vars) : '';
        const body = fillTemplate(tpl.text, vars);
        return (
          <details key={id} class="rg-tpl" data-template={id} open={i === 0 && ids.length === 1}>
            <summary>
              <span class="rg-tpl__title">{tpl.title}</span>
              <CopyButton
                text={subject ? `${subject}\n\n${body}` : body}
                labels={{ copy: t('copy'), copied: t('copied'), failed: t('copyFailed') }}
              />
            </summary>
            {subject && <div class="rg-tpl__subject">{subject}</div>}
            <div class="rg-tpl__text">{body}</div>
          </details>
        );
      })}
    </section>
  );
}
