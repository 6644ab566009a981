// A client's profile: period day, today's post, Stories, today's plan item, the two rounds.
import { browser } from 'wxt/browser';
import { formatDuration, formatInZone } from '@/lib/i18n/format';
import { plural, type Translate } from '@/lib/i18n/translate';
import type { ClientView } from '@/lib/messaging/protocol';
import type { TodayPlanItem } from '@/lib/model/plans';
import { dealUrl } from '@/lib/amocrm/url';
import { todayOf, type RoundSlot } from '@/lib/instagram/today';
import type { Controller } from './controller';
import { sendMessage } from '@/lib/messaging/client';
import { when } from './format';
import type { SidebarKey } from './strings';
import { DAY } from '@/lib/calendar/time';

interface Props {
  c: Controller;
  t: Translate<SidebarKey>;
  view: ClientView;
  plan: TodayPlanItem | null | 'unavailable' | undefined;
}

const serviceEn = { management: 'Account management', complex: 'Full promotion' } as const;

export function ClientPanel({ c, t, view, plan }: Props) {
  const now = c.now.value;
  const zone = c.zone.value;
  const locale = c.locale.value;
  const today = todayOf(view, now, zone);
  const client = view.client;
  const dealLink = dealUrl(client);
  const time = (at: number) => formatInZone(at, zone, locale);
  const busy = c.busy.value;
  const ig = c.ig.value;
  const dom = c.dom.value;
  const manualFirst = ig.kind === 'limited' || ig.kind === 'error';
  // Russian: the agency's own names of the services (settings); English: a translation.
  const service = client.service
    ? locale === 'en'
      ? serviceEn[client.service]
      : (c.serviceNames.value?.[client.service] ?? null)
    : null;

  return (
    <div class="rg-client">
      <div class="rg-who">
        <h2 class="rg-name">{client.name}</h2>
        <p class="rg-sub">
          @{client.instagram}
          {service ? ` · ${service}` : ''}
        </p>
        {today.period ? (
          <div class="rg-period">
            <span class="rg-period-text">{t('dayOf', { day: today.period.day, length: today.period.length })}</span>
            <span class="rg-bar" role="presentation">
              <span style={{ width: `${Math.min(100, (today.period.day / today.period.length) * 100)}%` }} />
            </span>
          </div>
        ) : (
          <p class="rg-muted">{t('noPeriod')}</p>
        )}
      </div>

      {ig.kind === 'checking' ? (
        <p class="rg-muted rg-small" role="status">
          {t('checking')}
        </p>
      ) : null}
      {manualFirst ? (
        <div class="rg-note rg-note--warn" role="status">
          <strong>{ig.kind === 'limited' ? t('limited') : t('igError')}</strong>
          {ig.kind === 'limited' ? <span class="rg-small">{t('limitedUntil', { time: time(ig.until) })}</span> : null}
          {c.blind.value ? (
            <span class="rg-small" data-testid="ig-blind">
              {t('domBlind')}
            </span>
          ) : null}
        </div>
      ) : null}

      <section class="rg-sec" aria-labelledby="rg-post">
        <h3 id="rg-post" class="rg-label">
          {t('postTitle')}
        </h3>
        {today.post === null ? (
          <p class="rg-muted">{t('noPostRule')}</p>
        ) : today.post.done ? (
          <p class="rg-row">
            <span class="rg-dot rg-dot--ok" aria-hidden="true" />
            <span data-testid="post-state" data-state="done">
              {t('postDone', { time: today.post.at ? time(today.post.at) : '—' })}
            </span>
          </p>
        ) : (
          <>
            <p class="rg-row">
              <span class={`rg-dot ${today.post.overdue ? 'rg-dot--bad' : 'rg-dot--wait'}`} aria-hidden="true" />
              <span data-testid="post-state" data-state={today.post.overdue ? 'overdue' : 'open'}>
                {t('postNotYet')}
                {today.post.dueAt ? (
                  <span class={today.post.overdue ? 'rg-bad' : 'rg-muted'}>
                    {' '}
                    · {today.post.overdue ? t('postOverdue') : t('postDue', { time: time(today.post.dueAt) })}
                  </span>
                ) : null}
              </span>
            </p>
            {dom && dom.shortcodes.length ? (
              <p class="rg-muted rg-small">
                {t('domPosts', {
                  count: `${dom.shortcodes.length} ${plural(dom.shortcodes.length, locale === 'en' ? ['post', 'posts', 'posts'] : ['публикация', 'публикации', 'публикаций'], locale)}`,
                })}
              </p>
            ) : null}
            <button
              type="button"
              class={manualFirst ? 'rg-btn rg-btn--primary' : 'rg-btn'}
              disabled={busy === 'post'}
              onClick={() => c.markManual('post')}
            >
              {t('markPost')}
            </button>
          </>
        )}
      </section>

      <section class="rg-sec" aria-labelledby="rg-stories">
        <h3 id="rg-stories" class="rg-label">
          {t('storiesTitle')}
        </h3>
        <p class="rg-row">
          <span
            class={`rg-dot ${today.stories?.overdue ? 'rg-dot--bad' : today.stories?.lastAt ? 'rg-dot--ok' : 'rg-dot--wait'}`}
            aria-hidden="true"
          />
          <span data-testid="stories-last">
            {today.stories?.lastAt
              ? t('storiesLast', { when: when(today.stories.lastAt, now, zone, locale, t) })
              : t('storiesNone')}
          </span>
        </p>
        {today.stories?.dueAt ? (
          today.stories.overdue ? (
            <p class="rg-bad rg-strong" data-testid="stories-due" data-state="overdue">
              {t('storiesOverdue', { duration: formatDuration(now - today.stories.dueAt, locale) })}
            </p>
          ) : (
            <p class="rg-muted" data-testid="stories-due" data-state="open">
              {t('storiesNext', { when: when(today.stories.dueAt, now, zone, locale, t) })}
            </p>
          )
        ) : null}
        {dom?.story.live && manualFirst ? <p class="rg-muted rg-small">{t('storiesLive')}</p> : null}
        {today.stories === null ||
        today.stories.overdue ||
        manualFirst ||
        (today.stories.dueAt !== null && today.stories.dueAt - now < DAY) ? (
          <button
            type="button"
            class={manualFirst || today.stories?.overdue ? 'rg-btn rg-btn--primary' : 'rg-btn'}
            disabled={busy === 'story'}
            onClick={() => c.markManual('story')}
          >
            {t('markStories')}
          </button>
        ) : null}
      </section>

      <section class="rg-sec" aria-labelledby="rg-plan">
        <h3 id="rg-plan" class="rg-label">
          {t('planTitle')}
        </h3>
        <PlanItem t={t} plan={plan} clientId={client.id} />
      </section>

      <section class="rg-sec" aria-labelledby="rg-rounds">
        <h3 id="rg-rounds" class="rg-label">
          {t('roundsTitle')}
        </h3>
        {today.rounds.length ? (
          <ul class="rg-checklist">
            {today.rounds.map((slot) => (
              <Slot
                key={slot.slot}
                slot={slot}
                t={t}
                busy={busy === `round:${slot.slot}`}
                time={time}
                onTick={() => c.tickRound(slot.slot)}
              />
            ))}
          </ul>
        ) : (
          <p class="rg-muted">{t('noRounds')}</p>
        )}
      </section>

      <a class="rg-deal" href={dealLink} target="_blank" rel="noopener noreferrer">
        {t('openDeal')} <span aria-hidden="true">↗</span>
      </a>
    </div>
  );
}

