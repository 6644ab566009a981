// Content scripts learn only what their UI shows: their own amoCRM account's clients, no pay or fines.
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../lib/messaging/router';
import { almaty, client, ev, page, setupWorker } from '../worker/helpers';

const amo = (host: string): HandlerContext => ({ sender: { kind: 'content', site: 'amocrm', host } });
const insta: HandlerContext = { sender: { kind: 'content', site: 'instagram', host: 'www.instagram.com' } };

async function twoAccounts() {
  const at = almaty('2026-12-07T10:40');
  const s = await setupWorker(at);
  const ours = client(1, { name: 'Кофейня «Зерно»', instagram: 'zerno' });
  const theirs = client(2, { id: 'other.amocrm.ru:2', host: 'other.amocrm.ru', name: 'Чужой клиент', instagram: 'alien' });
  for (const c of [ours, theirs])
    await s.worker.handlers['client.sync']({ client: c, events: [ev(c, 'deal-created', almaty('2026-12-07T10:30'))] }, page);
  return { ...s, ours, theirs };
}

describe('least privilege for content scripts', () => {
  it('gives a content script settings without pay or fines', async () => {
    const { worker } = await twoAccounts();
    const view = await worker.handlers['settings.view']({}, amo('smmpro.amocrm.ru'));
    expect(view).not.toHaveProperty('motivation');
    expect(view).not.toHaveProperty('alarms');
    expect(JSON.stringify(view)).not.toMatch(/baseSalary|Penalty|Fine/);
    expect(view.templates.firstCallScript.text).toBeTruthy();
    expect((await worker.handlers['settings.get']({}, page)).motivation.baseSalary).toBeGreaterThan(0);
  });

  it('lists, finds and plans only clients of the sender’s own amoCRM account', async () => {
    const { worker, ours, theirs } = await twoAccounts();
    const list = await worker.handlers['clients.list']({}, amo('other.amocrm.ru'));
    expect(list.map((c) => c.id)).toEqual([theirs.id]);
    expect((await worker.handlers['clients.list']({}, page)).map((c) => c.id).sort()).toEqual([ours.id, theirs.id].sort());
    const agenda = await worker.handlers['agenda.get']({}, amo('other.amocrm.ru'));
    const ids = [...agenda.overdue, ...agenda.today, ...agenda.tomorrow].map((e) => e.client.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id === theirs.id)).toBe(true);
    expect(agenda.round?.accounts.every((a) => a.client.id === theirs.id) ?? true).toBe(true);
    expect(await worker.handlers['client.byInstagram']({ username: 'zerno' }, amo('other.amocrm.ru'))).toBeNull();
    expect(await worker.handlers['client.view']({ clientId: ours.id }, amo('other.amocrm.ru'))).toBeNull();
    expect((await worker.handlers['client.byInstagram']({ username: 'zerno' }, amo('smmpro.amocrm.ru')))?.client.id).toBe(
      ours.id,
    );
  });

  it('gives the Instagram sidebar names and accounts, the round only, nothing about deals', async () => {
    const { worker, ours } = await twoAccounts();
    const list = await worker.handlers['clients.list']({}, insta);
    expect(list).toHaveLength(2);
    for (const c of list) expect(c).toMatchObject({ service: null, payer: null, managerName: null, dealUrl: '' });
    expect(list.find((c) => c.id === ours.id)).toMatchObject({ name: 'Кофейня «Зерно»', instagram: 'zerno' });
    const agenda = await worker.handlers['agenda.get']({}, insta);
    expect([...agenda.overdue, ...agenda.today, ...agenda.tomorrow, ...agenda.missedWhileAway]).toEqual([]);
    for (const a of agenda.round?.accounts ?? []) expect(a.client.managerName).toBeNull();
  });
});
