// One write request: many notes on many deals of one account, `POST /api/v4/leads/notes` with an
// array of `{entity_id, note_type, params, request_id}` (developers.kommo.com/reference/notes-types;
// amocrm/amocrm-api-php EntityNotes). The note type is `service_message`, the kind amoCRM keeps
// for integrations: it shows as a compact system line with the service's name, not as a manager's
// note. Sent with the manager's own amoCRM session, so amoCRM records the manager as `created_by`.

export const NOTE_TYPE = 'service_message';
/** `params.service` of every note: the name the feed shows, and what a head filters on. */
export const NOTE_SERVICE = 'Reglament';

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

export async function postNotes(
  doFetch: typeof fetch,
  origin: string,
  notes: NoteToPost[],
  signal?: AbortSignal,
): Promise<PostOutcome> {
  const body = notes.map((n, i) => ({
    entity_id: n.leadId,
    note_type: NOTE_TYPE,
    params: { service: NOTE_SERVICE, text: n.text },
    request_id: String(i),
  }));
  let res: Response;
  try {
    res = await doFetch(`${origin}/api/v4/leads/notes`, {
      method: 'POST',
      credentials: 'include',
      cache: 'no-store',
      headers: { Accept: 'application/hal+json, application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    return { kind: 'failed', status: 0, message: `amoCRM недоступна: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (res.ok) return { kind: 'ok' };
  if (res.status === 429) {
    const after = Number(res.headers.get('retry-after'));
    return {
      kind: 'throttled',
      retryAfterMs: Number.isFinite(after) && after > 0 ? after * 1000 : null,
      message: 'amoCRM просит подождать (429): слишком много запросов',
    };
  }
  if (res.status === 400) {
    const indexes = await rejectedIndexes(res, notes.length);
    return { kind: 'rejected', indexes, message: 'amoCRM отклонила примечание (400)' };
  }
  if (res.status === 401 || res.status === 403)
    return {
      kind: 'failed',
      status: res.status,
      message: `Нет доступа к amoCRM (${res.status}): войдите в amoCRM в этом браузере`,
    };
  return { kind: 'failed', status: res.status, message: `amoCRM ответила ${res.status}` };
}

/** The notes a 400 names in `validation-errors[].request_id`; all of them when it names none. */
async function rejectedIndexes(res: Response, count: number): Promise<number[]> {
  try {
    const body = (await res.json()) as { 'validation-errors'?: Array<{ request_id?: unknown }> };
    const named = (body['validation-errors'] ?? [])
      .map((e) => Number(e.request_id))
      .filter((i) => Number.isInteger(i) && i >= 0 && i < count);
    if (named.length) return [...new Set(named)];
  } catch {
    // Not the documented problem+json: treat the whole batch as refused.
  }
  return Array.from({ length: count }, (_, i) => i);
}
