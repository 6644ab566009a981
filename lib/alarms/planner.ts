// The pure alarm planner, in two steps. planCandidates: obligations of all clients → every
// notification they call for, with its text, independent of the current time (the expensive
// part; the worker caches it, see lib/worker/replan.ts). schedulePlan: candidates + now →
// what shows now, what is ahead and the single instant the worker must wake next, with quiet
// hours and snoozes applied (the cheap part, run on every re-plan). No browser API, no I/O.
import { calendarFor } from '../calendar';
import { formatInZone } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import type { ClientSummary } from '../model/clients';
import type {
  Candidates,
  NotificationCandidate,
  NotificationTarget,
  PlannedNotification,
  RoundMark,
} from '../model/notifications';
import type { Obligation } from '../model/obligations';
import type { Settings } from '../playbook/settings';
import { instagramUrl } from '../instagram/url';
import { workerText } from './strings';
import { HOUR, MINUTE } from '../calendar/time';

/** Occurrences older than this (before now) are not notified any more. */
export const DEFAULT_PAST_HORIZON = 3 * 24 * HOUR;

export type { Candidates, NotificationCandidate, NotificationKind, PlannedNotification, RoundMark } from '../model/notifications';

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

export interface ScheduleInput {
  now: number;
  /** Notification id → when shown. */
  notified: Record<string, number>;
  /** Notification id → snoozed until. */
  snoozes: Record<string, number>;
  settings: Settings;
  /** Occurrences older than this (ms before now) are not notified any more. Default 3 days. */
  pastHorizon?: number;
}

export interface PlanInput extends ScheduleInput {
  clients: PlanClient[];
  locale?: Locale;
}

