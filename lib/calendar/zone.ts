// Offsets of an IANA zone, cached, so hot paths never call Intl per obligation.
// Why the caches: @date-fns/tz's tzOffset costs ~1.5 µs (Intl); the engine converts
// hundreds of thousands of local times per run, but only over a few hundred distinct days.
import { tzOffset } from '@date-fns/tz';
import { DAY, MINUTE } from './time';

const BUCKET = 15 * MINUTE; // every real zone transition falls on a quarter hour of UTC
const FIRST_DAY = Date.UTC(1970, 0, 1) / DAY;
const DAYS = (Date.UTC(2100, 0, 1) - Date.UTC(1970, 0, 1)) / DAY;
/** Marks a day whose offset changes inside it (no real offset is this large). */
const TRANSITION = 1e15;

export interface ZoneClock {
  readonly timeZone: string;
  /** Offset (ms, local − UTC) in force at an instant. */
  offsetAt(instant: number): number;
  /** Instant → "local ms" (wall clock read as if it were UTC). */
  toLocalMs(instant: number): number;
  /** "Local ms" → instant. Wall times skipped by a DST jump resolve forward; repeated ones take the earlier instant. */
  fromLocalMs(localMs: number): number;
}

/** True when the zone name is a valid IANA zone for this runtime. */
export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && !Number.isNaN(tzOffset(timeZone, new Date(0)));
}

export function createZoneClock(timeZone: string): ZoneClock {
  if (!isValidTimeZone(timeZone)) throw new Error(`unknown time zone: ${timeZone}`);
  const byBucket = new Map<number, number>();
  // Typed arrays indexed by day (1970…2100): NaN = not computed yet, TRANSITION = the offset
  // changes inside that day (then the 15-minute buckets answer). Faster than Map lookups.
  const byUtcDay = new Float64Array(DAYS).fill(Number.NaN);
  const byLocalDay = new Float64Array(DAYS).fill(Number.NaN);

  function offsetAt(instant: number): number {
    const i = Math.floor(instant / DAY) - FIRST_DAY;
    if (i >= 0 && i < DAYS) {
      let off = byUtcDay[i]!;
      if (off !== off) {
        const start = (i + FIRST_DAY) * DAY;
        const a = bucketOffset(start);
        off = a === bucketOffset(start + DAY - BUCKET) && a === bucketOffset(start + DAY / 2) ? a : TRANSITION;
        byUtcDay[i] = off;
      }
      if (off !== TRANSITION) return off;
    }
    return bucketOffset(instant);
  }

  function bucketOffset(instant: number): number {
    const b = Math.floor(instant / BUCKET);
    let off = byBucket.get(b);
    if (off === undefined) {
      off = tzOffset(timeZone, new Date(b * BUCKET)) * MINUTE;
      if (byBucket.size > 200_000) byBucket.clear();
      byBucket.set(b, off);
    }
    return off;
  }

  function preciseFromLocal(localMs: number): number {
    // Classic two-pass: guess with the offset near that wall time, then correct once.
    const first = offsetAt(localMs - offsetAt(localMs));
    const guess = localMs - first;
    const second = offsetAt(guess);
    if (second === first) return guess;
    const alt = localMs - second;
    // In a gap neither guess maps back exactly: take the later instant (after the jump).
    if (offsetAt(alt) === second) return Math.min(guess, alt);
    return Math.max(guess, alt);
  }

  function dayOffset(dayNum: number): number {
    const i = dayNum - FIRST_DAY;
    if (i < 0 || i >= DAYS) return TRANSITION;
    let off = byLocalDay[i]!;
    if (off !== off) {
      const start = dayNum * DAY;
      const a = offsetAt(preciseFromLocal(start));
      const b = offsetAt(preciseFromLocal(start + DAY - MINUTE));
      off = a === b ? a : TRANSITION;
      byLocalDay[i] = off;
    }
    return off;
  }

  return {
    timeZone,
    offsetAt,
    toLocalMs: (instant) => instant + offsetAt(instant),
    fromLocalMs(localMs) {
      const off = dayOffset(Math.floor(localMs / DAY));
      return off === TRANSITION ? preciseFromLocal(localMs) : localMs - off;
    },
  };
}
