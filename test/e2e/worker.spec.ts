// The background worker in a real Chromium: messages in, alarms planned, wake-ups notify,
// a killed worker loses nothing, and forged senders are refused.
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { send, type Reply } from './send';

const HOST = 'smmpro.amocrm.ru';
const clientOf = (leadId: number, name: string) => ({
  id: `${HOST}:${leadId}`,
  host: HOST,
  leadId,
  name,
  service: 'management',
  payer: 'individual',
  managerId: 1,
  managerName: 'Анна',
  instagram: `e2e${leadId}`,
  credentialsFilled: true,
  stageName: null,
  updatedAt: Date.now(),
});

async function alarms(worker: Worker) {
  return worker.evaluate(() => chrome.alarms.getAll());
}

async function notificationIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

test('records events by message, plans alarms, and a wake-up notifies once', async ({ worker, openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  const now = Date.now();
  const a = clientOf(101, 'Кофейня «Зерно»');
  const synced = await send(page, 'client.sync', {
    client: a,
    events: [{ clientId: a.id, type: 'deal-created', at: now, source: 'amocrm' }],
  });
  expect(synced.ok).toBe(true);
  expect((synced.data as { recorded: number }).recorded).toBe(1);
  // The same fact again is stored once.
  const again = await send(page, 'client.sync', {
    client: a,
    events: [{ clientId: a.id, type: 'deal-created', at: now, source: 'amocrm' }],
  });
  expect((again.data as { recorded: number }).recorded).toBe(0);

  await expect.poll(async () => (await alarms(worker)).map((x) => x.name).sort()).toEqual(['next-wake', 'safety']);
  const wake = (await alarms(worker)).find((x) => x.name === 'next-wake')!;
  expect(wake.scheduledTime).toBeGreaterThan(now);

  // A deal that reached the database without a re-plan (as if the browser slept through its
  // deadline): written straight into IndexedDB from the extension page.
  const b = clientOf(102, 'Салон «Лотос»');
  await page.evaluate(
    ([client, at]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('reglament');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['clients', 'events'], 'readwrite');
          tx.objectStore('clients').put(client);
          tx.objectStore('events').put({
            id: `${client.id}|deal-created|${at}||`,
            clientId: client.id,
            type: 'deal-created',
            at,
            source: 'amocrm',
          });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [b, now - 2 * 24 * 3600_000] as const,
  );
  const breachId = `${b.id}|first-contact|first-contact|breach`;
  expect(await notificationIds(worker)).not.toContain(breachId);

  // Fire the real alarm now: the worker wakes, re-derives and shows what is due.
  await worker.evaluate(() => chrome.alarms.create('next-wake', { when: Date.now() + 50 }));
  await expect.poll(() => notificationIds(worker), { timeout: 60_000 }).toContain(breachId);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  // The next-wake alarm is planned again for what is still ahead (client A's deadline).
  await expect
    .poll(async () => (await alarms(worker)).find((x) => x.name === 'next-wake')?.scheduledTime ?? 0)
    .toBeGreaterThan(Date.now());

  // Nothing fires twice: dismiss it and wake again.
  await worker.evaluate((id) => chrome.notifications.clear(id), breachId);
  await worker.evaluate(() => chrome.alarms.create('next-wake', { when: Date.now() + 50 }));
  await page.waitForTimeout(1500);
  expect(await notificationIds(worker)).not.toContain(breachId);

  const agenda = await send(page, 'agenda.get', {});
  expect(agenda.ok).toBe(true);
  const overdue = (agenda.data as { overdue: { client: { id: string }; overdueFor: number }[] }).overdue;
  expect(overdue.map((e) => e.client.id)).toEqual([b.id]);
  expect(overdue[0].overdueFor).toBeGreaterThan(0);
});

test('a stopped service worker loses nothing and re-plans when it starts again', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  const page = await openExtensionPage('popup.html');
  const c = clientOf(201, 'Студия «Форма»');
  const t0 = Date.now();
  expect(
    (await send(page, 'client.sync', { client: c, events: [{ clientId: c.id, type: 'deal-created', at: t0, source: 'amocrm' }] }))
      .ok,
  ).toBe(true);
  expect(
    (
      await send(page, 'event.record', {
        event: { clientId: c.id, type: 'stage', stage: 'contacted', at: t0 + 1000, source: 'manager' },
      })
    ).ok,
  ).toBe(true);
  await expect.poll(async () => (await alarms(worker)).length).toBeGreaterThan(0);
  // Clear the alarms (so the re-plan on restart is visible) and mark this worker instance.
  await worker.evaluate(() => chrome.alarms.clearAll());
  await worker.evaluate(() => ((globalThis as unknown as { __e2eMark?: number }).__e2eMark = 1));

  // Stop the service worker the way Chrome does when it is idle (CDP), then detach.
  const session = await context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();

  // Any message wakes a fresh worker.
  const popup = await openExtensionPage('popup.html');
  const tick = await send(popup, 'event.record', {
    event: { clientId: c.id, type: 'stage', stage: 'questionnaire', at: t0 + 2000, source: 'manager' },
  });
  expect(tick.ok).toBe(true);
  const fresh = context.serviceWorkers()[0];
  expect(await fresh.evaluate(() => (globalThis as unknown as { __e2eMark?: number }).__e2eMark)).toBeUndefined();
  const events = await send(popup, 'client.events', { clientId: c.id });
  expect((events.data as { type: string }[]).map((e) => e.type)).toEqual(['deal-created', 'stage', 'stage']);
  await expect.poll(async () => (await alarms(fresh)).map((x) => x.name).sort()).toEqual(['next-wake', 'safety']);
});

