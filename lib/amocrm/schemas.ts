// amoCRM REST API v4 answers, checked with valibot: unknown JSON in, typed values out, or an
// ApiError('garbage'). Only what Reglament uses is kept. Sources of every field: docs/sites.md.
// Tolerant where amoCRM's answers vary: a custom field value may be an object (legal_entity,
// file, linked_entity) or missing (chained_list) — kept as a readable name or null, never a failure.
// The credentials field's value is dropped here, at read time: only "filled / empty" leaves.
import * as v from 'valibot';
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
  /** Contact ids (`with=contacts`), main contact first. */
  contactIds: number[];
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
  /** The lead the event belongs to (`entity_id`). */
  leadId: number;
  at: number;
  fromStatusId: number | null;
  toStatusId: number;
  pipelineId: number | null;
}

/** An `entity_responsible_changed` event: the deal's responsible manager changed. */
export interface AmoResponsibleChange {
  id: string;
  leadId: number;
  at: number;
  fromUserId: number | null;
  toUserId: number;
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

export interface AmoUser {
  id: number;
  name: string;
}

export interface Page<T> {
  items: T[];
  /** `_links.next.href` as amoCRM gave it (may name another host of the account). */
  next: string | null;
  /** Items left out because their shape was wrong, with the lead they belong to when known. */
  skipped: Array<number | null>;
}

const garbage = (what: string): never => {
  throw new ApiError('garbage', 200, `Unexpected amoCRM answer: ${what}`);
};

function parse<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const r = v.safeParse(schema, input);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return garbage(`${what}${path ? ` ${path}` : ''}: ${issue.message}`);
}

const Id = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Seconds = v.pipe(
  Id,
  v.transform((s) => s * 1000),
);
const Text = v.fallback(v.string(), '');

const Links = v.optional(v.looseObject({ next: v.optional(v.looseObject({ href: v.string() })) }));
const List = (key: string) => v.looseObject({ _links: Links, _embedded: v.looseObject({ [key]: v.array(v.unknown()) }) });

function list(input: unknown, key: string): { items: unknown[]; next: string | null } {
  const o = parse(List(key), input, `_embedded.${key}`);
  return { items: o._embedded[key] as unknown[], next: o._links?.next?.href ?? null };
}

// --- leads ---------------------------------------------------------------------------------------

const FieldSchema = v.looseObject({
  field_id: Id,
  field_name: Text,
  field_code: v.nullish(v.string()),
  field_type: v.nullish(v.string()),
  values: v.nullish(v.array(v.unknown())),
});

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * One `values[]` entry → text or null. Scalars stay; objects give their readable name
 * (legal_entity `name`, file `file_name`, linked_entity `name`); anything else, or no value
 * (chained_list), is null.
 */
export function fieldValueOf(raw: unknown): AmoFieldValue {
  const enumId = isObj(raw) && Number.isSafeInteger(raw.enum_id) ? (raw.enum_id as number) : null;
  const value = isObj(raw) ? raw.value : undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
    return { value, enumId };
  if (isObj(value))
    for (const key of ['name', 'file_name', 'text', 'value'])
      if (typeof value[key] === 'string' && value[key]) return { value: value[key] as string, enumId };
  return { value: null, enumId };
}

const LeadSchema = v.looseObject({
  id: Id,
  name: Text,
  price: v.fallback(v.nullish(v.number()), null),
  responsible_user_id: v.fallback(v.nullish(Id), null),
  status_id: Id,
  pipeline_id: Id,
  created_at: Seconds,
  updated_at: v.nullish(Seconds),
  closed_at: v.fallback(v.nullish(Seconds), null),
  custom_fields_values: v.fallback(v.nullish(v.array(v.unknown())), null),
  _embedded: v.fallback(
    v.optional(
      v.looseObject({
        loss_reason: v.fallback(v.optional(v.array(v.looseObject({ name: v.string() }))), undefined),
        contacts: v.fallback(v.optional(v.array(v.looseObject({ id: Id, is_main: v.optional(v.boolean()) }))), undefined),
      }),
    ),
    undefined,
  ),
});

