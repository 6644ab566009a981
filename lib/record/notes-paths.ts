// The few amoCRM API paths the team's record uses, built in one place: the worker's own client
// asks them, and the amoCRM tab's API script builds them from a typed request (lib/record/tab-ops.ts),
// so a message never carries a path of its own.

/** The note kind amoCRM keeps for integrations (developers.kommo.com/reference/notes-types). */
export const NOTE_TYPE = 'service_message';
/** `params.service` of every note: the name the feed shows, and what a head filters on. */
export const NOTE_SERVICE = 'Reglament';

/** Where notes of many deals are added in one request (amocrm-api-php EntityNotes). */
export const NOTES_POST_PATH = '/api/v4/leads/notes';
/** At most this many pages per read (250 notes each); the cursor lets the next read go on. */
export const MAX_PAGES = 40;
/** Pages of the users list read at most (250 users each). */
export const MAX_USER_PAGES = 10;
const LIMIT = 250;

export function notesQuery(since: number | null, types: readonly string[]): string {
  const q = new URLSearchParams();
  for (const t of types) q.append('filter[note_type][]', t);
  if (since !== null) q.set('filter[updated_at][from]', String(since));
  q.set('order[updated_at]', 'asc');
  q.set('limit', String(LIMIT));
  return q.toString();
}

/** The account's marker notes since `since` (service messages only: Reglament writes no other kind). */
export function accountNotesPath(since: number | null): string {
  return `/api/v4/leads/notes?${notesQuery(since, [NOTE_TYPE])}`;
}

/** One deal's marker notes since `since`; common notes too, where older builds wrote ticks. */
export function dealNotesPath(leadId: number, since: number | null): string {
  return `/api/v4/leads/${leadId}/notes?${notesQuery(since, [NOTE_TYPE, 'common'])}`;
}

/** All users of the account (names of authors). */
export const USERS_PATH = `/api/v4/users?limit=${LIMIT}`;

/** A later page of one of the lists above (amoCRM's `page`, from 1). */
export const withPage = (path: string, page: number): string => (page > 1 ? `${path}&page=${page}` : path);
