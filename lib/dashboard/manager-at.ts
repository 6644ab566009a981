// Who was responsible for a client at a given instant: the manager a handover passed it to, the one
// before the first handover, or — with no handovers — the present one.
import type { Client } from '../model/facts';

export interface ManagerAt {
  id: number | null;
  name: string | null;
}

export function managerAt(client: Pick<Client, 'managerId' | 'managerName' | 'handovers'>, at: number): ManagerAt {
  const present = { id: client.managerId, name: client.managerName };
  const handovers = client.handovers ?? [];
  if (!handovers.length) return present;
  let last = null;
  for (const h of handovers) if (h.at <= at) last = h;
  if (last) return last.toId === client.managerId ? present : { id: last.toId, name: last.toName };
  const first = handovers[0]!;
  if (first.fromId === null) return present;
  return first.fromId === client.managerId ? present : { id: first.fromId, name: first.fromName };
}
