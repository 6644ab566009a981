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
  /** They wait for an open amoCRM tab: no token is bound to the account and no tab of it is open. */
  waitsForTab: boolean;
  /** When the next write may go. */
  nextAt: Instant | null;
}

/** An amoCRM tab's answer to «may I send one request now?» (lib/amocrm/request-budget.ts). */
export type Permit = { go: true } | { go: false; retryInMs: number };

/** A fact of this client's record with its author as amoCRM says. */
export interface TeamFact {
  type: ClientEventType;
  /** The item's or fact's title (Russian). */
  title: string;
  at: Instant;
  author: string;
}

/** The amoCRM write queue's pace in this browser (lib/record/policy.ts), kept in the meta store. */
export interface WriterState {
  intervalMs: number;
  lastSentAt: number | null;
  /** No request before this (after a 429). */
  pausedUntil: number;
  /** This browser's moment in every write cycle (ms into the interval), drawn once. */
  phaseMs: number | null;
  lastError: string | null;
  /** The last attempt found no way to the account: no token bound to it and no open tab of it. */
  waitsForTab?: boolean;
  sent: number;
}

/** `host` → second read up to for the account; `host:leadId` → for one deal. */
export type PullCursors = Record<string, number>;

/** A fact waiting to be written to its deal in amoCRM as a marker note (lib/store/outbox.ts). */
export interface OutboxItem {
  /** The fact's stored id (lib/store/ids.ts). */
  id: string;
  clientId: string;
  /** amoCRM account host and deal the note goes to. */
  host: string;
  leadId: number;
  /** The note's text (a line for people and the marker). */
  text: string;
  queuedAt: number;
  /** Sends tried so far. */
  attempts: number;
  /** Not sent before this instant (back-off after a failure). */
  notBefore: number;
  lastError: string | null;
  /** amoCRM refused this note itself (the deal is gone, validation): kept and shown, not retried until asked. */
  rejected?: boolean;
}