test('unknown types, bad payloads and page-only messages are refused; nothing is half-applied', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  const unknown = await send(page, 'client.hack', {});
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  const c = clientOf(301, 'Пекарня');
  const bad = await send(page, 'client.sync', {
    client: c,
    events: [
      { clientId: c.id, type: 'deal-created', at: Date.now(), source: 'amocrm' },
      { clientId: c.id, type: 'post', at: 'yesterday', source: 'instagram' },
    ],
  });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(bad.error!.message).toContain('payload.events[1].at');
  expect((await send(page, 'clients.list', {})).data).toEqual([]);
  const del = await send(page, 'data.delete', { confirm: 'yes' });
  expect(del).toMatchObject({ ok: false, error: { code: 'invalid' } });
});

test('a web page cannot reach the worker; a content script cannot call page-only messages', async ({
  context,
  fakes,
  openExtensionPage,
}) => {
  void fakes;
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/detail/1001`);
  // The page's main world has no extension messaging; posting an envelope does nothing.
  const hasRuntime = await page.evaluate(
    () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
  );
  expect(hasRuntime).toBe('undefined');
  await page.evaluate(() => window.postMessage({ reglament: 1, type: 'data.delete', payload: { confirm: 'delete-all' } }, '*'));

  // The content script's isolated world (reached through CDP) is a real content-script sender.
  const cdp = await context.newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated')).toBe(true);
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated')!;
  const call = async (type: string, payload: unknown) => {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify({ reglament: 1, type, payload })})`,
      awaitPromise: true,
      returnByValue: true,
    });
    return result.value as Reply;
  };
  expect(await call('settings.set', { settings: { alarms: { quietHoursStart: '00:00' } } })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  expect(await call('backup.export', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await call('settings.view', {})).toMatchObject({ ok: true });
  // Another amoCRM account's client is out of reach.
  const foreign = clientOf(9, 'Чужой');
  const other = { ...foreign, id: 'other.amocrm.ru:9', host: 'other.amocrm.ru' };
  expect(await call('client.sync', { client: other, events: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  const popup = await openExtensionPage('popup.html');
  const settings = await send(popup, 'settings.get', {});
  expect((settings.data as { alarms: { quietHoursStart: string } }).alarms.quietHoursStart).not.toBe('00:00');
});
