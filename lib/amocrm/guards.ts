// Hand-written guards for amoCRM API v4 answers: unknown JSON in, typed values out, or an
// ApiError('garbage'). Only what Reglament uses is kept. The credentials field's value is
// dropped here, at read time: only "filled / empty" leaves this module.
import { ApiError } from './errors';

export interface AmoFieldValue {
  value: string | number | boolean | null;
  enumId: number | null;
}

export interface AmoField {
  id: number;
  name: string;
  code: string | null;
  values: AmoFieldValue[];
  /** Set for secret fields: their values were dropped, only this is known. */
  filled?: boolean;
}

export interface AmoLead {
  id: number;
  name: string;
  price: number | null;
  responsibleUserId: number | null;
  statusId: number;
  pipelineId: number;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  lossReason: string | null;
  fields: AmoField[];
}

export interface AmoStatus {
  id: number;
  name: string;
  sort: number;
  /** 1 = unsorted. */
  type: number;
}

export interface AmoPipeline {
  id: number;
  name: string;
  isMain: boolean;
  statuses: AmoStatus[];
}

export interface AmoStatusChange {
  id: string;
  at: number;
  fromStatusId: number | null;
  toStatusId: number;
  pipelineId: number | null;
}

export interface AmoNote {
  id: number;
  type: string;
  at: number;
  /** Call recording link (call notes). */
  link: string | null;
  /** Text of common notes. */
  text: string | null;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const garbage = (what = 'unexpected shape'): never => {
  throw new ApiError('garbage', 200, `Unexpected amoCRM answer: ${what}`);
};
const int = (v: unknown): number => (Number.isSafeInteger(v) ? (v as number) : garbage());
const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : int(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : garbage());
const seconds = (v: unknown): number => int(v) * 1000;
const obj = (v: unknown): Obj => (isObj(v) ? v : garbage());
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : garbage());

function embedded(v: unknown, key: string): unknown[] {
  const root = obj(v);
  return arr(obj(root._embedded)[key]);
}

/** `_links.next.href` of a paged answer, or null on the last page. */
export function nextLink(v: unknown): string | null {
  if (!isObj(v) || !isObj(v._links) || !isObj(v._links.next)) return null;
  return typeof v._links.next.href === 'string' ? v._links.next.href : null;
}

function fieldValue(v: unknown): AmoFieldValue {
  const o = obj(v);
  const value = o.value;
  if (!(value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
    garbage('field value has a strange type');
  return { value: value as AmoFieldValue['value'], enumId: Number.isSafeInteger(o.enum_id) ? (o.enum_id as number) : null };
}

/** `isSecret(name)` marks fields whose values must never be kept (the Instagram credentials). */
export function parseLead(v: unknown, isSecret: (fieldName: string) => boolean = () => false): AmoLead {
  const o = obj(v);
  const fields: AmoField[] = [];
  if (o.custom_fields_values !== null && o.custom_fields_values !== undefined) {
    for (const raw of arr(o.custom_fields_values)) {
      const f = obj(raw);
      const name = str(f.field_name);
      const base = { id: int(f.field_id), name, code: typeof f.field_code === 'string' ? f.field_code : null };
      const rawValues = f.values === null || f.values === undefined ? [] : arr(f.values);
      if (isSecret(name)) {
        const filled = rawValues.some(
          (x) => isObj(x) && x.value !== null && x.value !== undefined && String(x.value).trim() !== '',
        );
        fields.push({ ...base, values: [], filled });
      } else fields.push({ ...base, values: rawValues.map(fieldValue) });
    }
  }
  let lossReason: string | null = null;
  if (isObj(o._embedded) && Array.isArray(o._embedded.loss_reason)) {
    const first: unknown = o._embedded.loss_reason[0];
    if (isObj(first) && typeof first.name === 'string') lossReason = first.name;
  }
  return {
    id: int(o.id),
    name: typeof o.name === 'string' ? o.name : '',
    price: typeof o.price === 'number' && Number.isFinite(o.price) ? o.price : null,
    responsibleUserId: intOrNull(o.responsible_user_id),
    statusId: int(o.status_id),
    pipelineId: int(o.pipeline_id),
    createdAt: seconds(o.created_at),
    updatedAt: o.updated_at === null || o.updated_at === undefined ? seconds(o.created_at) : seconds(o.updated_at),
    closedAt: o.closed_at === null || o.closed_at === undefined ? null : seconds(o.closed_at),
    lossReason,
    fields,
  };
}

/** `GET /api/v4/leads` (a list page): `_embedded.leads[]`. */
export function parseLeadsPage(v: unknown, isSecret: (fieldName: string) => boolean = () => false): Page<AmoLead> {
  return { items: embedded(v, 'leads').map((raw) => parseLead(raw, isSecret)), next: nextLink(v) };
}

export function parsePipelines(v: unknown): AmoPipeline[] {
  return embedded(v, 'pipelines').map((raw) => {
    const p = obj(raw);
    const statuses = isObj(p._embedded) ? arr(p._embedded.statuses) : [];
    return {
      id: int(p.id),
      name: str(p.name),
      isMain: p.is_main === true,
      statuses: statuses.map((s) => {
        const so = obj(s);
        return {
          id: int(so.id),
          name: str(so.name),
          sort: typeof so.sort === 'number' ? so.sort : 0,
          type: typeof so.type === 'number' ? so.type : 0,
        };
      }),
    };
  });
}

function leadStatus(v: unknown): { id: number; pipelineId: number | null } | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const first: unknown = v[0];
  if (!isObj(first) || !isObj(first.lead_status)) return null;
  return { id: int(first.lead_status.id), pipelineId: intOrNull(first.lead_status.pipeline_id) };
}

export function parseStatusEvents(v: unknown): Page<AmoStatusChange> {
  const items: AmoStatusChange[] = [];
  for (const raw of embedded(v, 'events')) {
    const e = obj(raw);
    if (e.type !== 'lead_status_changed') continue;
    const after = leadStatus(e.value_after);
    if (!after) garbage('event without value_after');
    const before = leadStatus(e.value_before);
    const id = typeof e.id === 'string' || typeof e.id === 'number' ? String(e.id) : garbage('event.id');
    items.push({
      id,
      at: seconds(e.created_at),
      fromStatusId: before?.id ?? null,
      toStatusId: after!.id,
      pipelineId: after!.pipelineId,
    });
  }
  return { items, next: nextLink(v) };
}

export function parseNotes(v: unknown): Page<AmoNote> {
  const items = embedded(v, 'notes').map((raw) => {
    const n = obj(raw);
    const params = isObj(n.params) ? n.params : {};
    return {
      id: int(n.id),
      type: str(n.note_type),
      at: seconds(n.created_at),
      link: typeof params.link === 'string' && params.link ? params.link : null,
      text: typeof params.text === 'string' ? params.text : null,
    };
  });
  return { items, next: nextLink(v) };
}

/** The id of the created note (POST answer). */
export function parseCreatedNote(v: unknown): number {
  const first = embedded(v, 'notes')[0];
  return int(obj(first).id);
}
