// Deal → facts, by the names in settings.amocrm. Pure: no browser, no I/O.
import type { Client, NewClientEvent, Payer, Service, Stage } from '../model/facts';
import type { AmoCrmSettings } from '../playbook/settings-types';
import { norm, type DealRead } from './deal';
import type { AmoLead, AmoNote, AmoPipeline, AmoStatusChange } from './schemas';
import { wallClock, zonedInstant } from './zone';

export interface MappedDeal {
  client: Client;
  events: NewClientEvent[];
  /** Mapped stage of the deal now; null for a new deal or an unknown status. */
  stage: Stage | null;
  /** The status name when it maps to no stage and is not a new-deal status. */
  unknownStage: string | null;
  /** Configured field names the deal / account does not have. */
  missingFields: string[];
  /** Values of select fields that match none of the configured values. */
  unknownValues: { field: string; value: string }[];
}

export function stageOfName(name: string | null, amo: AmoCrmSettings): Stage | null {
  if (!name) return null;
  const n = norm(name);
  for (const [stage, label] of Object.entries(amo.stageNames) as [Stage, string][]) if (norm(label) === n) return stage;
  return null;
}

/** The credentials field: its value is dropped when read (only "filled / empty" is kept). */
export function isSecretField(amo: AmoCrmSettings): (fieldName: string) => boolean {
  const secret = norm(amo.fieldNames.credentials);
  return (name) => norm(name) === secret;
}

function pick<K extends string>(value: string | undefined, table: Record<K, string>): K | null {
  if (!value) return null;
  const n = norm(value);
  for (const [k, label] of Object.entries(table) as [K, string][]) if (norm(label) === n) return k;
  return null;
}

/** `nike_kz`, `@Nike_KZ`, `https://instagram.com/nike_kz/` → `nike_kz`; anything else → null. */
export function instagramOf(value: string | undefined): string | null {
  if (!value) return null;
  const m = /(?:instagram\.com\/)?@?([A-Za-z0-9._]{1,30})\/?(?:\?.*)?$/.exec(value.trim());
  return m ? m[1].toLowerCase() : null;
}

/** Date field text → `YYYY-MM-DD`: unix seconds (API), `DD.MM.YYYY` (page) or ISO. */
export function dateOfField(value: string | number | null | undefined, timeZone: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || /^\d{9,11}$/.test(value)) return wallClock(Number(value) * 1000, timeZone).date;
  let m = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(value);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * A call's key from its recording link: the one thing the API (`params.link`) and the feed
 * (`a.feed-note__call-player[href]`) both give — the feed's `data-id` is not the note's id — so
 * a call read in either mode is the same fact. FNV-1a, 52 bits, hex.
 */
export function linkKey(link: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < link.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(link.charCodeAt(i))) * 0x100000001b3n);
  return (h >> 12n).toString(16);
}

export interface ApiParts {
  host: string;
  lead: AmoLead;
  pipelines: AmoPipeline[];
  statusChanges: AmoStatusChange[];
  notes: AmoNote[];
  /** Names of the deal's fields (lower-cased, from the card), when known. */
  fieldNames: string[] | null;
  managerName: string | null;
  contactName: string | null;
}

/** Gathers the API answers into a DealRead. `timeZone` reads date fields. */
export function dealFromApi(parts: ApiParts, amo: AmoCrmSettings, timeZone: string): DealRead {
  const { lead } = parts;
  const statusName = new Map<number, string>();
  let newBefore = Number.POSITIVE_INFINITY;
  const pipeline = parts.pipelines.find((p) => p.id === lead.pipelineId);
  for (const p of parts.pipelines) for (const s of p.statuses) statusName.set(s.id, s.name);
  const contacted = pipeline?.statuses.find((s) => norm(s.name) === norm(amo.stageNames.contacted));
  if (contacted) newBefore = contacted.sort;
  const current = pipeline?.statuses.find((s) => s.id === lead.statusId);
  const fields: Record<string, string> = {};
  let credentialsFilled = false;
  let startDate: string | null = null;
  const isSecret = isSecretField(amo);
  for (const f of lead.fields) {
    const key = norm(f.name);
    if (isSecret(f.name)) {
      credentialsFilled = f.filled === true;
      continue;
    }
    const first = f.values[0]?.value;
    if (key === norm(amo.fieldNames.startDate)) startDate = dateOfField(typeof first === 'boolean' ? null : first, timeZone);
    if (first !== null && first !== undefined) fields[key] = String(first);
  }
  return {
    source: 'api',
    host: parts.host,
    leadId: lead.id,
    name: lead.name,
    statusName: current?.name ?? statusName.get(lead.statusId) ?? null,
    statusIsNew: !!current && lead.statusId !== 142 && lead.statusId !== 143 && (current.type === 1 || current.sort < newBefore),
    managerId: lead.responsibleUserId,
    managerName: parts.managerName,
    contactName: parts.contactName,
    price: lead.price,
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
    closedAt: lead.closedAt,
    lossReason: lead.lossReason,
    fields,
    // Empty fields are absent from the lead: without the account's field list, nothing is called missing.
    knownFields: parts.fieldNames,
    credentialsFilled,
    startDate,
    statusChanges: [...parts.statusChanges]
      .sort((a, b) => a.at - b.at)
      .filter((c) => statusName.has(c.toStatusId))
      .map((c) => ({
        id: c.id,
        at: c.at,
        fromStatusName: c.fromStatusId === null ? null : (statusName.get(c.fromStatusId) ?? null),
        toStatusName: statusName.get(c.toStatusId)!,
      })),
    calls: parts.notes
      .filter((n) => (n.type === 'call_in' || n.type === 'call_out') && n.link)
      .map((n) => ({ id: String(n.id), at: n.at, link: n.link! })),
  };
}

