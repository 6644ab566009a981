// What the UIs and the notifications show of a client, and where a notification leads.
import type { Client } from './facts';

/** A client as lists show it. */
export interface ClientSummary {
  id: string;
  name: string;
  service: Client['service'];
  payer: Client['payer'];
  instagram: string | null;
  managerName: string | null;
  /** Where the deal opens: `https://{host}/leads/detail/{leadId}`. */
  dealUrl: string;
}
