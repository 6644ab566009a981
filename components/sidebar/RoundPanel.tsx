// Feed, Direct and post pages: the current engagement round across all clients.
import { formatInZone } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import type { Agenda } from '@/lib/messaging/protocol';
import { uncheckedAccounts } from '@/lib/instagram/today';
import { profilePath } from '@/lib/instagram/url';
import type { Controller } from './controller';
import type { SidebarKey } from './strings';
import { openInstagramPath } from './navigate';

export function RoundPanel({ c, t, round }: { c: Controller; t: Translate<SidebarKey>; round: Agenda['round'] | undefined }) {
  if (round === undefined)
    return (
      <p class="rg-muted" role="status">
        {t('loading')}
      </p>
    );
  const zone = c.zone.value;
  const locale = c.locale.value;
  if (round === null) {
    return (
      <div class="rg-round">
        <h2 class="rg-name">{t('roundAllTitle')}</h2>
        <p class="rg-muted">{t('roundNone')}</p>
      </div>
    );
  }
  const left = uncheckedAccounts(round);
  const state =
    round.state === 'done'
      ? t('roundAllDone')
      : round.state === 'upcoming'
        ? t('slotUpcoming', { time: formatInZone(round.at, zone, locale) })
        : round.state === 'due'
          ? t('slotDue')
          : t('slotOverdue');
  return (
    <div class="rg-round" data-slot={round.slot} data-state={round.state}>
      <h2 class="rg-name">{t('roundAllTitle')}</h2>
      <p class="rg-row">
        <span class="rg-round-time">{t('roundAt', { time: formatInZone(round.at, zone, locale) })}</span>
        <span class={`rg-pill rg-pill--${round.state}`}>{state}</span>
      </p>
      {left.length ? (
        <>
          <p class="rg-muted rg-small">{t('roundLeft', { left: left.length, total: round.accounts.length })}</p>
          <ul class="rg-accounts" aria-label={t('roundAllTitle')}>
            {left.map((a) => (
              <li key={a.client.id} class="rg-account" data-client-id={a.client.id}>
                <span class="rg-avatar" aria-hidden="true">
                  {(a.client.instagram ?? a.client.name)
                    .replace(/[^\p{L}\p{N}]/gu, '')
                    .charAt(0)
                    .toUpperCase()}
                </span>
                {a.client.instagram ? (
                  <a
                    class="rg-account-link"
                    href={profilePath(a.client.instagram)}
                    onClick={(e) => openInstagramPath(e, profilePath(a.client.instagram!), a.client.instagram!)}
                    aria-label={t('roundOpen', { username: a.client.instagram })}
                  >
                    <span class="rg-account-name">{a.client.name}</span>
                    <span class="rg-muted rg-small">@{a.client.instagram}</span>
                  </a>
                ) : (
                  <span class="rg-account-link">
                    <span class="rg-account-name">{a.client.name}</span>
                    <span class="rg-muted rg-small">{t('roundNoInstagram')}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="rg-ok-line">✓ {t('roundAllDone')}</p>
      )}
    </div>
  );
}
