// Token bucket for the amoCRM API (at most 7 requests a second per account). Pure: the clock and
// the sleep are injected, so tests drive it with a fake clock.

export interface Clock {
  now(): number;
}

export interface TokenBucketOptions {
  /** Tokens the bucket holds (the largest burst). */
  capacity: number;
  /** Tokens added per second. */
  perSecond: number;
  clock?: Clock;
}

/**
 * In any window of one second at most `capacity + perSecond` requests pass; the defaults (4 + 2)
 * keep us at 6/s, under amoCRM's 7, and let a card's first read (4 requests) go out at once.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly clock: Clock;

  constructor(private readonly options: TokenBucketOptions) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.tokens = options.capacity;
    this.last = this.clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const added = ((now - this.last) / 1000) * this.options.perSecond;
    this.tokens = Math.min(this.options.capacity, this.tokens + added);
    this.last = now;
  }

  /** Takes a token when one is there: 0. Otherwise reserves the next one and returns how long to wait (ms). */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return 0;
    return Math.ceil((-this.tokens / this.options.perSecond) * 1000);
  }

  /** Tokens available now (for tests and diagnostics). */
  available(): number {
    this.refill();
    return this.tokens;
  }
}

export const defaultBucket = (clock?: Clock) => new TokenBucket({ capacity: 4, perSecond: 2, clock });
