// The pure alarm planner, in two steps. planCandidates (./candidates.ts): obligations of all
// clients → every notification they call for, with its text, independent of the current time
// (the expensive part; the worker keeps it per client, see lib/worker/derived.ts). schedulePlan:
// candidates + now → what shows now, what is ahead and the single instant the worker must wake
// next, with quiet hours and snoozes applied (the cheap part, run on every re-plan). No browser
// API, no I/O.
import { calendarFor } from '../calendar';
import type { Locale } from '../i18n/locale';
import type { Candidates, NotificationCandidate, PlannedNotification, RoundMark } from '../model/notifications';
import type { Settings } from '../playbook/settings';
import { HOUR } from '../calendar/time';
import { minutesOf, planCandidates, type PlanClient } from './candidates';

/** Occurrences older than this (before now) are not notified any more. */
export const DEFAULT_PAST_HORIZON = 3 * 24 * HOUR;

export type { Candidates, NotificationCandidate, NotificationKind, PlannedNotification, RoundMark } from '../model/notifications';
export { planCandidates, type CandidateInput, type PlanClient } from './candidates';

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
