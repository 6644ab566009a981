// The write queue: facts waiting to be written to their deal in amoCRM as marker notes. Each item
// is keyed by the fact's stored id, so a fact is queued once however often it is recorded; it
// leaves the queue only when amoCRM confirmed the note (or refused it for good, see `rejected`).
// It lives in IndexedDB, so a worker killed or a browser closed mid-send loses nothing.
import type { OutboxItem } from '../model/record';
import type { Db } from './schema';

export type { OutboxItem };

export interface OutboxSummary {
  /** Facts not yet in amoCRM (rejected ones included). */
  pending: number;
  rejected: number;
  /** The latest failure, for «why». */
  lastError: string | null;
  /** The soonest instant anything may be sent, or null when nothing waits. */
  nextAt: number | null;
}

export function listOutbox(db: Db): Promise<OutboxItem[]> {
  return db.getAll('outbox');
}

export function summarize(items: OutboxItem[]): OutboxSummary {
  let rejected = 0;
  let nextAt: number | null = null;
  let latest: OutboxItem | null = null;
  for (const item of items) {
    if (item.rejected) rejected++;
    else nextAt = nextAt === null ? item.notBefore : Math.min(nextAt, item.notBefore);
    if (item.lastError && (!latest || item.notBefore >= latest.notBefore)) latest = item;
  }
  return { pending: items.length, rejected, lastError: latest?.lastError ?? null, nextAt };
}

export async function outboxSummary(db: Db): Promise<OutboxSummary> {
  return summarize(await listOutbox(db));
}

/** Removes items amoCRM confirmed. */
export async function removeSent(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all(ids.map((id) => tx.store.delete(id)));
  await tx.done;
}

/** Records a failed attempt on each item (still present): attempts + 1, the error, the next try. */
export async function markFailed(
  db: Db,
  ids: string[],
  error: string,
  notBefore: (attempts: number) => number,
  rejected = false,
): Promise<void> {
  if (!ids.length) return;
  const tx = db.transaction('outbox', 'readwrite');
  for (const id of ids) {
    const item = await tx.store.get(id);
    if (!item) continue;
    const attempts = item.attempts + 1;
    await tx.store.put({
      ...item,
      attempts,
      notBefore: notBefore(attempts),
      lastError: error,
      ...(rejected ? { rejected } : {}),
    });
  }
  await tx.done;
}

/** Puts rejected items back in line (the manager asked to try again). */
export async function retryRejected(db: Db, now: number): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let n = 0;
  for (const item of await tx.store.getAll()) {
    if (!item.rejected) continue;
    const { rejected: _r, ...rest } = item;
    await tx.store.put({ ...rest, notBefore: now });
    n++;
  }
  await tx.done;
  return n;
}
