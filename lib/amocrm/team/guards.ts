// Guards for the answers only the team reader needs: users, and status-change events WITH the
// lead they belong to (the overlay's parseStatusEvents reads one lead's events, so it drops entity_id).
import { ApiError } from '../errors';
import { nextLink, type AmoStatusChange, type Page } from '../guards';

export interface AmoUser {
  id: number;
  name: string;
}

export interface AmoLeadStatusChange extends AmoStatusChange {
  leadId: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const garbage = (what: string): never => {
  throw new ApiError('garbage', 200, `Unexpected amoCRM answer: ${what}`);
};

function embeddedList(v: unknown, key: string): unknown[] {
  if (!isObj(v) || !isObj(v._embedded) || !Array.isArray(v._embedded[key])) return garbage(`_embedded.${key} missing`);
  return v._embedded[key] as unknown[];
}

export const nextOf = nextLink;

export function parseUsers(v: unknown): Page<AmoUser> {
  const items = embeddedList(v, 'users').map((raw) => {
    if (!isObj(raw) || !Number.isSafeInteger(raw.id)) return garbage('user without id');
    return { id: raw.id as number, name: typeof raw.name === 'string' ? raw.name : `#${String(raw.id)}` };
  });
  return { items, next: nextOf(v) };
}

function statusOf(v: unknown): { id: number; pipelineId: number | null } | null {
  if (!Array.isArray(v) || !v.length || !isObj(v[0]) || !isObj((v[0] as Obj).lead_status)) return null;
  const s = (v[0] as Obj).lead_status as Obj;
  if (!Number.isSafeInteger(s.id)) return null;
  return { id: s.id as number, pipelineId: Number.isSafeInteger(s.pipeline_id) ? (s.pipeline_id as number) : null };
}

export function parseLeadStatusEvents(v: unknown): Page<AmoLeadStatusChange> {
  const items: AmoLeadStatusChange[] = [];
  for (const raw of embeddedList(v, 'events')) {
    if (!isObj(raw) || raw.type !== 'lead_status_changed') continue;
    const after = statusOf(raw.value_after);
    if (!after || !Number.isSafeInteger(raw.entity_id) || !Number.isSafeInteger(raw.created_at))
      return garbage('status event without lead, time or status');
    const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : garbage('event.id');
    items.push({
      id,
      leadId: raw.entity_id as number,
      at: (raw.created_at as number) * 1000,
      fromStatusId: statusOf(raw.value_before)?.id ?? null,
      toStatusId: after.id,
      pipelineId: after.pipelineId,
    });
  }
  return { items, next: nextOf(v) };
}
