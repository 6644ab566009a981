// «Синхронизировать всё»: reads every lead of the configured pipeline (paged, 250 a page), the
// status changes of those leads (batched by lead id), and the users (manager names). With
// `since`, only leads updated since then are asked for (filter[updated_at][from] and
// If-Modified-Since), and only their events.
import { parseLead, parsePipelines, type AmoLead, type AmoPipeline } from '../guards';
import { nextOf, parseLeadStatusEvents, parseUsers, type AmoLeadStatusChange } from './guards';
import type { TeamReader } from './reader';

export const LEADS_PAGE = 250;
export const EVENTS_PAGE = 100;
/** Lead ids per events request (keeps the URL short; amoCRM accepts arrays of ids). */
export const EVENTS_BATCH = 50;

export interface TeamProgress {
  step: 'pipelines' | 'users' | 'leads' | 'events';
  leadsDone: number;
  eventsBatchesDone: number;
  eventsBatchesTotal: number | null;
}

export interface TeamData {
  pipeline: AmoPipeline;
  users: Map<number, string>;
  leads: AmoLead[];
  changes: Map<number, AmoLeadStatusChange[]>;
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

/** Follows `_links.next` (amoCRM gives absolute URLs) until there is none or a page is empty. */
async function* pages(reader: TeamReader, first: string, ifModifiedSince: number | null = null): AsyncGenerator<unknown> {
  let url: string | null = first;
  let firstPage = true;
  while (url) {
    const body = await reader.get(url, firstPage ? { ifModifiedSince } : {});
    firstPage = false;
    if (body === null) return;
    yield body;
    url = nextOf(body);
  }
}

export async function readTeam(reader: TeamReader, options: ReadTeamOptions): Promise<TeamData> {
  const progress: TeamProgress = { step: 'pipelines', leadsDone: 0, eventsBatchesDone: 0, eventsBatchesTotal: null };
  const report = () => options.onProgress?.({ ...progress });
  report();
  const pipelinesBody = await reader.get('/api/v4/leads/pipelines');
  const pipeline = choosePipeline(pipelinesBody === null ? [] : parsePipelines(pipelinesBody), options.pipelineName);

  progress.step = 'users';
  report();
  const users = new Map<number, string>();
  for await (const body of pages(reader, '/api/v4/users?limit=250'))
    for (const u of parseUsers(body).items) users.set(u.id, u.name);

  progress.step = 'leads';
  report();
  const q = new URLSearchParams({
    'filter[pipeline_id]': String(pipeline.id),
    with: 'loss_reason',
    limit: String(LEADS_PAGE),
    page: '1',
    'order[id]': 'asc',
  });
  if (options.since !== null) q.set('filter[updated_at][from]', String(Math.floor(options.since / 1000)));
  const leads: AmoLead[] = [];
  for await (const body of pages(reader, `/api/v4/leads?${q.toString()}`, options.since)) {
    const list = (body as { _embedded?: { leads?: unknown } })._embedded?.leads;
    if (!Array.isArray(list)) break;
    for (const raw of list) {
      const lead = parseLead(raw, options.isSecretField);
      if (lead.pipelineId === pipeline.id) leads.push(lead);
    }
    progress.leadsDone = leads.length;
    report();
  }

  progress.step = 'events';
  const batches: number[][] = [];
  for (let i = 0; i < leads.length; i += EVENTS_BATCH) batches.push(leads.slice(i, i + EVENTS_BATCH).map((l) => l.id));
  progress.eventsBatchesTotal = batches.length;
  report();
  const changes = new Map<number, AmoLeadStatusChange[]>();
  for (const ids of batches) {
    const eq = new URLSearchParams({
      'filter[entity]': 'lead',
      'filter[type]': 'lead_status_changed',
      limit: String(EVENTS_PAGE),
      page: '1',
    });
    for (const id of ids) eq.append('filter[entity_id][]', String(id));
    for await (const body of pages(reader, `/api/v4/events?${eq.toString()}`)) {
      for (const change of parseLeadStatusEvents(body).items) {
        let list = changes.get(change.leadId);
        if (!list) changes.set(change.leadId, (list = []));
        list.push(change);
      }
    }
    progress.eventsBatchesDone++;
    report();
  }
  for (const list of changes.values()) list.sort((a, b) => a.at - b.at);
  return { pipeline, users, leads, changes };
}