/**
 * A configured field the deal no longer has (renamed or deleted in amoCRM) keeps what was known
 * before: a missing field gets a notice and changes nothing.
 */
export function keepKnown(client: Client, prev: Client | null | undefined, missing: string[], amo: AmoCrmSettings): Client {
  if (!prev || missing.length === 0) return client;
  const f = amo.fieldNames;
  const gone = (name: string) => missing.includes(name);
  return {
    ...client,
    service: gone(f.service) ? prev.service : client.service,
    payer: gone(f.payer) ? prev.payer : client.payer,
    credentialsFilled: gone(f.credentials) ? prev.credentialsFilled : client.credentialsFilled,
    instagram: gone(f.instagram) ? prev.instagram : client.instagram,
  };
}

/** DealRead → the client record and the facts to report (natural ids, so re-reading is idempotent). */
export function mapDeal(deal: DealRead, amo: AmoCrmSettings, timeZone: string, now: number): MappedDeal {
  const clientId = `${deal.host.toLowerCase()}:${deal.leadId}`;
  const fieldsOf = amo.fieldNames;
  const missingFields: string[] = [];
  const unknownValues: { field: string; value: string }[] = [];
  if (deal.knownFields) {
    for (const name of [fieldsOf.service, fieldsOf.payer, fieldsOf.startDate, fieldsOf.credentials, fieldsOf.instagram]) {
      if (name && !deal.knownFields.includes(norm(name))) missingFields.push(name);
    }
  }
  const serviceText = deal.fields[norm(fieldsOf.service)];
  const payerText = deal.fields[norm(fieldsOf.payer)];
  const service = pick<Service>(serviceText, amo.serviceValues);
  const payer = pick<Payer>(payerText, amo.payerValues);
  if (serviceText && !service) unknownValues.push({ field: fieldsOf.service, value: serviceText });
  if (payerText && !payer) unknownValues.push({ field: fieldsOf.payer, value: payerText });
  const stage = stageOfName(deal.statusName, amo);
  const unknownStage = !stage && !deal.statusIsNew && deal.statusName ? deal.statusName : null;

  const client: Client = {
    id: clientId,
    host: deal.host.toLowerCase(),
    leadId: deal.leadId,
    name: deal.name,
    service,
    payer,
    managerId: deal.managerId,
    managerName: deal.managerName,
    instagram: instagramOf(deal.fields[norm(fieldsOf.instagram)]),
    credentialsFilled: deal.credentialsFilled,
    // A new deal's status («Новый клиент») is not a playbook stage, and not an unknown one either.
    stageName: deal.statusIsNew ? null : deal.statusName,
    lossReason: deal.lossReason,
    updatedAt: deal.updatedAt ?? now,
  };

  const events: NewClientEvent[] = [];
  const base = { clientId, source: 'amocrm' as const };
  if (deal.createdAt !== null)
    events.push({ ...base, id: `amo:created:${deal.leadId}`, type: 'deal-created', at: deal.createdAt });
  for (const change of deal.statusChanges) {
    const to = stageOfName(change.toStatusName, amo);
    if (to) events.push({ ...base, id: `amo:status:${change.id}`, type: 'stage', stage: to, at: change.at });
  }
  // A deal created straight into a mapped stage (or whose move there is not in the history the API
  // gave) has no status change leading to it. Only the API reads the history; the page has none.
  if (stage && deal.source === 'api' && !events.some((e) => e.type === 'stage' && e.stage === stage)) {
    const at =
      deal.statusChanges.length === 0 && deal.createdAt !== null ? deal.createdAt : (deal.closedAt ?? deal.updatedAt ?? now);
    events.push({ ...base, id: `amo:status:${deal.leadId}:current:${stage}`, type: 'stage', stage, at });
  }
  if (deal.startDate) {
    const at = Math.min(now, zonedInstant(deal.startDate, 0, timeZone));
    events.push({ ...base, id: `amo:start-date:${deal.startDate}`, type: 'start-date', date: deal.startDate, at });
  }
  for (const call of deal.calls) {
    if (call.at !== null)
      events.push({ ...base, id: `amo:call:${linkKey(call.link)}`, type: 'call-recording', link: call.link, at: call.at });
  }
  if (stage === 'lost' && deal.lossReason && amo.lossRefundMarker && norm(deal.lossReason).includes(norm(amo.lossRefundMarker))) {
    const lostAt = [...deal.statusChanges].reverse().find((c) => stageOfName(c.toStatusName, amo) === 'lost')?.at;
    if (lostAt !== undefined) events.push({ ...base, id: `amo:refund:${deal.leadId}`, type: 'refund', at: lostAt });
  }
  return { client, events: events.filter((e) => e.at <= now + 60_000), stage, unknownStage, missingFields, unknownValues };
}
