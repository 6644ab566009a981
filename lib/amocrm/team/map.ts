// Maps amoCRM leads (with their status changes) to Reglament clients and facts, by the names in
// settings.amocrm (stage names, field names, select values). Ids are natural so a second sync
// records nothing twice: `amo:created:{leadId}`, `amo:status:{eventId}`, `amo:start:{leadId}:{date}`.
// Written here because lib/amocrm/mapping.ts (the overlay's) did not exist when the team sync
// was built; the two should converge on one mapping.
import type { BusinessCalendar } from '../../calendar';
import type { Client, NewClientEvent, Payer, Service, Stage } from '../../model/facts';
import type { Settings } from '../../playbook/settings';
import type { AmoLead, AmoPipeline } from '../guards';
import type { AmoLeadStatusChange } from './guards';

export interface MapContext {
  host: string;
  pipeline: AmoPipeline;
  users: Map<number, string>;
  settings: Settings;
  cal: BusinessCalendar;
  now: number;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

export function stageOfName(name: string | null | undefined, settings: Settings): Stage | null {
  if (!name) return null;
  const n = norm(name);
  for (const [stage, label] of Object.entries(settings.amocrm.stageNames) as Array<[Stage, string]>) if (norm(label) === n) return stage;
  return null;
}

function fieldText(lead: AmoLead, name: string): string | null {
  const f = lead.fields.find((x) => norm(x.name) === norm(name));
  const v = f?.values[0]?.value;
  return v === null || v === undefined || v === '' ? null : String(v);
}

function enumOf<K extends string>(text: string | null, values: Record<K, string>): K | null {
  if (!text) return null;
  for (const [k, label] of Object.entries(values) as Array<[K, string]>) if (norm(label) === norm(text)) return k;
  return null;
}

export function isSecretFieldName(settings: Settings): (name: string) => boolean {
  return (name) => norm(name) === norm(settings.amocrm.fieldNames.credentials);
}

export function mapLead(lead: AmoLead, changes: readonly AmoLeadStatusChange[], ctx: MapContext): { client: Client; events: NewClientEvent[] } {
  const { settings, cal } = ctx;
  const fn = settings.amocrm.fieldNames;
  const clientId = `${ctx.host}:${lead.id}`;
  const statusName = (id: number) => ctx.pipeline.statuses.find((s) => s.id === id)?.name ?? null;
  const rawInstagram = fieldText(lead, fn.instagram)?.replace(/^@/, '').toLowerCase() ?? null;
  const instagram = rawInstagram && /^[a-z0-9._]{1,30}$/.test(rawInstagram) ? rawInstagram : null;
  const credentials = lead.fields.find((x) => norm(x.name) === norm(fn.credentials));
  const client: Client = {
    id: clientId,
    host: ctx.host,
    leadId: lead.id,
    name: lead.name || `Сделка #${lead.id}`,
    service: enumOf<Service>(fieldText(lead, fn.service), settings.amocrm.serviceValues),
    payer: enumOf<Payer>(fieldText(lead, fn.payer), settings.amocrm.payerValues),
    managerId: lead.responsibleUserId,
    managerName: lead.responsibleUserId === null ? null : (ctx.users.get(lead.responsibleUserId) ?? null),
    instagram,
    credentialsFilled: credentials?.filled ?? false,
    stageName: statusName(lead.statusId),
    lossReason: lead.lossReason,
    updatedAt: lead.updatedAt,
  };
  const events: NewClientEvent[] = [{ id: `amo:created:${lead.id}`, clientId, type: 'deal-created', at: lead.createdAt, source: 'amocrm' }];
  for (const c of changes) {
    const stage = stageOfName(statusName(c.toStatusId), settings);
    if (stage) events.push({ id: `amo:status:${c.id}`, clientId, type: 'stage', stage, at: c.at, source: 'amocrm' });
  }
  // A lead created straight into a mapped stage has no status change for it.
  const current = stageOfName(client.stageName, settings);
  if (current && !events.some((e) => e.type === 'stage' && e.stage === current)) {
    events.push({ id: `amo:status:${lead.id}:current:${current}`, clientId, type: 'stage', stage: current, at: lead.closedAt ?? lead.updatedAt, source: 'amocrm' });
  }
  const start = lead.fields.find((x) => norm(x.name) === norm(fn.startDate))?.values[0]?.value;
  if (typeof start === 'number' && Number.isFinite(start) && start > 0) {
    const date = cal.localDateOf(start * 1000);
    const midnight = cal.atLocal(date, 0);
    events.push({ id: `amo:start:${lead.id}:${date}`, clientId, type: 'start-date', date, at: Math.max(lead.createdAt, Math.min(midnight, ctx.now)), source: 'amocrm' });
  } else if (typeof start === 'string' && /^\d{4}-\d{2}-\d{2}/.test(start)) {
    const date = start.slice(0, 10);
    events.push({ id: `amo:start:${lead.id}:${date}`, clientId, type: 'start-date', date, at: Math.max(lead.createdAt, Math.min(cal.atLocal(date, 0), ctx.now)), source: 'amocrm' });
  }
  return { client, events };
}
