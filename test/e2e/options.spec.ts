// The options page in a real Chromium: every group, validation under the field, a setting that
// changes the popup's countdown, the amoCRM check against the fake account, the token, backup
// (a corrupt import changes nothing), «Удалить все данные», the language switch and axe-core.
import { countdownText } from './countdown';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { send, roundTheClock } from './send';
import { MINUTE as MIN } from '../../lib/calendar/time';

const HOST = 'smmpro.amocrm.ru';

function clientOf(leadId: number, name: string) {
  return {
    id: `${HOST}:${leadId}`,
    host: HOST,
    leadId,
    name,
    service: 'management',
    payer: 'legal',
    managerId: 1,
    managerName: 'Данияр',
    instagram: `opt${leadId}`,
    credentialsFilled: false,
    stageName: null,
    updatedAt: Date.now(),
  };
}

async function openOptions(openExtensionPage: (p: string) => Promise<Page>, hash = '') {
  const page = await openExtensionPage(`options.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

test('every group is there with defaults; #amocrm scrolls to the mapping; axe-clean', async ({
  openExtensionPage,
  pageErrors,
}) => {
  const page = await openOptions(openExtensionPage);
  for (const id of [
    'calendar',
    'new-clients',
    'current-clients',
    'alarms',
    'motivation',
    'people',
    'amocrm',
    'templates',
    'backup',
  ]) {
    await expect(page.locator(`section#${id}`)).toBeVisible();
  }
  await expect(page.getByLabel('Первый звонок: в течение', { exact: true })).toHaveValue('60');
  // Every leaf of the settings has its field on the page. Only call scripts and the messenger text
  // have no e-mail subject to edit (settings-types: «empty for call scripts and messengers»).
  const settings = (await send(page, 'settings.get', {})).data;
  const leaves = (v: unknown, at = ''): string[] =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v).flatMap(([k, x]) => leaves(x, at ? `${at}.${k}` : k))
      : [at];
  const hidden = ['firstCallScript', 'renewalScript', 'followerQuestion'].map((id) => `templates.${id}.subject`);
  const rendered = await page.locator('[data-path]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
  expect([...new Set(rendered)].sort()).toEqual(
    leaves(settings)
      .filter((p) => !hidden.includes(p))
      .sort(),
  );
  expect(rendered.length).toBe(new Set(rendered).size);
  await expect(page.locator('[data-path="newClients.firstContactMinutes"]')).toContainText('По умолчанию: 60 мин');
  // Kazakhstan holidays for this and next year, as the engine sees them
  const year = new Date().getFullYear();
  await expect(page.getByTestId('holidays')).toContainText(`${year}`);
  await expect(page.getByTestId('holidays')).toContainText('Наурыз');
  // template preview is filled with the sample client
  await expect(page.getByTestId('preview-invoiceLegal')).toContainText('Кофейня «Зерно»');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/screenshots/options.png' });

  const anchored = await openOptions(openExtensionPage, '#amocrm');
  await expect
    .poll(() => anchored.locator('section#amocrm').evaluate((el) => Math.round(el.getBoundingClientRect().top)))
    .toBeLessThan(150);
  expect(pageErrors).toEqual([]);
});

test('an invalid value says what is wrong and is not saved', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage);
  const input = page.getByLabel('Первый звонок: в течение', { exact: true });
  await input.fill('час');
  await input.press('Tab');
  await expect(page.getByTestId('error-newClients.firstContactMinutes')).toHaveText('Нужно целое число от 1 до 1440.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  expect((await send(page, 'settings.get', {})).data.newClients.firstContactMinutes).toBe(60);

  const end = page.getByLabel('Конец рабочего дня', { exact: true });
  await end.fill('09:00');
  await end.press('Tab');
  await expect(page.getByTestId('error-calendar.workEnd')).toContainText('позже');
  expect((await send(page, 'settings.get', {})).data.calendar.workEnd).toBe('20:00');

  // fixing the value saves it and clears the message
  await input.fill('90');
  await input.press('Tab');
  await expect(page.getByTestId('error-newClients.firstContactMinutes')).toHaveCount(0);
  await expect.poll(async () => (await send(page, 'settings.get', {})).data.newClients.firstContactMinutes).toBe(90);

  // per-group reset
  await page.getByRole('button', { name: 'Сбросить раздел «Новые клиенты» к значениям по умолчанию' }).click();
  await expect.poll(async () => (await send(page, 'settings.get', {})).data.newClients.firstContactMinutes).toBe(60);
  await expect(input).toHaveValue('60');
});

test('first-contact 60 → 120 minutes moves the popup countdown of a client created 40 minutes ago', async ({
  openExtensionPage,
}) => {
  const setup = await openExtensionPage('popup.html');
  await roundTheClock(setup);
  const c = clientOf(501, 'Фитнес «Атлет»');
  const created = Date.now() - 40 * MIN;
  const synced = await send(setup, 'client.sync', {
    client: c,
    events: [{ clientId: c.id, type: 'deal-created', at: created, source: 'amocrm' }],
  });
  expect(synced.ok).toBe(true);

  const before = await openExtensionPage('popup.html');
  await expect(before.locator(`[data-client="${c.id}"] [data-rule="first-contact"]`)).toContainText(
    countdownText(created + 60 * MIN, /осталось (19|20) мин/),
  );

  const options = await openOptions(openExtensionPage);
  const input = options.getByLabel('Первый звонок: в течение', { exact: true });
  await input.fill('120');
  await input.press('Enter');
  await expect(options.getByTestId('save-status')).toContainText('Сохранено');

  const after = await openExtensionPage('popup.html');
  await expect(after.locator(`[data-client="${c.id}"] [data-rule="first-contact"]`)).toContainText(
    countdownText(created + 120 * MIN, /осталось 1 ч (19|20) мин/),
  );
});

