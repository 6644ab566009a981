// «Синхронизировать всё»: reads every lead of the configured pipeline (paged, 250 a page), the
// status and responsible-manager changes of those leads (one events request per ≤ 10 lead ids:
// amoCRM's limit; both types in it), and the
// users (manager names). With `since`, only leads updated since then are asked for
// (filter[updated_at][from] and If-Modified-Since), and only their events. A deal amoCRM answers
// in a shape we cannot read is reported in `failed`; the others sync.
import type { AmoClient } from '../client';
import { ApiError } from '../errors';
import {
  parseLeadsPage,
  parsePipelines,
  parseResponsibleEvents,
  parseStatusEvents,
  parseUsers,
  type AmoLead,
  type AmoPipeline,
  type AmoResponsibleChange,
  type AmoStatusChange,
} from '../schemas';
import { EVENTS_BATCH, eventsPath, leadsPath, PIPELINES_PATH } from './paths';

export { EVENTS_BATCH, EVENTS_PAGE, LEADS_PAGE } from './paths';

/** What the sync reads with: the worker's own client, or an amoCRM tab's (lib/record/tab-route.ts). */
export type TeamReader = Pick<AmoClient, 'get' | 'pages'>;

export interface TeamProgress {
  step: 'pipelines' | 'users' | 'leads' | 'events';
  leadsDone: number;
  eventsBatchesDone: number;
  eventsBatchesTotal: number | null;
}

/** A deal left out of the sync, and why (shown on the dashboard). */
export interface FailedDeal {
  leadId: number | null;
  message: string;
}

export interface TeamData {
  pipeline: AmoPipeline;
  users: Map<number, string>;
  leads: AmoLead[];
  changes: Map<number, AmoStatusChange[]>;
  /** Changes of each deal's responsible manager, oldest first (read with the status changes). */
  handovers: Map<number, AmoResponsibleChange[]>;
  failed: FailedDeal[];
}

export interface ReadTeamOptions {
  /** Pipeline name from settings; empty = the main pipeline. */
  pipelineName: string;
  /** Epoch ms of the last completed sync (incremental run), or null for everything. */
  since: number | null;
  isSecretField: (name: string) => boolean;
  onProgress?: (p: TeamProgress) => void;
}

export function choosePipeline(pipelines: AmoPipeline[], name: string): AmoPipeline {
  const wanted = name.trim().toLowerCase();
  const found = wanted
    ? pipelines.find((p) => p.name.trim().toLowerCase() === wanted)
    : (pipelines.find((p) => p.isMain) ?? pipelines[0]);
  if (!found) throw new Error(wanted ? `Воронка «${name}» не найдена в amoCRM` : 'В amoCRM нет ни одной воронки');
  return found;
}

export async function readTeam(client: TeamReader, options: ReadTeamOptions): Promise<TeamData> {
  const progress: TeamProgress = { step: 'pipelines', leadsDone: 0, eventsBatchesDone: 0, eventsBatchesTotal: null };
  const report = () => options.onProgress?.({ ...progress });
  report();
  const pipelinesBody = await client.get(PIPELINES_PATH);
  const pipeline = choosePipeline(pipelinesBody === null ? [] : parsePipelines(pipelinesBody), options.pipelineName);

  progress.step = 'users';
  report();
  const users = new Map<number, string>();
  for await (const body of client.pages('/api/v4/users?limit=250'))
    for (const u of parseUsers(body).items) users.set(u.id, u.name);

  progress.step = 'leads';
  report();
  const first = leadsPath(pipeline.id, options.since === null ? null : Math.floor(options.since / 1000));
  const leads: AmoLead[] = [];
  const failed: FailedDeal[] = [];
  for await (const body of client.pages(first, { ifModifiedSince: options.since })) {
    const page = parseLeadsPage(body, options.isSecretField);
    for (const lead of page.leads) if (lead.pipelineId === pipeline.id) leads.push(lead);
    for (const bad of page.bad) failed.push({ leadId: bad.id, message: bad.message });
    progress.leadsDone = leads.length;
    report();
  }

  progress.step = 'events';
  const batches: number[][] = [];
  for (let i = 0; i < leads.length; i += EVENTS_BATCH) batches.push(leads.slice(i, i + EVENTS_BATCH).map((l) => l.id));
  progress.eventsBatchesTotal = batches.length;
  report();
  const changes = new Map<number, AmoStatusChange[]>();
  const handovers = new Map<number, AmoResponsibleChange[]>();
  const unreadable = new Map<number, string>();
  const push = <T>(map: Map<number, T[]>, leadId: number, item: T) => {
    let list = map.get(leadId);
    if (!list) map.set(leadId, (list = []));
    list.push(item);
  };
  for (const ids of batches) {
    try {
      for await (const body of client.pages(eventsPath(ids))) {
        const page = parseStatusEvents(body);
        for (const change of page.items) push(changes, change.leadId, change);
        for (const leadId of page.skipped)
          for (const id of leadId === null ? ids : [leadId])
            unreadable.set(id, 'a status event amoCRM answered in an unexpected shape');
        // A handover we cannot read only leaves that deal's obligations with its present manager.
        for (const change of parseResponsibleEvents(body).items) push(handovers, change.leadId, change);
      }
    } catch (error) {
      // A batch whose history amoCRM would not give: those deals are reported, the others go on.
      if (!(error instanceof ApiError) || error.kind === 'auth' || error.kind === 'blocked') throw error;
      for (const id of ids) unreadable.set(id, error.message);
    }
    progress.eventsBatchesDone++;
    report();
  }
  for (const list of [...changes.values(), ...handovers.values()]) list.sort((a, b) => a.at - b.at);
  for (const [leadId, message] of unreadable) failed.push({ leadId, message });
  return { pipeline, users, leads: leads.filter((l) => !unreadable.has(l.id)), changes, handovers, failed };
}
