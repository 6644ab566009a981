// The pure alarm planner: obligations of all clients → the notifications they call for, when,
// and the single instant the worker must wake next. No browser API, no I/O.
import { calendarFor } from '../calendar';
import { formatInZone } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import type { ClientSummary } from '../messaging/protocol';
import type { Obligation } from '../model/obligations';
import type { Settings } from '../playbook/settings';
import type { NotificationTarget } from '../store/meta';
import { instagramUrl } from '../worker/summary';
import { workerText } from '../worker/texts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type NotificationKind = 'warning' | 'breach' | 'post-reminder' | 'stories' | 'renewal' | 'lost' | 'round' | 'round-late';

export interface PlannedNotification {
  /** Stable per occurrence, so nothing fires twice: `${obligationId}|${kind}` or `round|${slot}`. */
  id: string;
  kind: NotificationKind;
  /** When it should show (after quiet hours and snoozes). */
  at: number;
  /** The moment it is about (the deadline, the slot). */
  about: number;
  breach: boolean;
  clientIds: string[];
  /** Rendered only when the notification shows: most planned ones never do before a re-plan. */
  text: () => { title: string; message: string };
  /** The first button's label; the second is always «Отложить 15 мин». */
  openLabel: string;
  target: NotificationTarget;
}

export interface PlanClient {
  summary: ClientSummary;
  obligations: Obligation[];
}

