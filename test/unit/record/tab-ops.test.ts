// The worker ↔ amoCRM tab requests and answers: only the three typed operations pass, and a
// reader's paths map to them and back.
import { describe, expect, it } from 'vitest';
import { accountNotesPath, dealNotesPath, USERS_PATH } from '@/lib/record/notes-paths';
import { notesBody } from '@/lib/record/post-notes';
import { checkTabAnswer, checkTabRequest, readOpOfPath, readPath, TAB_MARK } from '@/lib/record/tab-ops';

const ORIGIN = 'https://smmpro.amocrm.ru';
const post = {
  [TAB_MARK]: 1,
  origin: ORIGIN,
  op: 'notes.post',
  notes: notesBody([{ leadId: 1004, text: '✓ x [Reglament:2:tick|a|1]' }]),
};
const read = { [TAB_MARK]: 1, origin: ORIGIN, op: 'notes.read', leadId: 1004, since: 1_773_295_200, page: 2 };

describe('tab requests', () => {
  it('takes the three operations', () => {
    expect(checkTabRequest(post).ok).toBe(true);
    expect(checkTabRequest(read).ok).toBe(true);
    expect(checkTabRequest({ ...read, leadId: null, since: null, page: 1 }).ok).toBe(true);
    expect(checkTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'users.read', page: 1 }).ok).toBe(true);
  });

  it.each([
    ['an unknown operation', { ...read, op: 'leads.delete' }],
    ['a URL of its own', { ...read, url: 'https://evil.example/x' }],
    ['a method of its own', { ...post, method: 'DELETE' }],
    ['a path of its own', { ...read, path: '/api/v4/leads' }],
    ['another note type', { ...post, notes: [{ ...post.notes[0]!, note_type: 'common' }] }],
    ['another service', { ...post, notes: [{ ...post.notes[0]!, params: { service: 'Evil', text: 'x' } }] }],
    ['an extra note field', { ...post, notes: [{ ...post.notes[0]!, created_by: 1 }] }],
    ['no notes', { ...post, notes: [] }],
    ['more than a batch', { ...post, notes: Array.from({ length: 51 }, () => post.notes[0]) }],
    ['a page past the limit', { ...read, page: 41 }],
    ['a negative deal', { ...read, leadId: -4 }],
    ['no mark', { ...read, [TAB_MARK]: 2 }],
  ])('refuses %s', (_, message) => {
    expect(checkTabRequest(message).ok).toBe(false);
  });
});

describe('tab answers', () => {
  it('takes a body or an API error, and nothing else', () => {
    expect(checkTabAnswer({ [TAB_MARK]: 1, origin: ORIGIN, ok: true, body: { _embedded: { notes: [] } } }).ok).toBe(true);
    expect(checkTabAnswer({ [TAB_MARK]: 1, origin: ORIGIN, ok: true, body: null }).ok).toBe(true);
    const error = { kind: 'rate', status: 429, message: 'slow down', retryAfterMs: 20_000, body: null };
    expect(checkTabAnswer({ [TAB_MARK]: 1, origin: ORIGIN, ok: false, error }).ok).toBe(true);
    expect(checkTabAnswer({ [TAB_MARK]: 1, origin: ORIGIN, ok: false, error: { ...error, kind: 'teapot' } }).ok).toBe(false);
    expect(checkTabAnswer({ [TAB_MARK]: 1, origin: ORIGIN, ok: true, body: JSON.parse('{"__proto__":{"x":1}}') }).ok).toBe(false);
    expect(checkTabAnswer({ [TAB_MARK]: 1, origin: ORIGIN, ok: true, body: {}, extra: 1 }).ok).toBe(false);
    expect(checkTabAnswer(undefined).ok).toBe(false);
  });
});

describe('reader paths and operations', () => {
  it('maps the reader’s first pages to operations and back', () => {
    expect(readOpOfPath(dealNotesPath(1004, 1_773_295_200))).toEqual({
      op: 'notes.read',
      leadId: 1004,
      since: 1_773_295_200,
      page: 1,
    });
    expect(readOpOfPath(accountNotesPath(null))).toEqual({ op: 'notes.read', leadId: null, since: null, page: 1 });
    expect(readOpOfPath(USERS_PATH)).toEqual({ op: 'users.read', page: 1 });
    for (const path of [dealNotesPath(1004, 5), accountNotesPath(7), accountNotesPath(null), USERS_PATH])
      expect(readPath(readOpOfPath(path)!)).toBe(path);
  });

  it('reads a `_links.next` page as the same read’s next page', () => {
    // The shape amoCRM (and the fake) give: absolute, maybe another host of the account, params reordered.
    const next =
      '/api/v4/leads/notes?filter%5Bnote_type%5D%5B%5D=service_message&filter%5Bupdated_at%5D%5Bfrom%5D=1773295200&order%5Bupdated_at%5D=asc&page=3&limit=250';
    const op = readOpOfPath(next)!;
    expect(op).toEqual({ op: 'notes.read', leadId: null, since: 1_773_295_200, page: 3 });
    expect(readPath(op)).toBe(`${accountNotesPath(1_773_295_200)}&page=3`);
  });

  it.each([
    '/api/v4/leads?limit=250',
    '/api/v4/account',
    '/api/v4/leads/1004',
    '/api/v4/contacts/1/notes',
    '/api/v4/leads/notes?page=41',
    '/api/v4/users?page=11',
    '/api/v4/leads/notes?page=-1',
    '/api/v4/leads/notes?filter[updated_at][from]=yesterday',
    '/api/v4/leads/abc/notes',
  ])('has no operation for %s', (path) => {
    expect(readOpOfPath(path)).toBeNull();
  });
});
