// «Синхронизировать всё» through an amoCRM tab: the sync's reads map to typed operations and back,
// the fake's `_links.next` pages included; anything else has no operation.
import { describe, expect, it } from 'vitest';
import { eventsPath, leadsPath, PIPELINES_PATH } from '@/lib/amocrm/team/paths';
import { checkTabRequest, readOpOfPath, readPath, TAB_MARK } from '@/lib/record/tab-ops';

const ORIGIN = 'https://smmpro.amocrm.ru';

describe('team sync reads as tab operations', () => {
  it('maps the sync’s first pages to operations and back', () => {
    expect(readOpOfPath(PIPELINES_PATH)).toEqual({ op: 'pipelines.read' });
    expect(readOpOfPath(leadsPath(3001, 1_773_295_200))).toEqual({
      op: 'leads.read',
      pipelineId: 3001,
      updatedFrom: 1_773_295_200,
      page: 1,
      ifModifiedSince: null,
    });
    expect(readOpOfPath(eventsPath([1001, 1002]))).toEqual({ op: 'events.read', leadIds: [1001, 1002], page: 1 });
    for (const path of [PIPELINES_PATH, leadsPath(3001, null), leadsPath(3001, 5, 4), eventsPath([1, 2, 3], 2)])
      expect(readPath(readOpOfPath(path)!)).toBe(path);
  });

  it('reads a next page of leads as given by amoCRM, on another host of the account', () => {
    const next = `https://shard151.amocrm.ru/api/v4/leads?filter%5Bpipeline_id%5D=3001&with=loss_reason&limit=250&page=2&order%5Bid%5D=asc`;
    const op = readOpOfPath(new URL(next).pathname + new URL(next).search)!;
    expect(op).toEqual({ op: 'leads.read', pipelineId: 3001, updatedFrom: null, page: 2, ifModifiedSince: null });
    expect(readPath(op)).toBe(leadsPath(3001, null, 2));
  });

  it.each([
    ['leads of no pipeline', '/api/v4/leads?limit=250'],
    ['leads by a filter of its own', '/api/v4/leads?filter[pipeline_id]=x'],
    ['events of another entity', eventsPath([1]).replace('filter%5Bentity%5D=lead', 'filter%5Bentity%5D=contact')],
    ['events of another type', eventsPath([1]).replace('entity_responsible_changed', 'lead_deleted')],
    ['events of one type only', '/api/v4/events?filter[entity]=lead&filter[type][]=lead_status_changed&filter[entity_id][]=1'],
    ['events of no lead', eventsPath([])],
    ['events of eleven leads', eventsPath(Array.from({ length: 11 }, (_, i) => i + 1))],
    ['a second page of pipelines', `${PIPELINES_PATH}?page=2`],
    ['a page past the limit', leadsPath(3001, null, 21)],
  ])('has no operation for %s', (_, path) => {
    expect(readOpOfPath(path)).toBeNull();
  });

  it('checks the team operations’ messages', () => {
    const leads = {
      [TAB_MARK]: 1,
      origin: ORIGIN,
      op: 'leads.read',
      pipelineId: 3001,
      updatedFrom: null,
      page: 1,
      ifModifiedSince: null,
    };
    expect(checkTabRequest(leads).ok).toBe(true);
    expect(checkTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'pipelines.read' }).ok).toBe(true);
    expect(checkTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'events.read', leadIds: [1, 2], page: 1 }).ok).toBe(true);
    expect(checkTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'events.read', leadIds: [], page: 1 }).ok).toBe(false);
    expect(checkTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'events.read', leadIds: Array(11).fill(1), page: 1 }).ok).toBe(
      false,
    );
    expect(checkTabRequest({ ...leads, pipelineId: 0 }).ok).toBe(false);
    expect(checkTabRequest({ ...leads, filter: { responsible_user_id: 1 } }).ok).toBe(false);
    expect(checkTabRequest({ [TAB_MARK]: 1, origin: ORIGIN, op: 'pipelines.read', page: 2 }).ok).toBe(false);
  });
});