export interface Plan {
  /** Everything that should show now and has not been shown, oldest first. */
  due: PlannedNotification[];
  /** Due too, but superseded by a breach due at the same time: mark notified, do not show. */
  superseded: string[];
  /** Still ahead. */
  upcoming: PlannedNotification[];
  /** When the worker must wake next (null: nothing pending). */
  nextWakeAt: number | null;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Quiet hours from the alarm settings: [start, end) in local minutes, wrapping over midnight. */
export function quietHours(settings: Settings) {
  const cal = calendarFor(settings.calendar);
  const start = minutesOf(settings.alarms.quietHoursStart);
  const end = minutesOf(settings.alarms.quietHoursEnd);
  const isQuiet = (t: number) => {
    const m = cal.minuteOfDayOf(t);
    return start === end ? false : start < end ? m >= start && m < end : m >= start || m < end;
  };
  /** The end of the quiet period t falls in (t itself when not quiet). */
  const release = (t: number) => {
    if (!isQuiet(t)) return t;
    const day = cal.dayNumOf(t);
    const today = cal.atLocal(day, end);
    return today > t ? today : cal.atLocal(day + 1, end);
  };
  return { isQuiet, release };
}

/** Every notification the obligations call for, with its text; nothing here depends on the current time. */
export function planCandidates(input: CandidateInput): Candidates {
  const { settings } = input;
  const locale = input.locale ?? 'ru';
  const since = input.since ?? Number.NEGATIVE_INFINITY;
  const t = workerText(locale);
  const cal = calendarFor(settings.calendar);
  const zone = settings.calendar.timeZone;
  /** A time in a notification about `about`: with its date when it falls on another local day. */
  const time = (at: number, about: number) => formatInZone(at, zone, locale, cal.dayNumOf(at) !== cal.dayNumOf(about));
  const candidates: NotificationCandidate[] = [];
  const overdueDueTimes: number[] = [];
  const marks = new Map<string, RoundMark>();
  const push = (about: number, make: (about: number) => NotificationCandidate) => {
    if (about >= since) candidates.push(make(about));
  };
  const rounds = new Map<string, { at: number; dueAt: number; open: ClientSummary[] }>();
  const roundDueOf = (o: Obligation) => o.dueAt ?? o.startAt + settings.currentClients.engagementOverdueMinutes * MINUTE;

  for (const { summary: c, obligations } of input.clients) {
    const deal: NotificationTarget = { url: c.dealUrl, clientId: c.id };
    const insta: NotificationTarget = c.instagram ? { url: instagramUrl(c.instagram), clientId: c.id } : deal;
    const instaLabel = c.instagram ? t('btn.openInstagram') : t('btn.openDeal');
    for (const o of obligations) {
      const pending = o.state === 'open' || o.state === 'overdue';
      if (o.rule === 'engagement-round') {
        // The badge's round rule looks at every slot, done or not.
        const mark = marks.get(o.key);
        if (!mark) marks.set(o.key, { slot: o.key, at: o.startAt, dueAt: roundDueOf(o), done: !pending });
        else if (pending) mark.done = false;
        if (!pending) continue;
        let r = rounds.get(o.key);
        if (!r) rounds.set(o.key, (r = { at: o.startAt, dueAt: roundDueOf(o), open: [] }));
        r.open.push(c);
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
              name: settings.people.adManager,
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
            message: t('n.lost.body', { days: settings.currentClients.lostAfterDays, stage: settings.amocrm.stageNames.lost }),
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

/** Candidates at `now`: what shows now (quiet hours and snoozes applied), what is ahead, when to wake. */
export function schedulePlan(candidates: readonly NotificationCandidate[], input: ScheduleInput): Plan {
  const { settings, now, notified, snoozes } = input;
  const horizon = now - (input.pastHorizon ?? DEFAULT_PAST_HORIZON);
  const holdBreaches = !settings.alarms.breachesIgnoreQuietHours;
  const { release } = quietHours(settings);
  const due: PlannedNotification[] = [];
  const upcoming: PlannedNotification[] = [];
  for (const c of candidates) {
    if (c.about < horizon || notified[c.id] !== undefined) continue;
    let at = c.about;
    const snoozed = snoozes[c.id];
    if (snoozed !== undefined && snoozed > at) at = snoozed;
    if (!c.breach || holdBreaches) at = release(at);
    (at <= now ? due : upcoming).push({ ...c, at });
  }
  // Superseded: a reminder or warning whose breach is also due now shows as the breach only.
  const dueBreaches = new Set(due.filter((n) => n.breach).map((n) => n.id.replace(/\|(breach|late)$/, '')));
  const isSuperseded = (n: PlannedNotification) => !n.breach && dueBreaches.has(n.id.replace(/\|[a-z-]+$/, ''));
  const dueFiltered = due.filter((n) => !isSuperseded(n));
  dueFiltered.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  upcoming.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const superseded = due.filter(isSuperseded).map((n) => n.id);
  return { due: dueFiltered, superseded, upcoming, nextWakeAt: upcoming.length ? upcoming[0]!.at : null };
}

/**
 * The badge count at `now`, as the agenda counts it: obligations past their deadline, plus one
 * when the latest engagement round that started in the last 24 hours is unfinished past its due time.
 */
export function overdueAt(c: Pick<Candidates, 'overdueDueTimes' | 'rounds'>, now: number): number {
  const times = c.overdueDueTimes;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  let current: RoundMark | null = null;
  for (const r of c.rounds) if (r.at <= now && r.at >= now - 24 * HOUR && (!current || r.at >= current.at)) current = r;
  return lo + (current && !current.done && now >= current.dueAt ? 1 : 0);
}

/** Both steps at once (the candidates of this moment, scheduled at it). */
export function planNotifications(input: PlanInput): Plan {
  const pastHorizon = input.pastHorizon ?? DEFAULT_PAST_HORIZON;
  const { candidates } = planCandidates({
    clients: input.clients,
    settings: input.settings,
    locale: input.locale,
    since: input.now - pastHorizon,
  });
  return schedulePlan(candidates, {
    now: input.now,
    notified: input.notified,
    snoozes: input.snoozes,
    settings: input.settings,
    pastHorizon,
  });
}
