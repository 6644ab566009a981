import { describe, expect, it } from 'vitest';
import {
  afterSent,
  afterThrottled,
  initialWriterState,
  nextWriteAt,
  pickBatch,
  retryAt,
  WRITE_POLICY as P,
} from '@/lib/record/policy';

const half = () => 0.5;

describe('write pace of one browser', () => {
  it('nothing waits: no write', () => {
    expect(nextWriteAt(initialWriterState(), [], 0, half).at).toBeNull();
  });

  it('writes only at this browser’s phase of each cycle, at most once per interval', () => {
    const first = nextWriteAt(initialWriterState(), [{ notBefore: 1000 }], 1000, half);
    const phase = P.intervalMs / 2;
    expect(first.state.phaseMs).toBe(phase);
    expect(first.at).toBe(phase);
    // The phase is drawn once: asking again does not roll the dice again.
    expect(nextWriteAt(first.state, [{ notBefore: 1000 }], 2000, () => 0).at).toBe(phase);
    const sent = afterSent(first.state, phase);
    expect(nextWriteAt(sent, [{ notBefore: 0 }], phase + 1, half).at).toBe(phase + P.intervalMs);
    // Idle for a while, then a fact: the next moment of the phase, not before it is due.
    expect(nextWriteAt(sent, [{ notBefore: phase + 3.2 * P.intervalMs }], phase + 3.2 * P.intervalMs, half).at).toBe(
      phase + 4 * P.intervalMs,
    );
  });

  it('browsers with different phases never share a moment (property of the grid)', () => {
    const moments = [0.1, 0.35, 0.6, 0.85].map((r) => nextWriteAt(initialWriterState(), [{ notBefore: 0 }], 0, () => r).at);
    expect(new Set(moments).size).toBe(4);
    for (const m of moments) expect(m! % 1000).toBe(0);
  });

  it('a 429 pauses at least Retry-After and halves the share; successes bring it back', () => {
    const s = afterThrottled(initialWriterState(), 0, 45_000, () => 0, '429');
    expect(s.pausedUntil).toBe(45_000);
    expect(s.intervalMs).toBe(P.intervalMs * 2);
    expect(nextWriteAt(s, [{ notBefore: 0 }], 1000, () => 0).at).toBeGreaterThanOrEqual(45_000);
    expect(s.lastError).toBe('429');
    let back = s;
    for (let i = 0; i < 10; i++) back = afterSent(back, 0);
    expect(back.intervalMs).toBe(P.intervalMs);
    expect(back.lastError).toBeNull();
  });

  it('failed notes back off exponentially, capped', () => {
    expect(retryAt(1, 0, half)).toBe(P.retryBaseMs);
    expect(retryAt(3, 0, half)).toBe(P.retryBaseMs * 4);
    expect(retryAt(40, 0, half)).toBe(P.retryMaxMs);
  });

  it('a batch is the oldest due notes of one account, at most the batch size', () => {
    const q = Array.from({ length: 70 }, (_, i) => ({
      host: i % 7 === 0 ? 'b.amocrm.ru' : 'a.amocrm.ru',
      queuedAt: 100 - i,
      notBefore: 0,
    }));
    const batch = pickBatch(q, 0);
    expect(batch[0]!.host).toBe('a.amocrm.ru');
    expect(batch.every((i) => i.host === 'a.amocrm.ru')).toBe(true);
    expect(batch).toHaveLength(P.batch);
    expect(pickBatch([{ host: 'a', queuedAt: 0, notBefore: 10 }], 0)).toEqual([]);
    expect(pickBatch([{ host: 'a', queuedAt: 0, notBefore: 0, rejected: true }], 0)).toEqual([]);
  });
});
