// A fact read back from a deal's note belongs to whoever amoCRM says wrote the note, at the time
// amoCRM stored it. The marker's own time is only a claim: it is kept when it lies a little before
// the note was stored (a write that waited in a browser's queue), never otherwise — so a note
// someone typed by hand claims nothing its real author did not do at that moment.
import type { EventAuthor } from '../model/facts';
import { eventFromNote, type SharedEvent } from './markers';
import { clientIdOf } from './url';

/** How long before the note's `created_at` a claimed time is believed (a queued write). */
export const CLAIM_WINDOW_MS = 10 * 60_000;
/** A browser clock a little ahead of amoCRM's: such a claim counts at `created_at`. */
export const CLOCK_AHEAD_MS = 60_000;

/** A note as amoCRM returns it, reduced to what attribution needs (times in epoch ms). */
export interface StoredNote {
  id: number;
  /** The deal (lead) the note is on. */
  entityId: number;
  createdBy: number;
  createdAt: number;
  text: string;
}

/**
 * amoCRM's `created_at` is whole seconds: the note was stored at some moment of that second, so a
 * claim inside it (a write sent at once) is not ahead of the note.
 */
export const STORED_SECOND_MS = 1000;

/** When the fact counts: the claimed time if it lies just before (or within the second of) the stored time, else the stored time. */
export function attributedTime(claimed: number, createdAt: number): number {
  if (claimed >= createdAt - CLAIM_WINDOW_MS && claimed < createdAt + STORED_SECOND_MS) return claimed;
  return createdAt;
}

/** The fact a note records, attributed by amoCRM; null when the note carries no valid marker. */
export function attributeNote(
  note: StoredNote,
  host: string,
  userName: (id: number) => string | null = () => null,
): SharedEvent | null {
  const claim = eventFromNote(note.text, clientIdOf(host, note.entityId));
  if (!claim) return null;
  const author: EventAuthor = { id: note.createdBy, name: userName(note.createdBy) };
  return { ...claim, at: settledTime(claim.at, note.createdAt), author };
}

/** The time a note's claim counts at: a claim a little ahead of the server (browser clock) is not "before", it counts when stored. */
export function settledTime(claimed: number, createdAt: number): number {
  const ahead = claimed >= createdAt + STORED_SECOND_MS && claimed <= createdAt + CLOCK_AHEAD_MS;
  return attributedTime(ahead ? createdAt : claimed, createdAt);
}
