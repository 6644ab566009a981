// What the worker may ask an open amoCRM tab's API script to do for the team's record, when no
// token is bound to the account (the extension worker's cross-site fetch goes without the
// SameSite=Lax session cookie; the tab's own requests carry it, so amoCRM names the manager as
// `created_by`). Typed operations and nothing else: add these notes, read a page of notes since a
// cursor, read a page of the users list — and for «Синхронизировать всё» the pipelines, a page of
// a pipeline's leads, a page of some leads' stage changes and hand-overs. The message names no URL and no method:
// the tab's script builds the path (lib/record/notes-paths.ts, lib/amocrm/team/paths.ts) on its
// own origin. Every request and every answer is checked with these schemas on arrival.
import * as v from 'valibot';
import { DEFAULT_MAX_PAGES } from '../amocrm/client';
import type { ApiErrorKind } from '../amocrm/errors';
import { EVENTS_BATCH, eventsPath, leadsPath, PIPELINES_PATH, TEAM_EVENT_TYPES } from '../amocrm/team/paths';
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

/** The longest note text the tab writes (a plan's note is bounded to fit: lib/record/plan-marker.ts). */
export const MAX_NOTE_TEXT = 4000;
const MAX_MESSAGE = 500;

const id = v.pipe(v.number('must be an amoCRM id'), v.safeInteger('must be an amoCRM id'), v.minValue(1, 'must be an amoCRM id'));
const page = (max: number) =>
  v.pipe(v.number('must be a page number'), v.safeInteger('must be a page number'), v.minValue(1), v.maxValue(max));
/** The account's origin the worker means: the tab serves only its own. */
const origin = v.pipe(v.string('must be an origin'), v.maxLength(300, 'must be an origin'));
const cursor = v.nullable(
  v.pipe(v.number('must be Unix seconds'), v.safeInteger('must be Unix seconds'), v.minValue(0, 'must be Unix seconds')),
);
const epochMs = v.nullable(
  v.pipe(v.number('must be epoch ms'), v.safeInteger('must be epoch ms'), v.minValue(0, 'must be epoch ms')),
);
const leadIds = v.pipe(
  v.array(id, 'must be lead ids'),
  v.minLength(1, 'must name a lead'),
  v.maxLength(EVENTS_BATCH, `at most ${EVENTS_BATCH} leads`),
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
    obj({ ...mark, op: v.literal('pipelines.read'), origin }),
    obj({
      ...mark,
      op: v.literal('leads.read'),
      origin,
      pipelineId: id,
      updatedFrom: cursor,
      page: page(DEFAULT_MAX_PAGES),
      ifModifiedSince: epochMs,
    }),
    obj({ ...mark, op: v.literal('events.read'), origin, leadIds, page: page(DEFAULT_MAX_PAGES) }),
  ],
  'must name an operation: notes.post, notes.read, users.read, pipelines.read, leads.read or events.read',
);

export type TabRequest = v.InferOutput<typeof TabRequestSchema>;
/** A read without its envelope: what a reader's path stands for. */
export type ReadOp =
  | { op: 'notes.read'; leadId: number | null; since: number | null; page: number }
  | { op: 'users.read'; page: number }
  | { op: 'pipelines.read' }
  | { op: 'leads.read'; pipelineId: number; updatedFrom: number | null; page: number; ifModifiedSince: number | null }
  | { op: 'events.read'; leadIds: number[]; page: number };

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
  switch (op.op) {
    case 'users.read':
      return withPage(USERS_PATH, op.page);
    case 'notes.read':
      return withPage(op.leadId === null ? accountNotesPath(op.since) : dealNotesPath(op.leadId, op.since), op.page);
    case 'pipelines.read':
      return PIPELINES_PATH;
    case 'leads.read':
      return leadsPath(op.pipelineId, op.updatedFrom, op.page);
    case 'events.read':
      return eventsPath(op.leadIds, op.page);
  }
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
  if (url.pathname === PIPELINES_PATH) return pageNo === 1 ? { op: 'pipelines.read' } : null;
  if (url.pathname === '/api/v4/leads') return leadsOp(q, pageNo);
  if (url.pathname === '/api/v4/events') return eventsOp(q, pageNo);
  const deal = /^\/api\/v4\/leads\/(\d{1,15})\/notes$/.exec(url.pathname);
  if (url.pathname !== '/api/v4/leads/notes' && !deal) return null;
  const since = q.has('filter[updated_at][from]') ? wholeNumber(q.get('filter[updated_at][from]')) : null;
  if (q.has('filter[updated_at][from]') && since === null) return null;
  const leadId = deal ? Number(deal[1]) : null;
  if ((leadId !== null && leadId < 1) || pageNo > MAX_PAGES) return null;
  return { op: 'notes.read', leadId, since, page: pageNo };
}

function leadsOp(q: URLSearchParams, pageNo: number): ReadOp | null {
  const pipelineId = wholeNumber(q.get('filter[pipeline_id]'));
  const updatedFrom = q.has('filter[updated_at][from]') ? wholeNumber(q.get('filter[updated_at][from]')) : null;
  if (pipelineId === null || pipelineId < 1 || (q.has('filter[updated_at][from]') && updatedFrom === null)) return null;
  if (pageNo > DEFAULT_MAX_PAGES) return null;
  return { op: 'leads.read', pipelineId, updatedFrom, page: pageNo, ifModifiedSince: null };
}

function eventsOp(q: URLSearchParams, pageNo: number): ReadOp | null {
  const types = q.getAll('filter[type][]');
  if (q.get('filter[entity]') !== 'lead' || types.join() !== TEAM_EVENT_TYPES.join()) return null;
  const ids = q.getAll('filter[entity_id][]').map(wholeNumber);
  if (!ids.length || ids.length > EVENTS_BATCH || ids.some((i) => i === null || i < 1) || pageNo > DEFAULT_MAX_PAGES) return null;
  return { op: 'events.read', leadIds: ids as number[], page: pageNo };
}
