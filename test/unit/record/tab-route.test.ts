// The worker's channel to an amoCRM tab: answers count only from a tab of the very account, and
// everything that goes wrong on the way is a network failure the writer retries.
import { describe, expect, it } from 'vitest';
import { SyncCancelled } from '@/lib/amocrm/client';
import { ApiError } from '@/lib/amocrm/errors';
import { leadsPath, PIPELINES_PATH } from '@/lib/amocrm/team/paths';
import { accountNotesPath, NOTES_POST_PATH } from '@/lib/record/notes-paths';
import { notesBody, postNotes } from '@/lib/record/post-notes';
import { TAB_MARK, type TabRequest } from '@/lib/record/tab-ops';
import { createTabRoute, type TabPort } from '@/lib/record/tab-route';
import type { TabLike } from '@/lib/record/tab-checks';

const ORIGIN = 'https://smmpro.amocrm.ru';
const TAB = { id: 9, url: `${ORIGIN}/leads/detail/1004`, active: true };

function port(answer: (m: TabRequest) => Promise<unknown>, tabs: TabLike[] = [TAB], now: () => TabLike | null = () => TAB) {
  const sent: Array<[number, TabRequest]> = [];
  const p: TabPort = {
    query: async () => tabs,
    send: (tabId, message) => (sent.push([tabId, message]), answer(message)),
    get: async () => now(),
  };
  return { sent, port: p };
}

const ok = (body: unknown) => async () => ({ [TAB_MARK]: 1, origin: ORIGIN, ok: true, body });

describe('the tab route', () => {
  it('is there only when a tab of the account is open', async () => {
    expect(await createTabRoute(port(ok(null), []).port).open(ORIGIN)).toBeNull();
    expect(await createTabRoute(port(ok(null), [{ id: 1, url: 'https://other.amocrm.ru/' }]).port).open(ORIGIN)).toBeNull();
    expect((await createTabRoute(port(ok(null)).port).open(ORIGIN))?.tabId).toBe(9);
  });

  it('asks the tab for typed operations, never for a path', async () => {
    const p = port(ok({ _embedded: { notes: [] } }));
    const channel = (await createTabRoute(p.port).open(ORIGIN))!;
    await expect(channel.get(`${accountNotesPath(5)}&page=2`)).resolves.toEqual({ _embedded: { notes: [] } });
    const notes = notesBody([{ leadId: 1004, text: 't' }]);
    await channel.post(NOTES_POST_PATH, notes);
    expect(p.sent).toEqual([
      [9, { [TAB_MARK]: 1, origin: ORIGIN, op: 'notes.read', leadId: null, since: 5, page: 2 }],
      [9, { [TAB_MARK]: 1, origin: ORIGIN, op: 'notes.post', notes }],
    ]);
    // Anything else is refused here, before a message goes.
    await expect(channel.get('/api/v4/leads?limit=250')).rejects.toMatchObject({ kind: 'other' });
    await expect(channel.post('/api/v4/leads', notes)).rejects.toMatchObject({ kind: 'other' });
    await expect(
      channel.post(NOTES_POST_PATH, [{ entity_id: 1, note_type: 'common', params: { text: 'x' } }]),
    ).rejects.toMatchObject({
      kind: 'other',
    });
    expect(p.sent).toHaveLength(2);
  });

  it.each<[string, ReturnType<typeof port>]>([
    [
      'an answer from another account',
      port(async () => ({ [TAB_MARK]: 1, origin: 'https://other.amocrm.ru', ok: true, body: {} })),
    ],
    ['no answer (the tab closed, or no script there)', port(async () => undefined)],
    ['a refused connection', port(() => Promise.reject(new Error('Receiving end does not exist.')))],
    ['a malformed answer', port(async () => ({ [TAB_MARK]: 1, origin: ORIGIN, ok: 'yes' }))],
    ['a tab that went to another account meanwhile', port(ok({}), [TAB], () => ({ id: 9, url: 'https://other.amocrm.ru/' }))],
    ['a tab closed meanwhile', port(ok({}), [TAB], () => null)],
  ])('takes %s as a network failure, which the writer retries', async (_, p) => {
    const channel = (await createTabRoute(p.port).open(ORIGIN))!;
    const error = await channel.get(accountNotesPath(null)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(await postNotes(channel, [{ leadId: 1004, text: 't' }])).toMatchObject({ kind: 'failed', status: 0 });
  });

  it('gives up on a tab that does not answer', async () => {
    const p = port(() => new Promise(() => undefined));
    const channel = (await createTabRoute(p.port, 5).open(ORIGIN))!;
    await expect(channel.get(accountNotesPath(null))).rejects.toMatchObject({ kind: 'network' });
  });

  it('passes amoCRM’s refusals on, so 429 and 400 are handled as from the worker’s own client', async () => {
    const refusing = (kind: string, status: number, body: unknown = null, retryAfterMs: number | null = null) =>
      port(async () => ({
        [TAB_MARK]: 1,
        origin: ORIGIN,
        ok: false,
        error: { kind, status, message: 'no', retryAfterMs, body },
      }));
    const open = async (p: ReturnType<typeof port>) => (await createTabRoute(p.port).open(ORIGIN))!;
    const notes = [
      { leadId: 1004, text: 'a' },
      { leadId: 999999, text: 'b' },
    ];
    expect(await postNotes(await open(refusing('rate', 429, null, 20_000)), notes)).toMatchObject({
      kind: 'throttled',
      retryAfterMs: 20_000,
    });
    const invalid = { 'validation-errors': [{ request_id: '1', errors: [] }] };
    expect(await postNotes(await open(refusing('other', 400, invalid)), notes)).toEqual({
      kind: 'rejected',
      indexes: [1],
      message: expect.any(String),
    });
    expect(await postNotes(await open(refusing('auth', 401)), notes)).toMatchObject({ kind: 'failed', status: 401 });
    expect(await postNotes(await open(refusing('server', 503)), notes)).toMatchObject({ kind: 'failed', status: 503 });
  });

  it('follows a list’s pages as the worker’s own client does, and stops when the sync is cancelled', async () => {
    const next = (page: number) => ({ _links: { next: { href: `https://shard151.amocrm.ru${leadsPath(3001, null, page)}` } } });
    const p = port(async (m) => ({
      [TAB_MARK]: 1,
      origin: ORIGIN,
      ok: true,
      body: 'page' in m && m.page < 3 ? next(m.page + 1) : {},
    }));
    let requests = 0;
    const channel = (await createTabRoute(p.port).open(ORIGIN, { onRequest: () => requests++ }))!;
    const bodies: unknown[] = [];
    for await (const body of channel.pages(leadsPath(3001, null), { ifModifiedSince: 1_773_295_200_000 })) bodies.push(body);
    expect(bodies).toHaveLength(3);
    expect(requests).toBe(3);
    expect(p.sent.map(([, m]) => m)).toEqual(
      [1, 2, 3].map((page) => ({
        [TAB_MARK]: 1,
        origin: ORIGIN,
        op: 'leads.read',
        pipelineId: 3001,
        updatedFrom: null,
        page,
        ifModifiedSince: page === 1 ? 1_773_295_200_000 : null,
      })),
    );
    const controller = new AbortController();
    const cancelled = (await createTabRoute(p.port).open(ORIGIN, { signal: controller.signal }))!;
    controller.abort();
    await expect(cancelled.get(PIPELINES_PATH)).rejects.toBeInstanceOf(SyncCancelled);
    expect(p.sent).toHaveLength(3);
  });
});
