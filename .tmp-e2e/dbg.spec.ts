import { test } from './fixtures';
test('dbg', async ({ context, worker, openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await worker.evaluate(() => ((globalThis as unknown as { __m: number }).__m = 1));
  const session = await context.newCDPSession(page);
  const versions: unknown[] = [];
  session.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(e));
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(1000);
  console.log(JSON.stringify(versions.slice(-3)));
  console.log('workers', context.serviceWorkers().length);
  try { console.log('old', await worker.evaluate(() => (globalThis as unknown as { __m: number }).__m)); } catch (e) { console.log('old err', String(e).slice(0, 100)); }
  await page.evaluate(() => chrome.runtime.sendMessage({ reglament: 1, type: 'clients.list', payload: {} }));
  await page.waitForTimeout(500);
  console.log('workers', context.serviceWorkers().length, context.serviceWorkers().map((w) => w.url()));
  for (const w of context.serviceWorkers()) { try { console.log('m', await w.evaluate(() => (globalThis as unknown as { __m: number }).__m)); } catch (e) { console.log('err', String(e).slice(0, 100)); } }
});
