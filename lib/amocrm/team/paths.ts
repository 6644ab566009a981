// The paths «Синхронизировать всё» asks (lib/amocrm/team/read-team.ts), built in one place: the
// worker's own client asks them, and an amoCRM tab's API script builds them from a typed request
// (lib/record/tab-ops.ts) when the worker has no token, so a message never carries a path.
import { IDS_PER_REQUEST } from '../api';

/** Leads per page (amoCRM's largest `limit` of /api/v4/leads). */
export const LEADS_PAGE = 250;
/** Events per page. */
export const EVENTS_PAGE = 100;
/** Lead ids per events request: amoCRM's `filter[entity_id]` takes at most 10 (docs/sites.md). */
export const EVENTS_BATCH = IDS_PER_REQUEST;

export const PIPELINES_PATH = '/api/v4/leads/pipelines';

/** A pipeline's leads with their loss reasons, by id, since `updatedFrom` (Unix seconds) when given. */
export function leadsPath(pipelineId: number, updatedFrom: number | null, page = 1): string {
  const q = new URLSearchParams({
    'filter[pipeline_id]': String(pipelineId),
    with: 'loss_reason',
    limit: String(LEADS_PAGE),
    page: String(page),
    'order[id]': 'asc',
  });
  if (updatedFrom !== null) q.set('filter[updated_at][from]', String(updatedFrom));
  return `/api/v4/leads?${q.toString()}`;
}

/** The event types the sync reads: stage changes, and hand-overs to another responsible manager. */
export const TEAM_EVENT_TYPES = ['lead_status_changed', 'entity_responsible_changed'] as const;

/** The stage changes and hand-overs of up to EVENTS_BATCH leads. */
export function eventsPath(leadIds: readonly number[], page = 1): string {
  const q = new URLSearchParams({ 'filter[entity]': 'lead' });
  for (const type of TEAM_EVENT_TYPES) q.append('filter[type][]', type);
  q.set('limit', String(EVENTS_PAGE));
  q.set('page', String(page));
  for (const id of leadIds) q.append('filter[entity_id][]', String(id));
  return `/api/v4/events?${q.toString()}`;
}
