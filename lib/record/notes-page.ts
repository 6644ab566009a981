// A page of `GET /api/v4/leads/notes` or `/api/v4/leads/{id}/notes`, reduced to what reading facts
// back needs. Fields per developers.kommo.com/reference/notes-by-entity-id: id, entity_id,
// created_by, created_at, updated_at (Unix seconds), note_type, params{text}. A note of another
// shape is skipped, never fatal: one odd note must not stop the record from being read.
import type { StoredNote } from '../amocrm/attribution';

export interface PulledNote extends StoredNote {
  type: string;
  /** Epoch ms. */
  updatedAt: number;
}

export interface NotesPage {
  notes: PulledNote[];
  /** `_links.next.href` as given (the caller keeps path and query only). */
  next: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const seconds = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) * 1000 : null);

export function parseNotesPage(body: unknown): NotesPage {
  if (!isObj(body)) return { notes: [], next: null };
  const embedded = isObj(body._embedded) ? body._embedded : {};
  const list = Array.isArray(embedded.notes) ? embedded.notes : [];
  const notes: PulledNote[] = [];
  for (const raw of list) {
    if (!isObj(raw)) continue;
    const params = isObj(raw.params) ? raw.params : {};
    const createdAt = seconds(raw.created_at);
    if (
      !Number.isSafeInteger(raw.id) ||
      !Number.isSafeInteger(raw.entity_id) ||
      !Number.isSafeInteger(raw.created_by) ||
      createdAt === null ||
      typeof raw.note_type !== 'string' ||
      typeof params.text !== 'string'
    )
      continue;
    notes.push({
      id: raw.id as number,
      entityId: raw.entity_id as number,
      createdBy: raw.created_by as number,
      createdAt,
      updatedAt: seconds(raw.updated_at) ?? createdAt,
      type: raw.note_type,
      text: params.text,
    });
  }
  const links = isObj(body._links) ? body._links : {};
  const next = isObj(links.next) && typeof links.next.href === 'string' ? links.next.href : null;
  return { notes, next };
}

/** Users page (`GET /api/v4/users`): id → name. */
export function parseUsersPage(body: unknown): { users: Array<[number, string]>; next: string | null } {
  if (!isObj(body)) return { users: [], next: null };
  const embedded = isObj(body._embedded) ? body._embedded : {};
  const list = Array.isArray(embedded.users) ? embedded.users : [];
  const users: Array<[number, string]> = [];
  for (const u of list)
    if (isObj(u) && Number.isSafeInteger(u.id) && typeof u.name === 'string') users.push([u.id as number, u.name]);
  const links = isObj(body._links) ? body._links : {};
  return { users, next: isObj(links.next) && typeof links.next.href === 'string' ? links.next.href : null };
}
