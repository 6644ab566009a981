// What the sidebar shows for one client today, derived from the worker's ClientView (the worker
// computes obligations; this only picks today's and formats nothing). Pure.
import type { ClientView, Round } from '../messaging/protocol';
import type { Obligation } from '../model/obligations';
import { DAY } from '../calendar/time';

export type SlotState = Round['state'];

export interface RoundSlot {
  /** `YYYY-MM-DDTHH:mm` in the agency zone (the tick key). */
  slot: string;
  /** `HH:mm`. */
  time: string;
  at: number;
  dueAt: number;
  state: SlotState;
  doneAt: number | null;
  /** A slot of an earlier day that is still the current round (last night's 19:00 seen in the morning). */
  earlier: boolean;
}

export interface TodayState {
  localDate: string;
  period: { day: number; length: number } | null;
  /** null when today has no daily-post obligation (not in a service period). */
  post: { done: boolean; at: number | null; dueAt: number | null; overdue: boolean } | null;
  stories: { lastAt: number | null; dueAt: number | null; overdue: boolean; done: boolean } | null;
  rounds: RoundSlot[];
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Local calendar date `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(at: number, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f)
    dateFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const isMet = (o: Obligation) => o.state === 'met' || o.state === 'met-late';

export function slotState(o: Pick<Obligation, 'startAt' | 'dueAt' | 'state'>, now: number): SlotState {
  if (o.state === 'met' || o.state === 'met-late') return 'done';
  if (now < o.startAt) return 'upcoming';
  return o.dueAt !== null && now >= o.dueAt ? 'overdue' : 'due';
}

export function todayOf(view: ClientView, now: number, timeZone: string): TodayState {
  const localDate = localDateOf(now, timeZone);
  const obligations = view.obligations;
  const daily = obligations.find((o) => o.rule === 'daily-post' && o.key === localDate) ?? null;
  const post = daily
    ? {
        done: isMet(daily),
        at: isMet(daily) ? (daily.metAt ?? view.lastPostAt) : null,
        dueAt: daily.dueAt,
        overdue: !isMet(daily) && daily.dueAt !== null && now >= daily.dueAt,
      }
    : null;
  const storyChain = obligations.filter((o) => o.rule === 'stories').sort((a, b) => a.startAt - b.startAt);
  const lastStory = storyChain[storyChain.length - 1];
  const stories = lastStory
    ? {
        lastAt: view.lastStoryAt,
        dueAt: isMet(lastStory) ? null : lastStory.dueAt,
        overdue: !isMet(lastStory) && lastStory.dueAt !== null && now >= lastStory.dueAt,
        done: isMet(lastStory),
      }
    : view.lastStoryAt !== null
      ? { lastAt: view.lastStoryAt, dueAt: null, overdue: false, done: true }
      : null;
  const allRounds = obligations.filter((o) => o.rule === 'engagement-round');
  // The current round is the latest slot that has started: last night's 19:00 in the morning.
  const current = allRounds.filter((o) => o.startAt <= now && o.startAt > now - DAY).sort((a, b) => b.startAt - a.startAt)[0];
  const rounds = allRounds
    .filter((o) => o.key.startsWith(localDate) || o === current)
    .sort((a, b) => a.startAt - b.startAt)
    .map((o) => ({
      slot: o.key,
      time: o.key.slice(11, 16),
      at: o.startAt,
      dueAt: o.dueAt ?? o.startAt,
      state: slotState(o, now),
      doneAt: isMet(o) ? (o.metAt ?? null) : null,
      earlier: !o.key.startsWith(localDate),
    }));
  return { localDate, period: view.period ? { day: view.period.day, length: view.period.length } : null, post, stories, rounds };
}

/** Accounts of the round still to check, for the «round across all clients» list. */
export function uncheckedAccounts(round: Round | null): Round['accounts'] {
  return round ? round.accounts.filter((a) => !a.done) : [];
}
