// One write request through the one API client: what each amoCRM answer means for the queue.
import { describe, expect, it } from 'vitest';
import { createAmoClient } from '@/lib/amocrm/client';
import { postNotes } from '@/lib/record/post-notes';

const ORIGIN = 'https://smmpro.amocrm.ru';
const NOTES = [
  { leadId: 1001, text: 'a' },
  { leadId: 1002, text: 'b' },
  { leadId: 1003, text: 'c' },
];

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(body === null ? null : JSON.stringify(body), { status, headers });
  }) as typeof globalThis.fetch;
  return { client: createAmoClient({ origin: ORIGIN, fetch, sleep: async () => undefined }), sent };
}

describe('postNotes', () => {
  it('sends one batch of service messages to the account, with the session', async () => {
    const { client, sent } = clientAnswering(200, { _embedded: { notes: [] } });
    expect(await postNotes(client, NOTES)).toEqual({ kind: 'ok' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`${ORIGIN}/api/v4/leads/notes`);
    expect(sent[0]!.init.credentials).toBe('include');
    const body = JSON.parse(String(sent[0]!.init.body)) as Array<Record<string, unknown>>;
    expect(body.map((n) => [n.entity_id, n.note_type, n.request_id])).toEqual([
      [1001, 'service_message', '0'],
      [1002, 'service_message', '1'],
      [1003, 'service_message', '2'],
    ]);
    expect(body[0]!.params).toEqual({ service: 'Reglament', text: 'a' });
  });

  it('a 429 is throttling, with its Retry-After', async () => {
    const { client } = clientAnswering(429, null, { 'retry-after': '7' });
    expect(await postNotes(client, NOTES)).toMatchObject({ kind: 'throttled', retryAfterMs: 7000 });
  });

  it('a 400 names the refused notes by request_id; the others may go again', async () => {
    const { client } = clientAnswering(400, {
      title: 'Bad Request',
      'validation-errors': [{ request_id: '1', errors: [{ code: 'NotFound', path: 'entity_id' }] }],
    });
    expect(await postNotes(client, NOTES)).toMatchObject({ kind: 'rejected', indexes: [1] });
  });

  it('a 400 that names none refuses the whole batch', async () => {
    const { client } = clientAnswering(400, { title: 'Bad Request' });
    expect(await postNotes(client, NOTES)).toMatchObject({ kind: 'rejected', indexes: [0, 1, 2] });
  });

  it('no access, a server failure and no network are failures to retry', async () => {
    expect(await postNotes(clientAnswering(401, {}).client, NOTES)).toMatchObject({ kind: 'failed', status: 401 });
    expect(await postNotes(clientAnswering(502, {}).client, NOTES)).toMatchObject({ kind: 'failed', status: 502 });
    const offline = createAmoClient({
      origin: ORIGIN,
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch,
    });
    expect(await postNotes(offline, NOTES)).toMatchObject({ kind: 'failed', status: 0 });
  });
});
