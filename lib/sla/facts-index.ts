// One pass over a client's events into lookup structures the rules read. Events after `now`
// are ignored (facts cannot come from the future; it also makes "as of" recomputation exact).
import type { BusinessCalendar } from '../calendar';
import { dayNumOfDate, slotNumOfKey } from '../calendar/time';
import type { ClientEvent, Instant, Stage } from '../model/facts';

export interface TickRecord {
  /** The tick's key, '' when it has none. */
  key: string;
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
  /**
   * Local day numbers with a post (post events and `daily-post` ticks keyed by date), ascending,
   * and the first post of each day in `postDayAts`: parallel lists rather than a Map, since posts
   * arrive in day order (an append) and the daily-post rule reads the days in order.
   */
  postDays: number[];
  postDayAts: Instant[];
  /** Story events and `stories` ticks, ascending. */
  stories: Instant[];
  payments: Instant[];
  refunds: Instant[];
  callRecordings: Instant[];
  /** «Дата начала обслуживания» values in the order they were set. */
  startDates: { date: string; at: Instant }[];
  /**
   * Active ticks (after unticks) by `item`, in tick order. An item has a tick or two per period,
   * so a short scan by key beats a Map per item (one was built per item per client).
   */
  ticks: Map<string, TickRecord[]>;
  /**
   * Active `engagement-round` ticks (~60 per period, the most frequent fact) as two parallel
   * lists ordered by slot, then by tick order: the slot number of the key (see slotNumOfKey) and
   * the tick's time. A string-keyed Map with a list per key cost a third of the engine's time
   * (hashing, table growth, an array per tick); rounds are read in slot order, so the rule walks
   * these lists instead of looking keys up. Keys that are not a well-formed slot are left out:
   * no slot of the schedule can match them.
   */
  roundSlots: number[];
  roundAts: Instant[];
}

export const ROUND_ITEM = 'engagement-round';

/** Index of the latest active tick of an item under a key ('' = none), or -1. */
function lastTickIndex(list: readonly TickRecord[], key: string): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.key === key) return i;
  return -1;
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
    postDays: [],
    postDayAts: [],
    stories: [],
    payments: [],
    refunds: [],
    callRecordings: [],
    startDates: [],
    ticks: new Map(),
    roundSlots: [],
    roundAts: [],
  };
  let roundsInOrder = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    // Each field is read once: events come in a dozen shapes, so every read is a megamorphic
    // load, and one of the double field `at` allocates a fresh number box each time.
    const at = e.at;
    if (at < previous) return null;
    previous = at;
    if (at > now) {
      // Later events are ignored, but they must still be in order for this reading to be right.
      for (let j = i + 1; j < events.length; j++) if (events[j]!.at < events[j - 1]!.at) return null;
      break;
    }
    switch (e.type) {
      // Most facts are ticks (two rounds a day), then posts: they are tested first.
      case 'tick': {
        const item = e.item;
        const key = e.key;
        if (item === ROUND_ITEM && key !== undefined) {
          const slot = slotNumOfKey(key);
          if (slot === null) break;
          const n = idx.roundSlots.length;
          if (n && slot < idx.roundSlots[n - 1]!) roundsInOrder = false;
          idx.roundSlots.push(slot);
          idx.roundAts.push(at);
          break;
        }
        const value = e.value;
        const record: TickRecord = value === undefined ? { key: key ?? '', at } : { key: key ?? '', at, value };
        const list = idx.ticks.get(item);
        if (list) list.push(record);
        else idx.ticks.set(item, [record]);
        break;
      }
      case 'untick': {
        // An untick cancels the most recent still-active tick of the same item and key.
        const item = e.item;
        const key = e.key;
        if (item === ROUND_ITEM && key !== undefined) {
          const slot = slotNumOfKey(key);
          if (slot !== null) removeLastRound(idx, slot);
          break;
        }
        const list = idx.ticks.get(item);
        const last = list ? lastTickIndex(list, key ?? '') : -1;
        if (last >= 0) list!.splice(last, 1);
        break;
      }
      case 'post': {
        idx.posts.push(at);
        const d = cal.dayNumOf(at);
        const n = idx.postDays.length;
        if (n === 0 || d > idx.postDays[n - 1]!) {
          idx.postDays.push(d);
          idx.postDayAts.push(at);
        } else if (d < idx.postDays[n - 1]!) keepEarlierPost(idx, d, at); // a zone's clock turned back over midnight
        break;
      }
      case 'deal-created':
        if (idx.createdAt === null) idx.createdAt = at;
        break;
      case 'stage': {
        const stage = e.stage;
        idx.stages.push({ stage, at });
        if (idx.firstStageAt[stage] === undefined) idx.firstStageAt[stage] = at;
        break;
      }
      case 'story':
        idx.stories.push(at);
        break;
      case 'payment':
        idx.payments.push(at);
        break;
      case 'refund':
        idx.refunds.push(at);
        break;
      case 'call-recording':
        idx.callRecordings.push(at);
        break;
      case 'start-date':
        idx.startDates.push({ date: e.date, at });
        break;
    }
  }
  if (!roundsInOrder) sortRounds(idx);
  // Manager ticks stand in for what the Instagram sidebar could not observe.
  const dailyTicks = idx.ticks.get('daily-post');
  if (dailyTicks) {
    // The first active tick of each key counts (the keyed date, or the day it was made).
    dailyTicks.forEach((t, i) => {
      if (dailyTicks.findIndex((u) => u.key === t.key) !== i) return;
      const d = t.key ? dayNumOfDate(t.key) : cal.dayNumOf(t.at);
      if (d !== null) keepEarlierPost(idx, d, t.at);
    });
  }
  const storyTicks = idx.ticks.get('stories');
  if (storyTicks && storyTicks.length) {
    // Story events came in time order; ticked ones join them out of order.
    for (const t of storyTicks) idx.stories.push(t.at);
    idx.stories.sort((a, b) => a - b);
  }
  return idx;
}

