import { describe, expect, it, vi } from 'vitest';
import * as repo from '../../../lib/store/repo';
import { createWorker } from '../../../lib/worker/service';
import { almaty, client, ev, fakeEffects, freshDb, offline, page, setupWorker as setup } from './helpers';

describe('worker service', () => {
  it('syncs a client, records events once and returns its view', async () => {
    const { worker } = await setup(almaty('2026-12-07T10:40'));
    const c = client(1);
    const events = [ev(c, 'deal-created', almaty('2026-12-07T10:30'))];
    const first = await worker.handlers['client.sync']({ client: c, events }, page);
    expect(first.recorded).toBe(1);
    const again = await worker.handlers['client.sync']({ client: c, events }, page);
    expect(again.recorded).toBe(0);
    const contact = first.view.obligations.find((o) => o.rule === 'first-contact');
    expect(contact?.dueAt).toBe(almaty('2026-12-07T11:30'));
    expect(contact?.state).toBe('open');
  });

  it('plans the warning, then the breach, and notifies each once', async () => {
    const { worker, fx, setNow } = await setup(almaty('2026-12-07T10:40'));
    const c = client(2);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    const r1 = await worker.replan();
    expect(r1.nextWakeAt).toBe(almaty('2026-12-07T11:15'));
    setNow(almaty('2026-12-07T11:16'));
    const r2 = await worker.replan();
    expect(r2.shown).toEqual([`${c.id}|first-contact|first-contact|warning`]);
    expect(fx.shown.at(-1)?.title).toContain('Клиент 2');
    expect(fx.shown.at(-1)?.buttons).toEqual(['Открыть сделку', 'Отложить 15 мин']);
    expect((await worker.replan()).shown).toEqual([]);
    setNow(almaty('2026-12-07T11:31'));
    const r3 = await worker.replan();
    expect(r3.shown).toEqual([`${c.id}|first-contact|first-contact|breach`]);
    expect(r3.overdue).toBe(1);
    expect(fx.badges.at(-1)).toBe(1);
    // Meeting it clears the badge.
    await worker.handlers['event.record']({ event: ev(c, 'stage', almaty('2026-12-07T11:40'), { stage: 'contacted' }) }, page);
    setNow(almaty('2026-12-07T11:41'));
    expect((await worker.replan()).overdue).toBe(0);
  });

  it('delete-all answers what it deleted even when the re-plan after it fails (no badge API)', async () => {
    const { worker, fx, db } = await setup(almaty('2026-12-07T10:40'));
    const c = client(9);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    fx.effects.badge = async () => {
      throw new TypeError('browser.action is undefined');
    };
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    try {
      const r = await worker.handlers['data.delete']({ confirm: 'delete-all' }, page);
      expect(r.deleted).toEqual({ clients: 1, events: 1 });
      expect(await repo.listClients(db)).toEqual([]);
      expect(JSON.stringify(errors.map(String))).toContain('re-plan after delete failed');
    } finally {
      spy.mockRestore();
    }
  });

  it('snoozes a shown notification for 15 minutes', async () => {
    const { worker, fx, setNow } = await setup(almaty('2026-12-07T11:16'));
    const c = client(3);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    await worker.replan();
    const id = fx.shown[0].id;
    expect(id).toMatch(/warning$/);
    await worker.snooze(id);
    expect(fx.wakes.at(-1)).toBe(almaty('2026-12-07T11:30'));
    setNow(almaty('2026-12-07T11:25'));
    expect((await worker.replan()).shown).toEqual([]);
  });

  it('rejects events for unknown clients and keeps nothing', async () => {
    const { worker } = await setup(almaty('2026-12-07T10:40'));
    const c = client(4);
    await expect(worker.handlers['event.record']({ event: ev(c, 'post', almaty('2026-12-07T10:00')) }, page)).rejects.toThrow(
      /No client/,
    );
    expect(await worker.handlers['client.events']({ clientId: c.id }, page)).toEqual([]);
  });

  it('shows missedWhileAway once, to an extension page', async () => {
    const { worker, db, setNow } = await setup(almaty('2026-12-07T10:31'));
    const c = client(5);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    await worker.replan();
    // The browser is closed from 10:31 to 14:00; first-contact fell due at 11:30.
    setNow(almaty('2026-12-07T14:00'));
    await worker.start();
    const content = { sender: { kind: 'content' as const, site: 'amocrm' as const, host: 'smmpro.amocrm.ru' } };
    expect((await worker.handlers['agenda.get']({}, content)).missedWhileAway).toHaveLength(1);
    const agenda = await worker.handlers['agenda.get']({}, page);
    expect(agenda.missedWhileAway.map((e) => e.obligation.rule)).toEqual(['first-contact']);
    expect(agenda.overdue[0].overdueFor).toBe(almaty('2026-12-07T14:00') - almaty('2026-12-07T11:30'));
    expect((await worker.handlers['agenda.get']({}, page)).missedWhileAway).toEqual([]);
    void db;
  });

  it('answers an extension page a first screen with the totals, a content script the whole lists, and a change at once', async () => {
    const { worker, db, setNow } = await setup(almaty('2026-12-07T13:00'));
    for (let i = 20; i < 25; i++) {
      const c = client(i);
      await repo.putClient(db, c);
      await repo.recordEvents(db, [ev(c, 'deal-created', almaty('2026-12-07T12:50'))]);
    }
    const whole = await worker.handlers['agenda.get']({}, page);
    expect(whole.today).toHaveLength(5);
    expect(whole.totals).toBeUndefined();
    const first = await worker.handlers['agenda.get']({ limit: 3 }, page);
    expect(first.today).toEqual(whole.today.slice(0, 3));
    expect(first.totals).toEqual({ overdue: 0, today: 5, tomorrow: 0 });
    // Room for every row: nothing to cut, no totals.
    expect((await worker.handlers['agenda.get']({ limit: 5 }, page)).totals).toBeUndefined();
    const content = { sender: { kind: 'content' as const, site: 'amocrm' as const, host: 'smmpro.amocrm.ru' } };
    expect((await worker.handlers['agenda.get']({ limit: 3 }, content)).today).toHaveLength(5);
    // The first call falls due: stated overdue from the same derivation, no change needed.
    setNow(almaty('2026-12-07T13:51'));
    expect((await worker.handlers['agenda.get']({}, page)).overdue).toHaveLength(5);
    // A call made: that client leaves the lists at once.
    const called = client(22);
    await worker.handlers['event.record'](
      { event: ev(called, 'stage', almaty('2026-12-07T13:51'), { stage: 'contacted' }) },
      page,
    );
    const after = await worker.handlers['agenda.get']({}, page);
    expect(after.overdue.map((e) => e.client.id)).not.toContain(called.id);
    expect(after.overdue).toHaveLength(4);
  });

  it('collapses many missed notifications into one summary', async () => {
    const { worker, fx, db } = await setup(almaty('2026-12-07T13:00'));
    for (let i = 10; i < 15; i++) {
      const c = client(i);
      await repo.putClient(db, c);
      await repo.recordEvents(db, [ev(c, 'deal-created', almaty('2026-12-07T10:30'))]);
    }
    const r = await worker.replan();
    expect(r.shown).toHaveLength(1);
    expect(fx.shown[0].title).toBe('Reglament: 5 напоминаний');
    expect((await worker.replan()).shown).toEqual([]);
  });

  it('keeps the token secret', async () => {
    const { worker } = await setup(almaty('2026-12-07T10:40'));
    expect(await worker.handlers['token.status']({}, page)).toEqual({ set: false, setAt: null, last4: null, origin: null });
    const status = await worker.handlers['token.set']({ token: 'secret-token-123', origin: 'https://smmpro.amocrm.ru' }, page);
    expect(status).toMatchObject({ set: true, last4: '-123', origin: 'https://smmpro.amocrm.ru' });
    expect(JSON.stringify(status)).not.toContain('secret-token');
    const backup = await worker.handlers['backup.export']({}, page);
    expect(backup.json).not.toContain('secret-token-123');
    expect(JSON.stringify(await worker.handlers['settings.get']({}, page))).not.toContain('secret-token-123');
    expect((await worker.handlers['token.clear']({}, page)).set).toBe(false);
  });

  it('warns about a launched deal without start date or credentials', async () => {
    const { worker } = await setup(almaty('2026-12-10T12:00'));
    const c = client(6, { credentialsFilled: false });
    const r = await worker.handlers['client.sync'](
      {
        client: c,
        events: [
          ev(c, 'deal-created', almaty('2026-12-07T10:30')),
          ev(c, 'stage', almaty('2026-12-09T10:30'), { stage: 'launched' }),
        ],
      },
      page,
    );
    expect(r.view.stage).toBe('launched');
    expect(r.view.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['launched-without-start-date', 'launched-without-credentials']),
    );
  });

  it('the view tells the working hours by the business calendar (a KZ holiday is closed)', async () => {
    const { worker, setNow } = await setup(almaty('2026-12-16T12:00'));
    const c = client(7);
    await worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
    // Wednesday 16 December is Independence Day: closed at noon, open Thursday 10:00.
    expect((await worker.handlers['client.view']({ clientId: c.id }, page))!.workingHours).toEqual({
      open: false,
      nextOpening: almaty('2026-12-17T10:00'),
    });
    setNow(almaty('2026-12-17T12:00'));
    expect((await worker.handlers['client.view']({ clientId: c.id }, page))!.workingHours).toEqual({
      open: true,
      nextOpening: null,
    });
  });

  it('opens the options page at a section, and the dashboard at a client, for a content script', async () => {
    const db = await freshDb();
    const opened: string[] = [];
    const openPage = async (page: string, anchor: string | null) => void opened.push(`${page}#${anchor ?? ''}`);
    const worker = createWorker({
      db: async () => db,
      now: () => 0,
      effects: fakeEffects().effects,
      agendaUrl: 'x',
      openPage,
      record: { fetch: offline, later: () => undefined },
    });
    const content = { sender: { kind: 'content' as const, site: 'amocrm' as const, host: 'smmpro.amocrm.ru' } };
    expect(await worker.handlers['options.open']({ section: 'newClients' }, content)).toEqual({ opened: true });
    await worker.handlers['options.open']({}, content);
    await worker.handlers['dashboard.open']({ clientId: 'smmpro.amocrm.ru:1004' }, content);
    expect(opened).toEqual(['options.html#new-clients', 'options.html#', 'dashboard.html#plans/smmpro.amocrm.ru:1004']);
  });
});
