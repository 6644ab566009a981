// The board in the worker: one message for every visible deal (known ones get an entry, unknown
// ones are named), deals read in one batch recorded idempotently, a board page's scope.
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { messageTypes } from '../../../lib/messaging/validate';
import { almaty, client, ev, page, setupWorker } from './helpers';

describe('board.view / board.sync', () => {
  it('answers known clients with their most urgent obligation and names the unknown ones', async () => {
    const { worker } = await setupWorker(almaty('2026-12-07T10:40'));
    const c = client(1);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    const view = await worker.handlers['board.view']({ clientIds: [c.id, 'smmpro.amocrm.ru:2', c.id] }, page);
    expect(view.entries).toEqual([
      {
        clientId: c.id,
        leadId: 1,
        stage: null,
        top: {
          rule: 'first-contact',
          title: expect.any(String),
          dueAt: almaty('2026-12-07T11:30'),
          overdue: false,
          workingTime: false,
        },
        overdue: 0,
      },
    ]);
    expect(view.unknown).toEqual(['smmpro.amocrm.ru:2']);
    expect(view.workingHours.open).toBe(true);
    expect(view.amocrm.stageNames.contacted).toBe('Связались с клиентом');
  });

  it('reads many clients at once the same way as one by one', async () => {
    const { worker } = await setupWorker(almaty('2026-12-07T10:40'));
    const ids: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const c = client(i);
      ids.push(c.id);
      await worker.handlers['client.sync'](
        { client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T09:00') + i * 60_000)] },
        page,
      );
    }
    const all = await worker.handlers['board.view']({ clientIds: ids }, page);
    const one = await worker.handlers['board.view']({ clientIds: [ids[7]] }, page);
    expect(all.entries).toHaveLength(40);
    expect(all.entries[7]).toEqual(one.entries[0]);
    expect(all.entries.filter((e) => e.top?.overdue)).toHaveLength(0);
  });

  it('records a batch of deals once and answers their entries', async () => {
    const { worker } = await setupWorker(almaty('2026-12-07T12:00'));
    const deals = [1, 2].map((id) => {
      const c = client(id);
      return { client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'), { id: `amo:created:${id}` })] };
    });
    const first = await worker.handlers['board.sync']({ deals }, page);
    expect(first.entries.map((e) => [e.leadId, e.overdue, e.top?.overdue])).toEqual([
      [1, 1, true],
      [2, 1, true],
    ]);
    const again = await worker.handlers['board.sync']({ deals }, page);
    expect(again.entries).toEqual(first.entries);
    expect((await worker.handlers['client.events']({ clientId: deals[0].client.id }, page)).length).toBe(1);
  });
});

describe('board messages from a page', () => {
  const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
  const amo = {
    id: 'ext-id',
    url: 'https://smmpro.amocrm.ru/leads/pipeline/1/',
    origin: 'https://smmpro.amocrm.ru',
    frameId: 0,
    tab: { id: 1 },
  };
  const insta = { id: 'ext-id', url: 'https://www.instagram.com/x/', frameId: 0, tab: { id: 2 } };
  const h = Object.fromEntries(messageTypes.map((t) => [t, vi.fn(async () => ({ ok: t }))])) as unknown as Handlers;
  const route = createRouter(h, () => self);
  const env = (type: string, payload: unknown) => ({ reglament: 1, type, payload });

  it('an amoCRM page asks about its own account only', async () => {
    expect(await route(env('board.view', { clientIds: ['smmpro.amocrm.ru:1'] }), amo)).toMatchObject({ ok: true });
    expect(await route(env('board.view', { clientIds: ['smmpro.amocrm.ru:1', 'other.amocrm.ru:2'] }), amo)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route(env('board.view', { clientIds: ['smmpro.amocrm.ru:1'] }), insta)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('bad payloads change nothing', async () => {
    expect(await route(env('board.view', { clientIds: 'smmpro.amocrm.ru:1' }), amo)).toMatchObject({
      error: { code: 'invalid' },
    });
    expect(await route(env('board.view', { clientIds: ['1'] }), amo)).toMatchObject({ error: { code: 'invalid' } });
    expect(await route(env('board.sync', { deals: [{ client: { id: 'x' }, events: [] }] }), amo)).toMatchObject({
      error: { code: 'invalid' },
    });
    expect(h['board.sync']).not.toHaveBeenCalled();
  });
});