/** `isSecret(name)` marks fields whose values must never be kept (the Instagram credentials). */
export function parseLead(input: unknown, isSecret: (fieldName: string) => boolean = () => false): AmoLead {
  const o = parse(LeadSchema, input, 'lead');
  const fields: AmoField[] = [];
  for (const raw of o.custom_fields_values ?? []) {
    // One odd field never fails the deal: a field without an id is left out.
    const f = v.safeParse(FieldSchema, raw);
    if (!f.success) continue;
    const { field_id: id, field_name: name, field_code: code, values } = f.output;
    const read = (values ?? []).map(fieldValueOf);
    if (isSecret(name)) {
      const filled = read.some((x) => x.value !== null && String(x.value).trim() !== '');
      fields.push({ id, name, code: code ?? null, values: [], filled });
    } else fields.push({ id, name, code: code ?? null, values: read });
  }
  const contacts = [...(o._embedded?.contacts ?? [])].sort((a, b) => Number(b.is_main === true) - Number(a.is_main === true));
  return {
    id: o.id,
    name: o.name,
    price: o.price ?? null,
    responsibleUserId: o.responsible_user_id ?? null,
    statusId: o.status_id,
    pipelineId: o.pipeline_id,
    createdAt: o.created_at,
    updatedAt: o.updated_at ?? o.created_at,
    closedAt: o.closed_at ?? null,
    lossReason: o._embedded?.loss_reason?.[0]?.name ?? null,
    fields,
    contactIds: contacts.map((c) => c.id),
  };
}