test('a corrupt backup is rejected with the reason and nothing changes; delete-all asks first', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage);
  const c = clientOf(601, 'Ресторан «Дастархан»');
  await send(page, 'client.sync', {
    client: c,
    events: [{ clientId: c.id, type: 'deal-created', at: Date.now() - 5 * MIN, source: 'amocrm' }],
  });
  const before = (await send(page, 'backup.export', {})).data.summary;
  expect(before.clients).toBe(1);

  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"reglament-backup","version":1,"clients":[{"id":'),
  });
  await expect(page.getByTestId('backup-note')).toContainText('Файл не восстановлен');
  await expect(page.getByTestId('backup-note')).toContainText('Данные не изменились');
  await expect(page.getByTestId('backup-note')).toHaveAttribute('role', 'alert');

  const wrongShape = JSON.stringify({
    format: 'reglament-backup',
    version: 1,
    schemaVersion: 1,
    exportedAt: Date.now(),
    clients: [{ id: 42 }],
    events: [],
    settings: null,
    plans: [],
    meta: {},
  });
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(wrongShape) });
  await expect(page.getByTestId('backup-note')).toContainText('Файл не восстановлен');
  expect((await send(page, 'backup.export', {})).data.summary).toEqual(before);
  expect((await send(page, 'clients.list', {})).data.map((x: { id: string }) => x.id)).toEqual([c.id]);

  // a real export round-trips
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать копию' }).click();
  expect((await download).suggestedFilename()).toMatch(/^reglament-backup-\d{4}-\d{2}-\d{2}\.json$/);

  // delete: cancel keeps everything, confirm deletes
  await page.getByRole('button', { name: 'Удалить все данные' }).click();
  const dialog = page.getByRole('dialog', { name: 'Удалить все данные Reglament?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  expect((await send(page, 'clients.list', {})).data.length).toBe(1);
  await page.getByRole('button', { name: 'Удалить все данные' }).click();
  await dialog.getByRole('button', { name: 'Удалить безвозвратно' }).click();
  await expect(page.getByTestId('backup-note')).toContainText('Удалено: клиентов 1');
  expect((await send(page, 'clients.list', {})).data).toEqual([]);
});

test('amoCRM names are checked against the live account; unreachable amoCRM is said clearly', async ({
  context,
  openExtensionPage,
  fakes,
}) => {
  expect(fakes.seed.host).toBe(HOST);
  // Without a token the worker reads with the manager's session: a request from the extension
  // carries the session cookie only when it is SameSite=None (the fake's pages set Lax).
  await context.addCookies([{ name: 'session_id', value: 'fake', domain: HOST, path: '/', secure: true, sameSite: 'None' }]);
  const page = await openOptions(openExtensionPage, '#amocrm');
  const sub = page.getByLabel('Поддомен amoCRM', { exact: true });
  await sub.fill('smmpro');
  await sub.press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('Сохранено');
  await page.getByRole('button', { name: 'Проверить названия в amoCRM' }).click();
  await expect(page.getByTestId('amo-result')).toContainText('найдены в smmpro.amocrm.ru');

  const stage = page.getByLabel('Этап «связались»', { exact: true });
  await stage.fill('Связались');
  await stage.press('Enter');
  await expect(page.getByTestId('amo-missing-amocrm.stageNames.contacted')).toBeVisible();
  await expect(page.getByTestId('amo-result')).toContainText('Не найдено 1 из');
  await page.getByRole('button', { name: 'Подставить «Связались с клиентом»' }).click();
  await expect(page.getByTestId('amo-result')).toContainText('найдены в smmpro.amocrm.ru');

  await sub.fill('nosuchaccount');
  await sub.press('Enter');
  await page.getByRole('button', { name: 'Проверить названия в amoCRM' }).click();
  await expect(page.getByTestId('amo-result')).toContainText('Не удалось связаться с nosuchaccount.amocrm.ru');

  // the token is stored by the worker, bound to the account it was issued for, and never shown again in full
  await page.getByLabel('Аккаунт amoCRM, для которого выпущен токен').fill('smmpro.amocrm.ru');
  await page.getByLabel('Токен', { exact: true }).fill('eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.abcd9f3k');
  await page.getByRole('button', { name: 'Сохранить токен' }).click();
  await expect(page.getByTestId('token-status')).toContainText('…9f3k');
  await expect(page.getByTestId('token-status')).toContainText('только для smmpro.amocrm.ru');
  await expect(page.getByLabel('Токен', { exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain('eyJ0eXAiOiJKV1Qi');
  expect((await send(page, 'token.status', {})).data.set).toBe(true);

  // with the token the check needs no session at all
  await context.clearCookies();
  await sub.fill('smmpro');
  await sub.press('Enter');
  await page.getByRole('button', { name: 'Проверить названия в amoCRM' }).click();
  await expect(page.getByTestId('amo-result')).toContainText('найдены в smmpro.amocrm.ru');
  expect(fakes.amocrm.requests.entries.filter((r) => r.path === '/api/v4/leads/pipelines').at(-1)?.status).toBe(200);

  await page.getByRole('button', { name: 'Удалить токен' }).click();
  await expect(page.getByTestId('token-status')).toContainText('Токен не сохранён');
});

test('the language switch turns both pages to English', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage);
  await page.getByLabel('Язык интерфейса', { exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reglament settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(popup.getByTestId('first-run')).toContainText('No clients yet');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByLabel('Interface language', { exact: true }).selectOption('ru');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Сегодня');
});
