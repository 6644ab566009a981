// What the worker may ask an open amoCRM tab's API script to do for the team's record, when no
// token is bound to the account (the extension worker's cross-site fetch goes without the
// SameSite=Lax session cookie; the tab's own requests carry it, so amoCRM names the manager as
// `created_by`). Three typed operations and nothing else: add these notes, read a page of notes
// since a cursor, read a page of the users list. The message names no URL and no method: the
// tab's script builds the path (lib/record/notes-paths.ts) on its own origin. Every request and
// every answer is checked with these schemas on arrival.
import * as v from 'valibot';
import type { ApiErrorKind } from '../amocrm/errors';
import { obj, text } from '../schemas/common';
import { check, type Checked } from '../schemas/issues';
import { plainDataIssues } from '../schemas/plain';
import {
  accountNotesPath,
  dealNotesPath,
  MAX_PAGES,
  MAX_USER_PAGES,
  NOTE_SERVICE,
  NOTE_TYPE,
  USERS_PATH,
  withPage,
} from './notes-paths';
import { WRITE_POLICY } from './policy';

/** The mark of a worker → tab message (the worker's own router takes `reglament: 1`; these never mix). */
export const TAB_MARK = 'reglamentTab';

const MAX_NOTE_TEXT = 4000;
const MAX_MESSAGE = 500;

const id = v.pipe(v.number('must be an amoCRM id'), v.safeInteger('must be an amoCRM id'), v.minValue(1, 'must be an amoCRM id'));
const page = (max: number) =>
  v.pipe(v.number('must be a page number'), v.safeInteger('must be a page number'), v.minValue(1), v.maxValue(max));
/** The account's origin the worker means: the tab serves only its own. */
const origin = v.pipe(v.string('must be an origin'), v.maxLength(300, 'must be an origin'));
const cursor = v.nullable(
  v.pipe(v.number('must be Unix seconds'), v.safeInteger('must be Unix seconds'), v.minValue(0, 'must be Unix seconds')),
);

/** One note as `POST /api/v4/leads/notes` takes it (lib/record/post-notes.ts `notesBody`), and only that. */
export const NoteBodySchema = obj({
  entity_id: id,
  note_type: v.literal(NOTE_TYPE, `must be ${NOTE_TYPE}`),
  params: obj({
    service: v.literal(NOTE_SERVICE, `must be ${NOTE_SERVICE}`),
    text: v.pipe(text(MAX_NOTE_TEXT), v.minLength(1, 'must not be empty')),
  }),
  request_id: v.pipe(v.string('must be an index'), v.regex(/^\d{1,3}$/, 'must be an index')),
});

export const NotesBodySchema = v.pipe(
  v.array(NoteBodySchema, 'must be an array of notes'),
  v.minLength(1, 'must hold a note'),
  v.maxLength(WRITE_POLICY.batch, `at most ${WRITE_POLICY.batch} notes`),
);

const mark = { [TAB_MARK]: v.literal(1) } as const;

export const TabRequestSchema = v.variant(
  'op',
  [
    obj({ ...mark, op: v.literal('notes.post'), origin, notes: NotesBodySchema }),
    obj({ ...mark, op: v.literal('notes.read'), origin, leadId: v.nullable(id), since: cursor, page: page(MAX_PAGES) }),
    obj({ ...mark, op: v.literal('users.read'), origin, page: page(MAX_USER_PAGES) }),
  ],
  'must name an operation: notes.post, notes.read or users.read',
);

export type TabRequest = v.InferOutput<typeof TabRequestSchema>;
/** A read without its envelope: what a reader's path stands for. */
export type ReadOp =
  { op: 'notes.read'; leadId: number | null; since: number | null; page: number } | { op: 'users.read'; page: number };

const apiErrorKinds: readonly ApiErrorKind[] = ['auth', 'blocked', 'rate', 'server', 'garbage', 'network', 'not-found', 'other'];

/** An answer's body: JSON from amoCRM (or null for 204), read later by tolerant parsers; plain data only. */
const body = v.pipe(
  v.unknown(),
  v.check((b) => plainDataIssues(b).length === 0, 'must be plain data'),
);

export const TabAnswerSchema = v.variant('ok', [
  obj({ ...mark, origin, ok: v.literal(true), body }),
  obj({
    ...mark,
    origin,
    ok: v.literal(false),
    error: obj({
      kind: v.picklist(apiErrorKinds, 'must be an API error kind'),
      status: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(599)),
      message: text(MAX_MESSAGE),
      retryAfterMs: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
      body,
    }),
  }),
]);

export type TabAnswer = v.InferOutput<typeof TabAnswerSchema>;

export function isTabMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>)[TAB_MARK] === 1;
}

export const checkTabRequest = (message: unknown): Checked<TabRequest> => check(TabRequestSchema, message, 'request');
export const checkTabAnswer = (answer: unknown): Checked<TabAnswer> => check(TabAnswerSchema, answer, 'answer');

/** The path a read asks on the tab's own origin. */
export function readPath(op: ReadOp): string {
  if (op.op === 'users.read') return withPage(USERS_PATH, op.page);
  return withPage(op.leadId === null ? accountNotesPath(op.since) : dealNotesPath(op.leadId, op.since), op.page);
}

const wholeNumber = (s: string | null): number | null => (s !== null && /^\d{1,15}$/.test(s) ? Number(s) : null);

/**
 * The read a path of the record's reader stands for (its first page or a `_links.next` page),
 * or null for any other path: the worker asks the tab for that operation, never for the path.
 */
export function readOpOfPath(path: string): ReadOp | null {
  let url: URL;
  try {
    url = new URL(path, 'https://invalid.example');
  } catch {
    return null;
  }
  const q = url.searchParams;
  const pageNo = q.has('page') ? wholeNumber(q.get('page')) : 1;
  if (pageNo === null || pageNo < 1) return null;
  if (url.pathname === '/api/v4/users') return pageNo <= MAX_USER_PAGES ? { op: 'users.read', page: pageNo } : null;
  const deal = /^\/api\/v4\/leads\/(\d{1,15})\/notes$/.exec(url.pathname);
  if (url.pathname !== '/api/v4/leads/notes' && !deal) return null;
  const since = q.has('filter[updated_at][from]') ? wholeNumber(q.get('filter[updated_at][from]')) : null;
  if (q.has('filter[updated_at][from]') && since === null) return null;
  const leadId = deal ? Number(deal[1]) : null;
  if ((leadId !== null && leadId < 1) || pageNo > MAX_PAGES) return null;
  return { op: 'notes.read', leadId, since, page: pageNo };
}