/** A page of `/api/v4/leads`: each lead parsed on its own, so one bad deal is reported, not fatal. */
export function parseLeadsPage(
  input: unknown,
  isSecret: (fieldName: string) => boolean,
): { leads: AmoLead[]; bad: Array<{ id: number | null; message: string }>; next: string | null } {
  const { items, next } = list(input, 'leads');
  const leads: AmoLead[] = [];
  const bad: Array<{ id: number | null; message: string }> = [];
  for (const raw of items) {
    try {
      leads.push(parseLead(raw, isSecret));
    } catch (error) {
      const id = isObj(raw) && Number.isSafeInteger(raw.id) ? (raw.id as number) : null;
      bad.push({ id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { leads, bad, next };
}

// --- pipelines -----------------------------------------------------------------------------------

const StatusSchema = v.looseObject({ id: Id, name: Text, sort: v.fallback(v.number(), 0), type: v.fallback(v.number(), 0) });
const PipelineSchema = v.looseObject({
  id: Id,
  name: Text,
  is_main: v.fallback(v.boolean(), false),
  _embedded: v.looseObject({ statuses: v.array(StatusSchema) }),
});

export function parsePipelines(input: unknown): AmoPipeline[] {
  return list(input, 'pipelines').items.map((raw) => {
    const p = parse(PipelineSchema, raw, 'pipeline');
    return { id: p.id, name: p.name, isMain: p.is_main, statuses: p._embedded.statuses };
  });
}

// --- events --------------------------------------------------------------------------------------

const LeadStatus = v.looseObject({ lead_status: v.looseObject({ id: Id, pipeline_id: v.fallback(v.nullish(Id), null) }) });
const ResponsibleUser = v.looseObject({ responsible_user: v.looseObject({ id: Id }) });

/** An event whose `value_after` / `value_before` hold one value of the given shape. */
const eventSchema = <V extends v.GenericSchema>(value: V) =>
  v.looseObject({
    id: v.union([v.string(), v.number()]),
    type: v.string(),
    entity_id: Id,
    created_at: Seconds,
    value_after: v.tuple([value]),
    value_before: v.fallback(v.nullish(v.array(v.unknown())), null),
  });

/**
 * The events of one type on an events page: events of other types are passed over, one of an
 * unexpected shape is left out and its deal named in `skipped` (null when it has no readable id).
 */
function parseEventsOf<V extends v.GenericSchema, T>(
  input: unknown,
  type: string,
  value: V,
  make: (e: { id: string; leadId: number; at: number; after: v.InferOutput<V>; before: v.InferOutput<V> | null }) => T,
): Page<T> {
  const { items, next } = list(input, 'events');
  const schema = eventSchema(value);
  const out: T[] = [];
  const skipped: Array<number | null> = [];
  for (const raw of items) {
    if (isObj(raw) && raw.type !== type) continue;
    const r = v.safeParse(schema, raw);
    if (!r.success) {
      skipped.push(isObj(raw) && Number.isSafeInteger(raw.entity_id) ? (raw.entity_id as number) : null);
      continue;
    }
    const e = r.output;
    const before = v.safeParse(value, e.value_before?.[0]);
    out.push(
      make({
        id: String(e.id),
        leadId: e.entity_id,
        at: e.created_at,
        after: e.value_after[0] as v.InferOutput<V>,
        before: before.success ? before.output : null,
      }),
    );
  }
  return { items: out, next, skipped };
}

/** `lead_status_changed` events of any number of leads. */
export function parseStatusEvents(input: unknown): Page<AmoStatusChange> {
  return parseEventsOf(input, 'lead_status_changed', LeadStatus, (e) => ({
    id: e.id,
    leadId: e.leadId,
    at: e.at,
    fromStatusId: e.before?.lead_status.id ?? null,
    toStatusId: e.after.lead_status.id,
    pipelineId: e.after.lead_status.pipeline_id ?? null,
  }));
}

/**
 * `entity_responsible_changed` events (`value_before` / `value_after` =
 * `[{ responsible_user: { id } }]`, as public amoCRM integrations read them: docs/sites.md).
 */
export function parseResponsibleEvents(input: unknown): Page<AmoResponsibleChange> {
  return parseEventsOf(input, 'entity_responsible_changed', ResponsibleUser, (e) => ({
    id: e.id,
    leadId: e.leadId,
    at: e.at,
    fromUserId: e.before?.responsible_user.id ?? null,
    toUserId: e.after.responsible_user.id,
  }));
}

// --- notes ---------------------------------------------------------------------------------------

const NoteSchema = v.looseObject({
  id: Id,
  note_type: v.string(),
  created_at: Seconds,
  params: v.fallback(v.nullish(v.looseObject({ link: v.optional(v.unknown()), text: v.optional(v.unknown()) })), null),
});

/** Notes of a lead or a contact; a note of an unexpected shape is left out. */
export function parseNotes(input: unknown): Page<AmoNote> {
  const { items, next } = list(input, 'notes');
  const out: AmoNote[] = [];
  const skipped: Array<number | null> = [];
  for (const raw of items) {
    const r = v.safeParse(NoteSchema, raw);
    if (!r.success) {
      skipped.push(null);
      continue;
    }
    const n = r.output;
    const link = n.params?.link;
    const text = n.params?.text;
    out.push({
      id: n.id,
      type: n.note_type,
      at: n.created_at,
      link: typeof link === 'string' && link ? link : null,
      text: typeof text === 'string' ? text : null,
    });
  }
  return { items: out, next, skipped };
}

/** The id of the created note (POST answer). */
export function parseCreatedNote(input: unknown): number {
  const first = list(input, 'notes').items[0];
  return parse(v.looseObject({ id: Id }), first, 'created note').id;
}

// --- users ---------------------------------------------------------------------------------------

const UserSchema = v.looseObject({ id: Id, name: v.optional(v.string()) });

export function parseUsers(input: unknown): Page<AmoUser> {
  const { items, next } = list(input, 'users');
  return {
    items: items.map((raw) => {
      const u = parse(UserSchema, raw, 'user');
      return { id: u.id, name: u.name ?? `#${u.id}` };
    }),
    next,
    skipped: [],
  };
}
