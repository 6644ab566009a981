// Per-client versions and the data derived per client from them. Every write of a client's record
// or events bumps that client's version in the same transaction (lib/store/repo.ts, the team sync);
// derived data is tagged with the version it was derived from, so it is used only while the
// client is exactly as it was, and a write that lands mid-derivation leaves the new record tagged
// older (it misses next time instead of passing off old data as new).
import type { ClientCandidates } from '../model/notifications';

export interface DerivedClient {
  clientId: string;
  /** The client's version (the `versions` store) when its timeline was read. */
  version: number;
  /** Everything else it depends on: format, locale, past horizon, the settings' fingerprint. */
  basis: string;
  /** Fingerprint of the client record (catches a client written without a version bump). */
  client: string;
  /** The client's event count it was derived from (totals catch events written without a version bump). */
  events: number;
  computedAt: number;
  /** Until when it holds (see lib/worker/replan.ts validUntilOf). */
  validUntil: number;
  /** The client's share of the plan candidates. */
  share: ClientCandidates;
}

/** The versions store of a read-write transaction, as far as a bump needs it. */
interface VersionsRw {
  get(key: string): Promise<number | undefined>;
  put(value: number, key: string): Promise<unknown>;
}

/** Bumps the versions of these clients inside the caller's read-write transaction (which must include `versions`). */
export async function bumpVersions(versions: VersionsRw, clientIds: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(clientIds)].map(async (id) => {
      const current = await versions.get(id);
      await versions.put((current ?? 0) + 1, id);
    }),
  );
}

/** A short, stable fingerprint of a text (cyrb53: 53 bits, as base-36), for keys of derived data. */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