/** Records a post on local day `d` unless that day already has an earlier one. */
function keepEarlierPost(idx: FactsIndex, d: number, at: Instant): void {
  const i = lowerBound(idx.postDays, d);
  if (idx.postDays[i] === d) {
    if (at < idx.postDayAts[i]!) idx.postDayAts[i] = at;
  } else {
    idx.postDays.splice(i, 0, d);
    idx.postDayAts.splice(i, 0, at);
  }
}

/** Drops the latest active tick of a slot (an untick: rare, so a scan from the end). */
function removeLastRound(idx: FactsIndex, slot: number): void {
  for (let j = idx.roundSlots.length - 1; j >= 0; j--) {
    if (idx.roundSlots[j] !== slot) continue;
    idx.roundSlots.splice(j, 1);
    idx.roundAts.splice(j, 1);
    return;
  }
}

/** Orders round ticks by slot, ticks of one slot keeping their tick order (stable sort). */
function sortRounds(idx: FactsIndex): void {
  const { roundSlots, roundAts } = idx;
  const order = roundSlots.map((_, i) => i).sort((a, b) => roundSlots[a]! - roundSlots[b]! || a - b);
  idx.roundSlots = order.map((i) => roundSlots[i]!);
  idx.roundAts = order.map((i) => roundAts[i]!);
}

/** Index of the first entry at or after `from` in an ascending list (binary search). */
export function lowerBound(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Latest active tick of an item: the keyed one when `key` is given, else the un-keyed one. */
export function latestTick(idx: FactsIndex, item: string, key?: string): TickRecord | undefined {
  const list = idx.ticks.get(item);
  const i = list ? lastTickIndex(list, key ?? '') : -1;
  return i >= 0 ? list![i] : undefined;
}

/** First active tick of an item under `key`, or un-keyed within [from, to). */
export function tickInPeriod(idx: FactsIndex, item: string, key: string, from: Instant, to: Instant): TickRecord | undefined {
  const list = idx.ticks.get(item);
  if (!list) return undefined;
  for (const t of list) if (t.key === key) return t;
  for (const t of list) if (t.key === '' && t.at >= from && t.at < to) return t;
  return undefined;
}

/** First instant in an ascending list at or after `from` (binary search). */
export function firstAtOrAfter(list: readonly Instant[], from: Instant): Instant | undefined {
  const i = lowerBound(list, from);
  return i < list.length ? list[i] : undefined;
}

/** First stage event at or after `from` whose stage is in the set. */
export function firstStageAfter(idx: FactsIndex, stages: readonly Stage[], from: Instant): Instant | undefined {
  for (const s of idx.stages) if (s.at >= from && stages.includes(s.stage)) return s.at;
  return undefined;
}
