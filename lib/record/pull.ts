// Reading the team's record back: the marker notes written since the last read, for the whole
// account (team sync, popup) or for one deal (a card opened). Incremental by the notes'
// `updated_at` (`filter[updated_at][from]`, the second last seen, inclusive: a note stored in that
// second after the read is not missed, one read twice is one fact), so history is read once.
import { attributeNote, type StoredNote } from '../amocrm/attribution';
import type { SharedEvent } from '../amocrm/markers';
import type { ContentPlan } from '../model/plans';
import { attributePlanNote } from './plan-merge';
import { MAX_PAGES, MAX_USER_PAGES, USERS_PATH } from './notes-paths';
import { parseNotesPage, parseUsersPage, type PulledNote } from './notes-page';

export type { PullCursors } from '../model/record';

/** GET a path (with query) on the account's own origin; null for 204. */
export type Get = (pathAndQuery: string) => Promise<unknown>;

export { MAX_PAGES, accountNotesPath, dealNotesPath, notesQuery } from './notes-paths';

export interface Pulled {
  events: SharedEvent[];
  /** Content plan versions (lib/record/plan-marker.ts), attributed like the facts. */
  plans: ContentPlan[];
  /** The new cursor (Unix seconds), or the old one when nothing new was read. */
  cursor: number | null;
  notes: number;
  requests: number;
  /** Authors with no known name (the caller may read the users list). */
  unknownAuthors: number[];
}

/** Path and query of a `_links.next` href, only when it names the account's own API (amoCRM gives absolute URLs). */
export function nextPath(href: string): string | null {
  try {
    const url = new URL(href, 'https://invalid.example');
    return url.pathname.startsWith('/api/v4/') ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/**
 * Reads marker notes since `since` (Unix seconds) from `firstPath` on, page by page, and turns
 * them into facts attributed by amoCRM. Notes that carry no marker are skipped.
 */
export async function pullNotes(
  get: Get,
  firstPath: string,
  host: string,
  since: number | null,
  userName: (id: number) => string | null,
): Promise<Pulled> {
  const events: SharedEvent[] = [];
  const plans: ContentPlan[] = [];
  const unknown = new Set<number>();
  let cursor = since;
  let path: string | null = firstPath;
  let notes = 0;
  let requests = 0;
  const seen: PulledNote[] = [];
  while (path && requests < MAX_PAGES) {
    const body = await get(path);
    requests++;
    if (body === null) break;
    const page = parseNotesPage(body);
    for (const note of page.notes) {
      notes++;
      seen.push(note);
      const updated = Math.floor(note.updatedAt / 1000);
      cursor = cursor === null ? updated : Math.max(cursor, updated);
    }
    path = page.next ? nextPath(page.next) : null;
  }
  for (const note of seen) {
    const event = attributeNote(note satisfies StoredNote, host, userName);
    const plan = event ? null : attributePlanNote(note, host, userName);
    if (event) events.push(event);
    else if (plan) plans.push(plan);
    else continue;
    if ((event ?? plan)!.author?.name === null) unknown.add(note.createdBy);
  }
  return { events, plans, cursor, notes, requests, unknownAuthors: [...unknown] };
}

/** All users of the account (names of authors). */
export async function pullUsers(get: Get): Promise<Map<number, string>> {
  const users = new Map<number, string>();
  let path: string | null = USERS_PATH;
  for (let i = 0; path && i < MAX_USER_PAGES; i++) {
    const body = await get(path);
    if (body === null) break;
    const page = parseUsersPage(body);
    for (const [id, name] of page.users) users.set(id, name);
    path = page.next ? nextPath(page.next) : null;
  }
  return users;
}
