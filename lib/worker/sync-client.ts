// How a deal read from amoCRM updates the stored client: what only Reglament knows survives.
import type { Client } from '../model/facts';

export function syncedClient(client: Client, existing: Client | undefined, now: number): Client {
  return {
    ...client,
    // An Instagram account linked by hand survives a sync from a deal whose field is empty.
    instagram: client.instagram ?? existing?.instagram ?? null,
    trackedSince: existing?.trackedSince ?? now,
  };
}
