// The planner's first, time-independent step, split so it can run per client: each client's
// obligations → its share (its own notifications, its deadlines, its engagement-round slots),
// then every share → the candidates of the agency (round notifications gather all accounts of a
// slot). The worker stores each client's share keyed by the client's version and re-derives
// only the clients a change touched (lib/worker/derived.ts). No browser API, no I/O.
import { calendarFor } from '../calendar';
import { formatInZone } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import type { ClientSummary } from '../model/clients';
import type {
  Candidates,
  ClientCandidates,
  NotificationCandidate,
  NotificationTarget,
  RoundMark,
  RoundShare,
} from '../model/notifications';
import type { Obligation } from '../model/obligations';
import type { Settings } from '../playbook/settings';
import { instagramUrl } from '../instagram/url';
import { HOUR, MINUTE } from '../calendar/time';
import { workerText } from './strings';
import { languageOf, shownSettings } from '../playbook/localize';

export type { ClientCandidates, RoundShare } from '../model/notifications';

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export interface PlanClient {
  summary: ClientSummary;
  obligations: Obligation[];
}

export interface CandidateInput {
  clients: PlanClient[];
  settings: Settings;
  locale?: Locale;
  /** Leave out candidates about an instant before this (they can never show again). */
  since?: number;
}

/** What both steps need besides the clients. */
export type CandidateContext = Omit<CandidateInput, 'clients'>;

function textTools(ctx: CandidateContext) {
  const locale = ctx.locale ?? languageOf(ctx.settings);
  const t = workerText(locale);
  const cal = calendarFor(ctx.settings.calendar);
  const zone = ctx.settings.calendar.timeZone;
  /** A time in a notification about `about`: with its date when it falls on another local day. */
  const time = (at: number, about: number) => formatInZone(at, zone, locale, cal.dayNumOf(at) !== cal.dayNumOf(about));
  return { t, cal, time, since: ctx.since ?? Number.NEGATIVE_INFINITY, shown: shownSettings(ctx.settings, locale) };
}

/** The notifications one client's obligations call for; nothing here depends on the current time. */
export function clientCandidates(c: ClientSummary, obligations: readonly Obligation[], ctx: CandidateContext): ClientCandidates {
  const { settings } = ctx;
  const { t, cal, time, since, shown } = textTools(ctx);
  const candidates: NotificationCandidate[] = [];
  const overdueDueTimes: number[] = [];
  const rounds: RoundShare[] = [];
  const push = (about: number, make: (about: number) => NotificationCandidate) => {
    if (about >= since) candidates.push(make(about));
  };
  const deal: NotificationTarget = { url: c.dealUrl, clientId: c.id };
  const insta: NotificationTarget = c.instagram ? { url: instagramUrl(c.instagram), clientId: c.id } : deal;
  const instaLabel = c.instagram ? t('btn.openInstagram') : t('btn.openDeal');
  for (const o of obligations) {
    const pending = o.state === 'open' || o.state === 'overdue';
    if (o.rule === 'engagement-round') {
      const dueAt = o.dueAt ?? o.startAt + settings.currentClients.engagementOverdueMinutes * MINUTE;
      // A slot due before `since` can make no candidate, and the badge looks back one day only.
      if (dueAt >= since) rounds.push({ slot: o.key, at: o.startAt, dueAt, pending });
      continue;
    }
    if (!pending) continue;
    const dueAt = o.dueAt;
    if (dueAt === null) continue;
    overdueDueTimes.push(dueAt);
    const base = { clientIds: [c.id], target: deal, openLabel: t('btn.openDeal') };
    const missing = o.missing?.length ? o.missing.join(', ') : '';
    const breach = () =>
      push(dueAt, (about) => ({
        ...base,
        id: `${o.id}|breach`,
        kind: 'breach',
        about,
        breach: true,
        title: t('n.breach.title', { client: c.name }),
        message: t('n.breach.body', { rule: o.title, time: time(dueAt, about), missing }).trim(),
      }));
    switch (o.rule) {
      case 'daily-post': {
        const remindAt = cal.atLocal(cal.dayNumOf(dueAt), minutesOf(settings.currentClients.dailyPostReminder));
        if (remindAt < dueAt)
          push(remindAt, (about) => ({
            ...base,
            target: insta,
            openLabel: instaLabel,
            id: `${o.id}|post-reminder`,
            kind: 'post-reminder',
            about,
            breach: false,
            title: t('n.post.title', { client: c.name }),
            message: t('n.post.body', { time: time(dueAt, about) }),
          }));
        breach();
        break;
      }
      case 'stories': {
        const warnAt = dueAt - settings.alarms.dayRuleWarningMinutes * MINUTE;
        push(Math.max(warnAt, o.startAt), (about) => ({
          ...base,
          target: insta,
          openLabel: instaLabel,
          id: `${o.id}|stories`,
          kind: 'stories',
          about,
          breach: false,
          title: t('n.stories.title', { client: c.name }),
          message: t('n.stories.body', { time: time(dueAt, about) }),
        }));
        breach();
        break;
      }
      case 'renewal-contact':
        push(o.startAt, (about) => ({
          ...base,
          id: `${o.id}|renewal`,
          kind: 'renewal',
          about,
          breach: false,
          title: t('n.renewal.title', { client: c.name, days: settings.currentClients.renewalContactDaysBefore }),
          message: t(c.service === 'complex' ? 'n.renewal.body.complex' : 'n.renewal.body.management', {
            time: time(dueAt, about),
            name: shown.people.adManager,
          }),
        }));
        breach();
        break;
      case 'lost-deadline':
        push(dueAt, (about) => ({
          ...base,
          id: `${o.id}|lost`,
          kind: 'lost',
          about,
          breach: true,
          title: t('n.lost.title', { client: c.name }),
          message: t('n.lost.body', { days: settings.currentClients.lostAfterDays, stage: shown.amocrm.stageNames.lost }),
        }));
        break;
      default: {
        const short = dueAt - o.startAt <= 2 * HOUR;
        const lead = (short ? settings.alarms.hourRuleWarningMinutes : settings.alarms.dayRuleWarningMinutes) * MINUTE;
        const warnAt = dueAt - lead;
        if (warnAt > o.startAt)
          push(warnAt, (about) => ({
            ...base,
            id: `${o.id}|warning`,
            kind: 'warning',
            about,
            breach: false,
            title: t('n.warning.title', { client: c.name }),
            message: t('n.warning.body', { rule: o.title, time: time(dueAt, about), missing }).trim(),
          }));
        breach();
      }
    }
  }
  return { candidates, overdueDueTimes, rounds };
}

