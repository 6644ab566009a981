// A small TTL cache for identical GET requests within one page session. Stores the promise, so
// concurrent identical requests share one fetch; failures are not kept.
import type { Clock } from './rate-limit';

export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock = { now: () => Date.now() },
    private readonly max = 200,
  ) {}

  get(key: string, load: () => Promise<T>, ttlMs = this.ttlMs): Promise<T> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** Drops entries whose key starts with a prefix (e.g. after writing a note). */
  invalidate(prefix = ''): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
