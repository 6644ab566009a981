// When one browser may write to amoCRM. The account allows 7 requests a second for the whole team
// (developers.kommo.com/docs/limitations), and every manager's browser writes to the same account,
// so each browser keeps to a small, fixed share: at most one write request per `intervalMs`, each
// carrying up to `batch` notes, and only at its own moment of that cycle (a phase drawn once at
// random), so browsers that all tick at 11:00 write at spread-out moments instead of in the same
// second. A 429 pauses the browser and halves its share until writes succeed again; other failures
// back off exponentially per note. Pure: the clock and the dice come in.
import type { WriterState } from '../model/record';

export interface WritePolicy {
  /** Notes per request (amoCRM's add methods take an array; kept at the documented recommendation of 50). */
  batch: number;
  /** At most one write request per this many ms from one browser. */
  intervalMs: number;
  /** Back-off of a failed note: base × 2^(attempts−1), capped; ×(0.5…1.5) jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After a 429 without Retry-After, wait this long; the interval doubles up to `maxIntervalMs`. */
  throttleMs: number;
  maxIntervalMs: number;
  /** With no way to the account (no token, no open amoCRM tab), look again this much later. */
  noRouteRetryMs: number;
}

// 50 managers at one write a minute make under one request a second on average, at phases spread
// over the minute: a small part of the account's 7, leaving the rest to the deal cards' own reads.
// A fact waits a minute at most (npm run bench simulates the 11:00 peak with these numbers).
export const WRITE_POLICY: WritePolicy = {
  batch: 50,
  intervalMs: 60_000,
  retryBaseMs: 5_000,
  retryMaxMs: 10 * 60_000,
  throttleMs: 30_000,
  maxIntervalMs: 120_000,
  noRouteRetryMs: 30_000,
};

/** What a browser remembers between sends (kept in the meta store, so a restart keeps its pace). */
export type { WriterState };

export const initialWriterState = (policy: WritePolicy = WRITE_POLICY): WriterState => ({
  intervalMs: policy.intervalMs,
  lastSentAt: null,
  pausedUntil: 0,
  phaseMs: null,
  lastError: null,
  sent: 0,
});

/** The queue as the policy sees it. */
export interface Waiting {
  notBefore: number;
  rejected?: boolean;
}

/**
 * When the next write may go, or null when nothing waits: the first moment of this browser's phase
 * (in cycles of the policy's interval) that is due, past any pause, and an interval after the last
 * write. `random` is called once in a browser's life, to draw its phase.
 */
export function nextWriteAt(
  state: WriterState,
  queue: readonly Waiting[],
  now: number,
  random: () => number,
  policy: WritePolicy = WRITE_POLICY,
): { at: number | null; state: WriterState } {
  let soonest: number | null = null;
  for (const item of queue) if (!item.rejected) soonest = soonest === null ? item.notBefore : Math.min(soonest, item.notBefore);
  if (soonest === null) return { at: null, state };
  // Whole seconds: two browsers either share a second of the cycle or are a second apart.
  const phaseMs = Math.floor((random() * policy.intervalMs) / 1000) * 1000;
  const next = state.phaseMs === null ? { ...state, phaseMs } : state;
  const earliest = Math.max(now, soonest, state.pausedUntil, state.lastSentAt === null ? 0 : state.lastSentAt + state.intervalMs);
  const cycle = policy.intervalMs;
  const phase = next.phaseMs!;
  const at = phase + Math.ceil((earliest - phase) / cycle) * cycle;
  return { at, state: next };
}

/** The state after amoCRM accepted a write: pace recovers a step towards the policy's interval. */
export function afterSent(state: WriterState, now: number, policy: WritePolicy = WRITE_POLICY): WriterState {
  return {
    ...state,
    lastSentAt: now,
    intervalMs: Math.max(policy.intervalMs, Math.round(state.intervalMs * 0.75)),
    lastError: null,
    waitsForTab: false,
    sent: state.sent + 1,
  };
}

/** The state after a 429: pause for Retry-After (or the policy's wait) plus jitter, and halve the share. */
export function afterThrottled(
  state: WriterState,
  now: number,
  retryAfterMs: number | null,
  random: () => number,
  error: string,
  policy: WritePolicy = WRITE_POLICY,
): WriterState {
  const intervalMs = Math.min(policy.maxIntervalMs, state.intervalMs * 2);
  const wait = Math.max(retryAfterMs ?? 0, policy.throttleMs) + Math.floor(random() * intervalMs);
  return { ...state, lastSentAt: now, pausedUntil: now + wait, intervalMs, lastError: error, waitsForTab: false };
}

/** The state after a request that failed otherwise (the notes carry their own back-off). */
export function afterFailed(state: WriterState, now: number, error: string): WriterState {
  return { ...state, lastSentAt: now, lastError: error, waitsForTab: false };
}

/**
 * The state when no request could go (no token bound to the account, no open amoCRM tab): nothing
 * was sent, so neither the pace nor the notes' back-off change; the queue waits and says why.
 */
export function afterNoRoute(state: WriterState, reason: string): WriterState {
  return { ...state, lastError: reason, waitsForTab: true };
}

/** When a note that failed `attempts` times may be tried again. */
export function retryAt(attempts: number, now: number, random: () => number, policy: WritePolicy = WRITE_POLICY): number {
  const base = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return now + Math.round(base * (0.5 + random()));
}

/** The oldest due notes of one account, up to a batch. */
export function pickBatch<T extends Waiting & { host: string; queuedAt: number }>(
  queue: readonly T[],
  now: number,
  policy: WritePolicy = WRITE_POLICY,
): T[] {
  const due = queue.filter((i) => !i.rejected && i.notBefore <= now).sort((a, b) => a.queuedAt - b.queuedAt);
  if (!due.length) return [];
  const host = due[0]!.host;
  return due.filter((i) => i.host === host).slice(0, policy.batch);
}
