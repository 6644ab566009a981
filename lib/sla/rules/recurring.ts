// Recurring rules of a period: daily-post, stories, engagement-round. One obligation per
// occurrence from S up to min(content end, now + 1 day, loss). Hot path: plain numbers,
// cached day strings, no Intl.
import { dateOfDayNum, DAY, formatHHMM, MINUTE } from '../../calendar/time';
import { MISSING } from '../../playbook/engine-texts';
import { ruleText, ruleTitleOf } from '../../playbook/rules';
import type { Instant } from '../../model/facts';
import { emit, type RuleContext } from '../context';
import { lowerBound } from '../facts-index';
import type { PeriodSpan } from '../periods';
import type { Prepared } from '../prepared';

function limitOf(ctx: RuleContext): Instant {
  return ctx.lostAt !== null && ctx.lostAt < ctx.horizon ? ctx.lostAt : ctx.horizon;
}

// `THH:mm` of every minute of a day, built once: a Stories key is then one concatenation with
// the cached date, not five strings built from numbers per occurrence.
const MINUTE_TEXTS = Array.from({ length: 24 * 60 }, (_, m) => 'T' + formatHHMM(m));

/** Local minute key `YYYY-MM-DDTHH:mm` of an instant (used as occurrence key). */
function minuteKey(ctx: RuleContext, t: Instant): string {
  const local = t + ctx.p.cal.offsetAt(t);
  const day = Math.floor(local / DAY);
  return dateOfDayNum(day) + MINUTE_TEXTS[Math.floor((local - day * DAY) / MINUTE)]!;
}

/**
 * Before Reglament first saw the client, Instagram's partial history (latest posts, current
 * Stories) and the absence of round ticks say nothing: an occurrence that fell due then is owed
 * only if a recorded fact meets it.
 */
function trackedSinceOf(ctx: RuleContext): Instant {
  return ctx.client.trackedSince ?? Number.NEGATIVE_INFINITY;
}

export function dailyPosts(ctx: RuleContext, period: PeriodSpan): void {
  const { cal, settings } = ctx.p;
  const DAILY = ruleTitleOf('daily-post', settings);
  const MISSING_POST = { missing: [ruleText(MISSING.post, settings)] };
  const limit = limitOf(ctx);
  const { postDays, postDayAts } = ctx.idx;
  const since = trackedSinceOf(ctx);
  let p = lowerBound(postDays, period.startDay);
  for (let d = period.startDay; d < period.contentEndDay; d++) {
    const start = cal.atLocal(d, 0);
    if (start > limit) break;
    while (p < postDays.length && postDays[p]! < d) p++;
    const met = p < postDays.length && postDays[p] === d ? postDayAts[p] : undefined;
    const due = cal.atLocal(d, ctx.p.dailyPostBy);
    if (met === undefined && due < since) continue;
    emit(ctx, 'daily-post', dateOfDayNum(d), DAILY, start, due, met, met === undefined ? MISSING_POST : undefined);
  }
}

export function stories(ctx: RuleContext, period: PeriodSpan): void {
  const { cal, settings } = ctx.p;
  const STORIES = ruleTitleOf('stories', settings);
  const MISSING_STORY = { missing: [ruleText(MISSING.story, settings)] };
  const every = ctx.p.settings.currentClients.storiesEveryDays;
  const limit = limitOf(ctx);
  const end = cal.atLocal(period.contentEndDay, 0);
  const list = ctx.idx.stories;
  const since = trackedSinceOf(ctx);
  let start = cal.atLocal(period.startDay, 0);
  let i = 0;
  while (i < list.length && list[i]! < start) i++;
  while (start < end && start <= limit) {
    const met = i < list.length ? list[i] : undefined;
    if (met !== undefined && minuteOf(met) === minuteOf(start)) {
      // A story in the very minute a window opens meets it, and the next window opens there
      // under the same minute key: only that next window is an occurrence of its own.
      start = met;
      i = afterMinuteOf(list, i, met);
      continue;
    }
    // Calendar days in the agency zone, keeping the clock time (matters only in DST zones).
    const sd = cal.dayNumOf(start);
    const due = cal.atLocal(sd + every, 0) + (start - cal.atLocal(sd, 0));
    if (met === undefined && due < since) {
      // Nothing seen before tracking started (Instagram shows only current Stories): the chain
      // starts again from then instead of counting a breach nobody could observe.
      start = since;
      continue;
    }
    emit(ctx, 'stories', minuteKey(ctx, start), STORIES, start, due, met, met === undefined ? MISSING_STORY : undefined);
    if (met === undefined) return; // the chain waits for the next story
    start = met;
    i = afterMinuteOf(list, i, met);
  }
}