function Slot({
  slot,
  t,
  busy,
  time,
  onTick,
}: {
  slot: RoundSlot;
  t: Translate<SidebarKey>;
  busy: boolean;
  time: (at: number) => string;
  onTick: () => void;
}) {
  const done = slot.state === 'done';
  const status =
    slot.state === 'done'
      ? t('slotDone', { time: slot.doneAt ? time(slot.doneAt) : '' })
      : slot.state === 'upcoming'
        ? t('slotUpcoming', { time: slot.time })
        : slot.state === 'due'
          ? t('slotDue')
          : t('slotOverdue');
  return (
    <li class={`rg-slot rg-slot--${slot.state}`} data-slot={slot.slot} data-state={slot.state}>
      <button
        type="button"
        role="checkbox"
        aria-checked={done}
        class="rg-check"
        disabled={done || busy}
        aria-label={`${t('tickSlot', { time: slot.time })}: ${status}`}
        onClick={onTick}
      >
        <span aria-hidden="true">{done ? '✓' : ''}</span>
      </button>
      <span class="rg-slot-time">
        {slot.earlier ? <span class="rg-small rg-muted">{t('yesterdayShort')} </span> : null}
        {slot.time}
      </span>
      <span class="rg-slot-state">{status}</span>
    </li>
  );
}

/** A web page may not open extension pages: the worker opens the dashboard for it. */
function openPlans(event: Event, clientId: string): void {
  event.preventDefault();
  void sendMessage('dashboard.open', { clientId }).catch(() => undefined);
}

function PlanItem({ t, plan, clientId }: { t: Translate<SidebarKey>; plan: Props['plan']; clientId: string }) {
  // After the extension was reloaded under the page, runtime.getURL is gone: the link falls back to nothing.
  const editUrl =
    plan && plan !== 'unavailable'
      ? plan.editUrl
      : browser.runtime?.id
        ? browser.runtime.getURL(`/dashboard.html#plans/${clientId}` as '/dashboard.html')
        : '#';
  const link = (
    <a class="rg-link" href={editUrl} target="_blank" rel="noopener" onClick={(event) => openPlans(event, clientId)}>
      {t('planOpen')} <span aria-hidden="true">↗</span>
    </a>
  );
  if (plan === undefined) return <p class="rg-muted">{t('loading')}</p>;
  if (plan === 'unavailable' || plan === null || plan.day === null) {
    return (
      <div data-testid="plan" data-state="empty">
        <p class="rg-muted">{plan === 'unavailable' ? t('planUnavailable') : t('planEmpty')}</p>
        {link}
      </div>
    );
  }
  return (
    <div data-testid="plan" data-state="item">
      <p class="rg-plan">
        <span class="rg-chip">{t(`planFormat_${plan.day.format}`)}</span>
        <span class="rg-plan-topic">{plan.day.topic}</span>
      </p>
      <p class="rg-muted rg-small">
        {t('planNo', { no: plan.plan.planNo })} · {t(`planState_${plan.plan.state}`)}
      </p>
    </div>
  );
}
