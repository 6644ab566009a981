import { expect, test } from './fixtures';
test('debug cookies', async ({ openExtensionPage, fakes, context }) => {
  const page = await openExtensionPage('options.html');
  console.log(JSON.stringify(await context.cookies('https://smmpro.amocrm.ru')));
  const r = await page.evaluate(async () => {
    const res = await fetch('https://smmpro.amocrm.ru/api/v4/leads/pipelines', { credentials: 'include' });
    return res.status;
  });
  console.log('status', r);
  const p2 = await context.newPage();
  await p2.goto('https://smmpro.amocrm.ru/leads/detail/1001').catch(e => console.log(String(e)));
  console.log(JSON.stringify(await context.cookies('https://smmpro.amocrm.ru')));
  const r2 = await page.evaluate(async () => (await fetch('https://smmpro.amocrm.ru/api/v4/leads/pipelines', { credentials: 'include' })).status);
  console.log('status2', r2);
  expect(fakes).toBeTruthy();
});
