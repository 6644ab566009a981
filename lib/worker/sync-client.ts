// How a deal read from amoCRM updates the stored client: what only Reglament knows survives.
import type { Client } from '../model/facts';

export function syncedClient(client: Client, existing: Client | undefined, now: number): Client {
  // The handovers come from the team sync's events only: a card's read keeps them as they are.
  const { handovers: _ignored, ...read } = client;
  return {
    ...read,
    ...(existing?.handovers?.length ? { handovers: existing.handovers } : {}),
    // An Instagram account linked by hand survives a sync from a deal whose field is empty.
    instagram: client.instagram ?? existing?.instagram ?? null,
    trackedSince: existing?.trackedSince ?? now,
  };
}