function minuteOf(t: Instant): number {
  return Math.floor(t / MINUTE);
}

/**
 * Index of the first story after the minute of `t`: Stories posted in one burst (the same
 * minute) are one posting, so occurrence keys (minute of their start) never repeat.
 */
function afterMinuteOf(list: readonly Instant[], i: number, t: Instant): number {
  const next = (minuteOf(t) + 1) * MINUTE;
  while (i < list.length && list[i]! < next) i++;
  return i;
}

// Slot keys (`YYYY-MM-DDTHH:mm`) per day, per prepared settings: every client asks for the same
// few hundred days, and a cached key is a string V8 has already flattened and hashed, where a
// fresh `date + 'T' + slot` was two allocations, a flattening and a hash per slot per client.
const roundKeyCache = new WeakMap<Prepared, Map<number, readonly string[]>>();

/** The slot keys of each day, for these settings (looked up once per call, then by day). */
function roundKeysFor(p: Prepared): Map<number, readonly string[]> {
  let byDay = roundKeyCache.get(p);
  if (!byDay) roundKeyCache.set(p, (byDay = new Map()));
  return byDay;
}

function roundKeysOf(p: Prepared, byDay: Map<number, readonly string[]>, day: number): readonly string[] {
  let keys = byDay.get(day);
  if (keys === undefined) {
    const date = dateOfDayNum(day);
    keys = p.slots.map((slot) => date + 'T' + slot.text);
    if (byDay.size > 100_000) byDay.clear();
    byDay.set(day, keys);
  }
  return keys;
}

export function engagementRounds(ctx: RuleContext, period: PeriodSpan): void {
  const { cal, slots, engagementOverdueMs, settings } = ctx.p;
  const ROUND = ruleTitleOf('engagement-round', settings);
  const MISSING_ROUND = { missing: [ruleText(MISSING.round, settings)] };
  const limit = limitOf(ctx);
  const { roundSlots, roundAts } = ctx.idx;
  const since = trackedSinceOf(ctx);
  // Slots come in ascending order, and so do the ticks' slot numbers: one walk matches them.
  let r = lowerBound(roundSlots, period.startDay * 1440);
  const keysByDay = roundKeysFor(ctx.p);
  for (let d = period.startDay; d < period.contentEndDay; d++) {
    const keys = roundKeysOf(ctx.p, keysByDay, d);
    for (let s = 0; s < slots.length; s++) {
      const minute = slots[s]!.minute;
      const start = cal.atLocal(d, minute);
      if (start > limit) return;
      const slot = d * 1440 + minute;
      while (r < roundSlots.length && roundSlots[r]! < slot) r++;
      // The first of a slot's active ticks meets it.
      const met = r < roundSlots.length && roundSlots[r] === slot ? roundAts[r] : undefined;
      if (met === undefined && start + engagementOverdueMs < since) continue;
      emit(
        ctx,
        'engagement-round',
        keys[s]!,
        ROUND,
        start,
        start + engagementOverdueMs,
        met,
        met === undefined ? MISSING_ROUND : undefined,
      );
    }
  }
}
