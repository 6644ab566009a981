// What the UIs show of the team's record in amoCRM: the write queue's state and the facts
// colleagues recorded (read back from the deal's notes, attributed by amoCRM).
import type { ClientEventType, Instant } from './facts';

export interface RecordStatus {
  /** Whether facts are written to amoCRM (the account's setting). */
  enabled: boolean;
  /** Facts not yet in amoCRM («не отправлено в amoCRM: N»). */
  pending: number;
  /** Of those, notes amoCRM refused (kept, not retried until asked). */
  rejected: number;
  /** Why they wait (the last failure), or null. */
  lastError: string | null;
  /** When the next write may go. */
  nextAt: Instant | null;
}

/** A fact of this client's record with its author as amoCRM says. */
export interface TeamFact {
  type: ClientEventType;
  /** The item's or fact's title (Russian). */
  title: string;
  at: Instant;
  author: string;
}
