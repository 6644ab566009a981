// A deal's changes of responsible manager, kept on its client: what the team sync read now added to
// what earlier syncs kept (an incremental sync reads only recent events), once each, oldest first.
import { MAX_HANDOVERS, type Handover } from '../../model/facts';
import type { AmoResponsibleChange } from '../schemas';

export function mergeHandovers(
  kept: readonly Handover[] | undefined,
  read: readonly AmoResponsibleChange[] | undefined,
  users: ReadonlyMap<number, string>,
): Handover[] {
  const byId = new Map((kept ?? []).map((h) => [h.id, h]));
  for (const c of read ?? [])
    byId.set(c.id, {
      id: c.id,
      at: c.at,
      fromId: c.fromUserId,
      fromName: c.fromUserId === null ? null : (users.get(c.fromUserId) ?? null),
      toId: c.toUserId,
      toName: users.get(c.toUserId) ?? null,
    });
  return [...byId.values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).slice(-MAX_HANDOVERS);
}