export interface PlanInput {
  clients: PlanClient[];
  settings: Settings;
  now: number;
  /** Notification id → when shown. */
  notified: Record<string, number>;
  /** Notification id → snoozed until. */
  snoozes: Record<string, number>;
  locale?: Locale;
  /** Occurrences older than this (ms before now) are not notified any more. Default 3 days. */
  pastHorizon?: number;
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

export function planNotifications(input: PlanInput): Plan {
  const { settings, now } = input;
  const locale = input.locale ?? 'ru';
  const t = workerText(locale);
  const cal = calendarFor(settings.calendar);
  const zone = settings.calendar.timeZone;
  const time = (at: number) => formatInZone(at, zone, locale, cal.dayNumOf(at) !== cal.dayNumOf(now));
  const horizon = now - (input.pastHorizon ?? 3 * 24 * HOUR);
  const { release } = quietHours(settings);
  const items: PlannedNotification[] = [];
  const push = (n: Omit<PlannedNotification, 'at'> & { at?: number }) => {
    if (n.about < horizon) return;
    items.push({ ...n, at: n.at ?? n.about });
  };
  const rounds = new Map<string, { at: number; dueAt: number; open: ClientSummary[] }>();

  for (const { summary: c, obligations } of input.clients) {
    const deal: NotificationTarget = { url: c.dealUrl, clientId: c.id };
    const insta: NotificationTarget = c.instagram ? { url: instagramUrl(c.instagram), clientId: c.id } : deal;
    const instaLabel = c.instagram ? t('btn.openInstagram') : t('btn.openDeal');
    for (const o of obligations) {
      if (o.state !== 'open' && o.state !== 'overdue') continue;
      if (o.rule === 'engagement-round') {
        let r = rounds.get(o.key);
        if (!r) rounds.set(o.key, (r = { at: o.startAt, dueAt: o.dueAt ?? o.startAt + settings.currentClients.engagementOverdueMinutes * MINUTE, open: [] }));
        r.open.push(c);
        continue;
      }
      const dueAt = o.dueAt;
      if (dueAt === null) continue;
      const base = { clientIds: [c.id], target: deal, openLabel: t('btn.openDeal') };
      const missing = o.missing?.length ? o.missing.join(', ') : '';
      const breach = () =>
        push({ ...base, id: `${o.id}|breach`, kind: 'breach', about: dueAt, breach: true, text: () => ({ title: t('n.breach.title', { client: c.name }), message: t('n.breach.body', { rule: o.title, time: time(dueAt), missing }).trim() }) });
      switch (o.rule) {
        case 'daily-post': {
          const remindAt = cal.atLocal(cal.dayNumOf(dueAt), minutesOf(settings.currentClients.dailyPostReminder));
          if (remindAt < dueAt)
            push({ ...base, target: insta, openLabel: instaLabel, id: `${o.id}|post-reminder`, kind: 'post-reminder', about: remindAt, breach: false, text: () => ({ title: t('n.post.title', { client: c.name }), message: t('n.post.body', { time: time(dueAt) }) }) });
          breach();
          break;
        }
        case 'stories': {
          const warnAt = dueAt - settings.alarms.dayRuleWarningMinutes * MINUTE;
          push({ ...base, target: insta, openLabel: instaLabel, id: `${o.id}|stories`, kind: 'stories', about: Math.max(warnAt, o.startAt), breach: false, text: () => ({ title: t('n.stories.title', { client: c.name }), message: t('n.stories.body', { time: time(dueAt) }) }) });
          breach();
          break;
        }
        case 'renewal-contact':
          push({ ...base, id: `${o.id}|renewal`, kind: 'renewal', about: o.startAt, breach: false, text: () => ({ title: t('n.renewal.title', { client: c.name }), message: t(c.service === 'complex' ? 'n.renewal.body.complex' : 'n.renewal.body.management', { time: time(dueAt) }) }) });
          breach();
          break;
        case 'lost-deadline':
          push({ ...base, id: `${o.id}|lost`, kind: 'lost', about: dueAt, breach: true, text: () => ({ title: t('n.lost.title', { client: c.name }), message: t('n.lost.body', { days: settings.currentClients.lostAfterDays }) }) });
          break;
        default: {
          const short = dueAt - o.startAt <= 2 * HOUR;
          const lead = (short ? settings.alarms.hourRuleWarningMinutes : settings.alarms.dayRuleWarningMinutes) * MINUTE;
          const warnAt = dueAt - lead;
          if (warnAt > o.startAt)
            push({ ...base, id: `${o.id}|warning`, kind: 'warning', about: warnAt, breach: false, text: () => ({ title: t('n.warning.title', { client: c.name }), message: t('n.warning.body', { rule: o.title, time: time(dueAt), missing }).trim() }) });
          breach();
        }
      }
    }
  }

  for (const [slot, r] of rounds) {
    const names = r.open.map((c) => (c.instagram ? `@${c.instagram}` : c.name));
    const list = names.length > 8 ? `${names.slice(0, 8).join(', ')} ${t('n.more', { count: names.length - 8 })}` : names.join(', ');
    const first = r.open.find((c) => c.instagram);
    const target: NotificationTarget = { url: first?.instagram ? instagramUrl(first.instagram) : 'https://www.instagram.com/direct/inbox/' };
    const common = { clientIds: r.open.map((c) => c.id), target, openLabel: t('btn.openInstagram') };
    push({ ...common, id: `round|${slot}`, kind: 'round', about: r.at, breach: false, text: () => ({ title: t('n.round.title', { time: time(r.at), count: names.length }), message: t('n.round.body', { accounts: list }) }) });
    push({ ...common, id: `round|${slot}|late`, kind: 'round-late', about: r.dueAt, breach: true, text: () => ({ title: t('n.roundLate.title', { time: time(r.at) }), message: t('n.roundLate.body', { accounts: list }) }) });
  }

  const due: PlannedNotification[] = [];
  const upcoming: PlannedNotification[] = [];
  for (const n of items) {
    if (input.notified[n.id] !== undefined) continue;
    let at = n.about;
    const snoozed = input.snoozes[n.id];
    if (snoozed !== undefined && snoozed > at) at = snoozed;
    if (!(n.breach && settings.alarms.breachesIgnoreQuietHours)) at = release(at);
    n.at = at;
    (at <= now ? due : upcoming).push(n);
  }
  // Superseded: a reminder or warning whose breach is also due now shows as the breach only.
  const dueBreaches = new Set(due.filter((n) => n.breach).map((n) => n.id.replace(/\|(breach|late)$/, '')));
  const isSuperseded = (n: PlannedNotification) => !n.breach && dueBreaches.has(n.id.replace(/\|[a-z-]+$/, ''));
  const dueFiltered = due.filter((n) => !isSuperseded(n));
  dueFiltered.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  upcoming.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const superseded = due.filter(isSuperseded).map((n) => n.id);
  return { due: dueFiltered, superseded, upcoming, nextWakeAt: upcoming.length ? upcoming[0].at : null };
}
