// One write request: many notes on many deals of one account, `POST /api/v4/leads/notes` with an
// array of `{entity_id, note_type, params, request_id}` (developers.kommo.com/reference/notes-types;
// amocrm/amocrm-api-php EntityNotes). The note type is `service_message`, the kind amoCRM keeps
// for integrations: it shows as a compact system line with the service's name, not as a manager's
// note. Sent through the one API client (the manager's session, or the token bound to this
// account), so amoCRM records that user as `created_by`.
import { isApiError } from '../amocrm/errors';
import { NOTE_SERVICE, NOTE_TYPE, NOTES_POST_PATH } from './notes-paths';

export { NOTE_SERVICE, NOTE_TYPE };

export interface NoteToPost {
  leadId: number;
  text: string;
}

export type PostOutcome =
  | { kind: 'ok' }
  | { kind: 'throttled'; retryAfterMs: number | null; message: string }
  /** amoCRM refused these notes themselves (indexes into the batch); the rest may be sent again. */
  | { kind: 'rejected'; indexes: number[]; message: string }
  | { kind: 'failed'; status: number; message: string };

/** The client's POST (lib/amocrm/client.ts): the account's origin, the token or the session, the bucket. */
export interface NotesPoster {
  post(path: string, body: unknown): Promise<unknown>;
}

/** One note of the request body, as amoCRM takes it. */
export interface NoteBody {
  entity_id: number;
  note_type: typeof NOTE_TYPE;
  params: { service: typeof NOTE_SERVICE; text: string };
  request_id: string;
}

export function notesBody(notes: readonly NoteToPost[]): NoteBody[] {
  return notes.map((n, i) => ({
    entity_id: n.leadId,
    note_type: NOTE_TYPE,
    params: { service: NOTE_SERVICE, text: n.text },
    request_id: String(i),
  }));
}

export async function postNotes(client: NotesPoster, notes: NoteToPost[]): Promise<PostOutcome> {
  try {
    await client.post(NOTES_POST_PATH, notesBody(notes));
    return { kind: 'ok' };
  } catch (error) {
    if (!isApiError(error)) return { kind: 'failed', status: 0, message: `amoCRM недоступна: ${messageOf(error)}` };
    const { status } = error;
    if (status === 429)
      return {
        kind: 'throttled',
        retryAfterMs: error.detail.retryAfterMs ?? null,
        message: 'amoCRM просит подождать (429): слишком много запросов',
      };
    if (status === 400)
      return {
        kind: 'rejected',
        indexes: rejectedIndexes(error.detail.body, notes.length),
        message: 'amoCRM отклонила примечание (400)',
      };
    if (error.kind === 'blocked')
      return { kind: 'throttled', retryAfterMs: null, message: `amoCRM временно заблокировала API аккаунта (${status})` };
    if (error.kind === 'auth')
      return { kind: 'failed', status, message: `Нет доступа к amoCRM (${status}): войдите в amoCRM в этом браузере` };
    if (status === 0) return { kind: 'failed', status, message: `amoCRM недоступна: ${error.message}` };
    return { kind: 'failed', status, message: `amoCRM ответила ${status}` };
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The notes a 400 names in `validation-errors[].request_id`; all of them when it names none. */
function rejectedIndexes(body: unknown, count: number): number[] {
  const errors = (body as { 'validation-errors'?: unknown } | null)?.['validation-errors'];
  const named = (Array.isArray(errors) ? errors : [])
    .map((e) => Number((e as { request_id?: unknown } | null)?.request_id))
    .filter((i) => Number.isInteger(i) && i >= 0 && i < count);
  if (named.length) return [...new Set(named)];
  // Not the documented problem+json: treat the whole batch as refused.
  return Array.from({ length: count }, (_, i) => i);
}
