// The amoCRM tab's API script serving the worker: a hostile or malformed message causes no
// request and no answer; a good one is performed on the tab's own origin at a path built here.
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/amocrm/errors';
import { accountNotesPath, dealNotesPath, NOTES_POST_PATH, USERS_PATH } from '@/lib/record/notes-paths';
import { notesBody } from '@/lib/record/post-notes';
import { TAB_MARK } from '@/lib/record/tab-ops';
import { serveTabRequest, type TabClient } from '@/lib/record/tab-serve';
import { eventsPath, leadsPath, PIPELINES_PATH } from '@/lib/amocrm/team/paths';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const ORIGIN = 'https://smmpro.amocrm.ru';
const WORKER = { id: SELF.id, url: `${SELF.origin}/background.js` };
const post = {
  [TAB_MARK]: 1,
  origin: ORIGIN,
  op: 'notes.post',
  notes: notesBody([{ leadId: 1004, text: '✓ x [Reglament:2:tick|a|1]' }]),
};
const read = { [TAB_MARK]: 1, origin: ORIGIN, op: 'notes.read', leadId: 1004, since: 17, page: 1 };

function tab(answer: (call: string) => Promise<unknown> = async () => ({ ok: 1 })) {
  const calls: string[] = [];
  const client: TabClient = {
    get: (path) => (calls.push(`GET ${path}`), answer(`GET ${path}`)),
    post: (path, body) => (calls.push(`POST ${path} ${JSON.stringify(body)}`), answer(`POST ${path}`)),
  };
  return { calls, env: { self: SELF, origin: ORIGIN, client: () => client } };
}

describe('the tab serves the worker', () => {
  it('adds the notes on its own origin', async () => {
    const t = tab();
    await expect(serveTabRequest(post, WORKER, t.env)).resolves.toEqual({
      [TAB_MARK]: 1,
      origin: ORIGIN,
      ok: true,
      body: { ok: 1 },
    });
    expect(t.calls).toEqual([`POST ${NOTES_POST_PATH} ${JSON.stringify(post.notes)}`]);
  });

  it('reads the path it builds from the operation', async () => {
    const t = tab(async () => null);
    await serveTabRequest(read, WORKER, t.env);
    await serveTabRequest({ ...read, leadId: null, since: null, page: 3 }, WORKER, t.env);
    await serveTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'users.read', page: 2 }, WORKER, t.env);
    expect(t.calls).toEqual([
      `GET ${dealNotesPath(1004, 17)}`,
      `GET ${accountNotesPath(null)}&page=3`,
      `GET ${USERS_PATH}&page=2`,
    ]);
  });

  it('reads the sync’s lists at paths it builds, a pipeline’s leads with If-Modified-Since', async () => {
    const asked: Array<[string, unknown]> = [];
    const env = {
      self: SELF,
      origin: ORIGIN,
      client: () => ({
        get: async (path: string, opts?: unknown) => (asked.push([path, opts]), null),
        post: async () => null,
      }),
    };
    await serveTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'pipelines.read' }, WORKER, env);
    const leads = { [TAB_MARK]: 1, origin: ORIGIN, op: 'leads.read', pipelineId: 3001, updatedFrom: 1_773_295_200, page: 2 };
    await serveTabRequest({ ...leads, ifModifiedSince: 1_773_295_200_000 }, WORKER, env);
    await serveTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'events.read', leadIds: [1001, 1002], page: 1 }, WORKER, env);
    expect(asked).toEqual([
      [PIPELINES_PATH, {}],
      [leadsPath(3001, 1_773_295_200, 2), { ifModifiedSince: 1_773_295_200_000 }],
      [eventsPath([1001, 1002]), {}],
    ]);
  });

  it('answers what amoCRM refused, with Retry-After and the validation errors', async () => {
    const refusal = { 'validation-errors': [{ request_id: '0', errors: [] }] };
    const t = tab(async () => {
      throw new ApiError('rate', 429, 'amoCRM asks to slow down', { retryAfterMs: 20_000, body: refusal });
    });
    await expect(serveTabRequest(post, WORKER, t.env)).resolves.toEqual({
      [TAB_MARK]: 1,
      origin: ORIGIN,
      ok: false,
      error: { kind: 'rate', status: 429, message: 'amoCRM asks to slow down', retryAfterMs: 20_000, body: refusal },
    });
    const broken = tab(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(serveTabRequest(read, WORKER, broken.env)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'network', status: 0 },
    });
  });

  it.each([
    ['a page script’s message (another sender id)', post, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a content script’s message (it has a tab)', post, { ...WORKER, tab: { id: 2 } }],
    ['no sender', post, undefined],
    ['a message for another account', { ...post, origin: 'https://other.amocrm.ru' }, WORKER],
    ['an unknown operation', { ...read, op: 'leads.update' }, WORKER],
    ['a URL smuggled in', { ...read, url: 'https://evil.example/' }, WORKER],
    ['a method smuggled in', { ...post, method: 'DELETE' }, WORKER],
    ['a note of another kind', { ...post, notes: [{ ...post.notes[0]!, note_type: 'common' }] }, WORKER],
    ['the worker’s router envelope', { reglament: 1, type: 'record.send', payload: {} }, WORKER],
    ['not an object', 'notes.post', WORKER],
  ])('does nothing for %s', (_, message, sender) => {
    const t = tab();
    expect(serveTabRequest(message, sender, t.env)).toBeUndefined();
    expect(t.calls).toEqual([]);
  });

  it('does nothing on a page that is not an amoCRM account', () => {
    const t = tab();
    const env = { ...t.env, origin: 'https://evil.example' };
    expect(serveTabRequest({ ...post, origin: 'https://evil.example' }, WORKER, env)).toBeUndefined();
    expect(t.calls).toEqual([]);
  });
});
