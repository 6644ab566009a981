// One pass over a client's events into lookup structures the rules read. Events after `now`
// are ignored (facts cannot come from the future; it also makes "as of" recomputation exact).
import type { BusinessCalendar } from '../calendar';
import { dayNumOfDate } from '../calendar/time';
import type { ClientEvent, Instant, Stage } from '../model/facts';

export interface TickRecord {
  at: Instant;
  value?: string;
}

export interface FactsIndex {
  createdAt: Instant | null;
  /** First time each stage was set. */
  firstStageAt: Partial<Record<Stage, Instant>>;
  /** All stage events in time order. */
  stages: { stage: Stage; at: Instant }[];
  /** Post events, ascending. */
  posts: Instant[];
  /** First post per local day number (post events and `daily-post` ticks keyed by date). */
  postByDay: Map<number, Instant>;
  /** Story events and `stories` ticks, ascending. */
  stories: Instant[];
  payments: Instant[];
  refunds: Instant[];
  callRecordings: Instant[];
  /** «Дата начала обслуживания» values in the order they were set. */
  startDates: { date: string; at: Instant }[];
  /** Active ticks (after unticks) by `item` + '\u0001' + `key ?? ''`, ascending by time. */
  ticks: Map<string, TickRecord[]>;
  /**
   * Times of the active `engagement-round` ticks by slot key (kept apart: ~60 per period, the
   * hottest lookup; a round's tick carries no value, so bare instants, no record per tick).
   */
  rounds: Map<string, Instant[]>;
}

export const ROUND_ITEM = 'engagement-round';

export function tickKey(item: string, key: string | undefined): string {
  return key === undefined ? item + '\u0001' : item + '\u0001' + key;
}

export function buildFactsIndex(events: readonly ClientEvent[], cal: BusinessCalendar, now: Instant): FactsIndex {
  // The store hands events over in time order; checking that while indexing saves a second pass
  // over events of a dozen shapes (every `.at` read is a megamorphic load). Out of order: index a
  // sorted copy instead (stable, so a tick then its untick at the same time keep their order).
  return (
    indexInOrder(events, cal, now) ??
    indexInOrder(
      [...events].sort((a, b) => a.at - b.at),
      cal,
      now,
    )!
  );
}

/** The index of time-ordered events, or null when they are not in time order. */
function indexInOrder(events: readonly ClientEvent[], cal: BusinessCalendar, now: Instant): FactsIndex | null {
  const idx: FactsIndex = {
    createdAt: null,
    firstStageAt: {},
    stages: [],
    posts: [],
    postByDay: new Map(),
    stories: [],
    payments: [],
    refunds: [],
    callRecordings: [],
    startDates: [],
    ticks: new Map(),
    rounds: new Map(),
  };
  const dailyTicks: { key: string; at: Instant }[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.at < previous) return null;
    previous = e.at;
    if (e.at > now) {
      // Later events are ignored, but they must still be in order for this reading to be right.
      for (let j = i + 1; j < events.length; j++) if (events[j]!.at < events[j - 1]!.at) return null;
      break;
    }
    switch (e.type) {
      case 'deal-created':
        if (idx.createdAt === null) idx.createdAt = e.at;
        break;
      case 'stage':
        idx.stages.push({ stage: e.stage, at: e.at });
        if (idx.firstStageAt[e.stage] === undefined) idx.firstStageAt[e.stage] = e.at;
        break;
      case 'post': {
        idx.posts.push(e.at);
        const d = cal.dayNumOf(e.at);
        if (!idx.postByDay.has(d)) idx.postByDay.set(d, e.at);
        break;
      }
      case 'story':
        idx.stories.push(e.at);
        break;
      case 'payment':
        idx.payments.push(e.at);
        break;
      case 'refund':
        idx.refunds.push(e.at);
        break;
      case 'call-recording':
        idx.callRecordings.push(e.at);
        break;
      case 'start-date':
        idx.startDates.push({ date: e.date, at: e.at });
        break;
      case 'tick': {
        if (e.item === ROUND_ITEM && e.key !== undefined) {
          const list = idx.rounds.get(e.key);
          if (list) list.push(e.at);
          else idx.rounds.set(e.key, [e.at]);
          break;
        }
        const k = tickKey(e.item, e.key);
        let list = idx.ticks.get(k);
        if (!list) idx.ticks.set(k, (list = []));
        list.push(e.value === undefined ? { at: e.at } : { at: e.at, value: e.value });
        break;
      }
      case 'untick': {
        // An untick cancels the most recent still-active tick of the same item and key.
        const list: unknown[] | undefined =
          e.item === ROUND_ITEM && e.key !== undefined ? idx.rounds.get(e.key) : idx.ticks.get(tickKey(e.item, e.key));
        if (list && list.length) list.pop();
        break;
      }
    }
  }
  // Manager ticks stand in for what the Instagram sidebar could not observe.
  for (const [k, list] of idx.ticks) {
    if (!list.length) continue;
    if (k.startsWith('daily-post\u0001')) dailyTicks.push({ key: k.slice('daily-post\u0001'.length), at: list[0]!.at });
    else if (k.startsWith('stories\u0001')) for (const t of list) idx.stories.push(t.at);
  }
  if (dailyTicks.length) {
    for (const t of dailyTicks) {
      const d = t.key ? dayNumOfDate(t.key) : cal.dayNumOf(t.at);
      if (d === null) continue;
      const prev = idx.postByDay.get(d);
      if (prev === undefined || t.at < prev) idx.postByDay.set(d, t.at);
    }
    idx.stories.sort((a, b) => a - b);
  } else if (idx.stories.length > 1) {
    idx.stories.sort((a, b) => a - b);
  }
  return idx;
}

/** Latest active tick of an item: the keyed one when `key` is given, else the un-keyed one. */
export function latestTick(idx: FactsIndex, item: string, key?: string): TickRecord | undefined {
  const list = idx.ticks.get(tickKey(item, key));
  return list && list.length ? list[list.length - 1] : undefined;
}

/** First active tick of an item under `key`, or un-keyed within [from, to). */
export function tickInPeriod(idx: FactsIndex, item: string, key: string, from: Instant, to: Instant): TickRecord | undefined {
  const keyed = idx.ticks.get(tickKey(item, key));
  if (keyed && keyed.length) return keyed[0];
  const loose = idx.ticks.get(tickKey(item, undefined));
  if (loose) for (const t of loose) if (t.at >= from && t.at < to) return t;
  return undefined;
}

/** First instant in an ascending list at or after `from` (binary search). */
export function firstAtOrAfter(list: readonly Instant[], from: Instant): Instant | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo] : undefined;
}

/** First stage event at or after `from` whose stage is in the set. */
export function firstStageAfter(idx: FactsIndex, stages: readonly Stage[], from: Instant): Instant | undefined {
  for (const s of idx.stages) if (s.at >= from && stages.includes(s.stage)) return s.at;
  return undefined;
}