/**
 * The agency's candidates from every client's share, in client order. A share computed with an
 * earlier `since` is filtered to this one, so shares of different ages combine like fresh ones.
 */
export function combineCandidates(
  shares: ReadonlyArray<{ summary: ClientSummary; share: ClientCandidates }>,
  ctx: CandidateContext,
): Candidates {
  const { t, time, since } = textTools(ctx);
  const candidates: NotificationCandidate[] = [];
  const overdueDueTimes: number[] = [];
  const marks = new Map<string, RoundMark>();
  const rounds = new Map<string, { at: number; dueAt: number; open: ClientSummary[] }>();
  const push = (about: number, make: (about: number) => NotificationCandidate) => {
    if (about >= since) candidates.push(make(about));
  };
  for (const { summary, share } of shares) {
    for (const n of share.candidates) if (n.about >= since) candidates.push(n);
    for (const d of share.overdueDueTimes) overdueDueTimes.push(d);
    for (const r of share.rounds) {
      // A share derived earlier may hold slots this `since` has passed (as clientCandidates drops them).
      if (r.dueAt < since) continue;
      // The badge's round rule looks at every slot of the last day, done or not.
      const mark = marks.get(r.slot);
      if (!mark) marks.set(r.slot, { slot: r.slot, at: r.at, dueAt: r.dueAt, done: !r.pending });
      else if (r.pending) mark.done = false;
      if (!r.pending) continue;
      let open = rounds.get(r.slot);
      if (!open) rounds.set(r.slot, (open = { at: r.at, dueAt: r.dueAt, open: [] }));
      open.open.push(summary);
    }
  }

  for (const [slot, r] of rounds) {
    const names = r.open.map((c) => (c.instagram ? `@${c.instagram}` : c.name));
    const list =
      names.length > 8 ? `${names.slice(0, 8).join(', ')} ${t('n.more', { count: names.length - 8 })}` : names.join(', ');
    const first = r.open.find((c) => c.instagram);
    const target: NotificationTarget = {
      url: first?.instagram ? instagramUrl(first.instagram) : 'https://www.instagram.com/direct/inbox/',
    };
    const common = { clientIds: r.open.map((c) => c.id), target, openLabel: t('btn.openInstagram') };
    push(r.at, (about) => ({
      ...common,
      id: `round|${slot}`,
      kind: 'round',
      about,
      breach: false,
      title: t('n.round.title', { time: time(r.at, about), count: names.length }),
      message: t('n.round.body', { accounts: list }),
    }));
    push(r.dueAt, (about) => ({
      ...common,
      id: `round|${slot}|late`,
      kind: 'round-late',
      about,
      breach: true,
      title: t('n.roundLate.title', { time: time(r.at, about) }),
      message: t('n.roundLate.body', { accounts: list }),
    }));
  }

  overdueDueTimes.sort((a, b) => a - b);
  return { candidates, overdueDueTimes, rounds: [...marks.values()] };
}

/** Every notification the obligations call for, with its text; nothing here depends on the current time. */
export function planCandidates(input: CandidateInput): Candidates {
  const { clients, ...ctx } = input;
  return combineCandidates(
    clients.map((c) => ({ summary: c.summary, share: clientCandidates(c.summary, c.obligations, ctx) })),
    ctx,
  );
}
