// From what the board shows and one batched leads read to the facts the worker records: which
// pipeline is the agency's, the deals it does not know yet, a card dragged to another column.
import type { NewClientEvent, Stage } from '../../model/facts';
import type { AmoCrmSettings } from '../../playbook/settings-types';
import { norm } from '../deal';
import type { AmoLead, AmoPipeline } from '../schemas';
import { dealFromApi, mapDeal, stageOfName, type MappedDeal } from '../mapping';
import { clientIdOf } from '../url';

export interface NamedStatus {
  statusId: number;
  name: string;
}

/** Stage columns of the agency's pipeline a board must show (at least two of them) to be the agency's. */
const AGENCY_STAGES: Stage[] = ['contacted', 'questionnaire', 'launched', 'notice-sent'];

/**
 * Whether these statuses are the agency's pipeline: at least two of the configured stage names
 * are among them. Another pipeline of the account (sales, partners) shows no chips.
 */
export function isAgencyPipeline(statuses: readonly NamedStatus[], amo: AmoCrmSettings): boolean {
  const names = new Set(statuses.map((s) => norm(s.name)));
  return AGENCY_STAGES.filter((stage) => amo.stageNames[stage] && names.has(norm(amo.stageNames[stage]))).length >= 2;
}

/** The board's columns as a pipeline (board order is amoCRM's `sort`): what the mapping needs, without asking the API. */
export function pipelineOfColumns(columns: readonly NamedStatus[], pipelineId: number | null): AmoPipeline {
  return {
    id: pipelineId ?? 0,
    name: '',
    isMain: pipelineId === null,
    statuses: columns.map((c, i) => ({ id: c.statusId, name: c.name, sort: (i + 1) * 10, type: 0 })),
  };
}

/** The agency's pipeline among the account's: by the configured name, else the one with its stages. */
export function agencyPipelineOf(pipelines: readonly AmoPipeline[], amo: AmoCrmSettings): AmoPipeline | null {
  if (amo.pipelineName) return pipelines.find((p) => norm(p.name) === norm(amo.pipelineName)) ?? null;
  return (
    pipelines.find((p) =>
      isAgencyPipeline(
        p.statuses.map((s) => ({ statusId: s.id, name: s.name })),
        amo,
      ),
    ) ??
    pipelines.find((p) => p.isMain) ??
    null
  );
}

export interface BoardDealsContext {
  host: string;
  pipeline: AmoPipeline;
  amo: AmoCrmSettings;
  timeZone: string;
  now: number;
}

/**
 * Deals read in one batch (no event history) → clients and facts. The stage is taken as entered
 * at the deal's last update: never earlier than the truth, so no deadline is shown as missed that
 * was not; opening the card later reads the real history (its earlier stage time wins).
 */
export function dealsFromLeads(leads: readonly AmoLead[], ctx: BoardDealsContext): MappedDeal[] {
  const statusIds = new Set(ctx.pipeline.statuses.map((s) => s.id));
  const out: MappedDeal[] = [];
  for (const lead of leads) {
    // Status ids are unique across an account's pipelines: a deal of another pipeline has none of these.
    if (!statusIds.has(lead.statusId)) continue;
    const deal = dealFromApi(
      {
        host: ctx.host,
        lead: { ...lead, pipelineId: ctx.pipeline.id },
        pipelines: [ctx.pipeline],
        statusChanges: [
          {
            id: `board-${lead.id}-${lead.statusId}`,
            leadId: lead.id,
            at: lead.updatedAt,
            fromStatusId: null,
            toStatusId: lead.statusId,
            pipelineId: null,
          },
        ],
        notes: [],
        fieldNames: null,
        managerName: null,
        contactName: null,
      },
      ctx.amo,
      ctx.timeZone,
    );
    out.push(mapDeal(deal, ctx.amo, ctx.timeZone, ctx.now));
  }
  return out;
}

/** The fact of a card dragged into a stage column; null when the column is no playbook stage. */
export function moveEvent(
  host: string,
  leadId: number,
  column: NamedStatus,
  amo: AmoCrmSettings,
  at: number,
): (NewClientEvent & { type: 'stage' }) | null {
  const stage = stageOfName(column.name, amo);
  if (!stage) return null;
  return {
    id: `amo:board-move:${leadId}:${column.statusId}:${at}`,
    clientId: clientIdOf(host, leadId),
    type: 'stage',
    stage,
    at,
    source: 'amocrm',
  };
}
