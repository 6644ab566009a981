// The overlay on real-shaped amoCRM cards (issue 11): the header layout without `data-id`, odd
// custom field values, calls filed on the contact, a half-rendered card.
import type { BrowserContext, Locator, Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './send';
import { storyLead } from '../fakes/seed';
import type { InstalledFakes } from '../fakes/route';

const HOST = 'smmpro.amocrm.ru';
const overlay = (page: Page) => page.locator('reglament-overlay');
const inOverlay = (page: Page, css: string): Locator => overlay(page).locator(css);

async function knownClient(ext: Page, clientId: string): Promise<unknown> {
  const reply = await send(ext, 'client.view', { clientId });
  return (reply.data as { client?: unknown } | null)?.client ?? null;
}

async function eventsOf(ext: Page, clientId: string): Promise<Array<{ type: string; link?: string }>> {
  const reply = await send(ext, 'client.events', { clientId });
  return (reply.data ?? []) as Array<{ type: string; link?: string }>;
}

async function rewriteCards(context: BrowserContext, fakes: InstalledFakes, rewrite: (html: string) => string) {
  await context.route(`https://${HOST}/leads/detail/**`, async (route: Route) => {
    const request = route.request();
    const res = await fakes.amocrm.handle({
      method: request.method(),
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData() ?? undefined,
    });
    const body = (res.headers['content-type'] ?? '').includes('text/html') ? rewrite(res.body) : res.body;
    await route.fulfill({ status: res.status, headers: res.headers, body });
  });
}

test('API 500 on a header-layout card never seen before → page mode reads service, stage and name, and says what it lacks', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const e = storyLead(fakes.seed, 'e');
  expect(e.layout).toBe('header');
  expect(await knownClient(ext, `${HOST}:${e.id}`)).toBeNull();
  fakes.amocrm.setFault({ status: 500 });
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/detail/${e.id}`);
  await expect(overlay(page)).toHaveAttribute('data-mode', 'page', { timeout: 20_000 });
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  await expect(inOverlay(page, '.rg-head__name')).toHaveText(e.name);
  await expect(inOverlay(page, '.rg-chip--stage')).toHaveText('Проект запущен');
  await expect(inOverlay(page, '.rg-badge')).toHaveAttribute('data-service', 'complex');
  const notice = inOverlay(page, '[data-notice="page-mode"]');
  await expect(notice).toContainText('ответил ошибкой сервера');
  await expect(notice).toContainText('истории этапов');
  await expect(notice).toHaveAttribute('data-lacks', 'history');
  await expect(inOverlay(page, '.rg-loading')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a deal with legal-entity, file, linked-entity and valueless chained-list fields reads through the API', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const e = storyLead(fakes.seed, 'e');
  expect(JSON.stringify(e.oddFields)).toContain('legal_entity');
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/detail/${e.id}`);
  await expect(overlay(page)).toHaveAttribute('data-mode', 'api', { timeout: 20_000 });
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  await expect(inOverlay(page, '.rg-badge')).toHaveAttribute('data-service', 'complex');
  await expect(inOverlay(page, '[data-notice="page-mode"], [data-notice="error"]')).toHaveCount(0);
  expect(await knownClient(ext, `${HOST}:${e.id}`)).toMatchObject({ service: 'complex', payer: 'legal' });
  expect(pageErrors).toEqual([]);
});

test('a call filed on the contact is read (with=contacts) and recorded once', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const f = storyLead(fakes.seed, 'f');
  const onContact = fakes.seed.notes.find((n) => n.leadId === f.id && n.on === 'contact')!;
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/detail/${f.id}`);
  await expect(overlay(page)).toHaveAttribute('data-mode', 'api', { timeout: 20_000 });
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  const calls = async () => (await eventsOf(ext, `${HOST}:${f.id}`)).filter((x) => x.type === 'call-recording');
  await expect.poll(async () => (await calls()).some((c) => c.link === onContact.params.link)).toBe(true);
  const count = (await calls()).length;
  await page.reload();
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  expect((await calls()).length).toBe(count);
  expect(fakes.amocrm.requests.entries.some((r) => r.path === `/api/v4/contacts/${f.contact.id}/notes`)).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('a half-rendered card (no stage control yet) with the API down records nothing and says what is missing', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const c = storyLead(fakes.seed, 'c');
  await rewriteCards(context, fakes, (html) => html.replaceAll('card_status_view_mode', 'status-not-yet'));
  fakes.amocrm.setFault({ status: 500 });
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/detail/${c.id}`);
  const notice = inOverlay(page, '[data-notice="layout"]');
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toHaveAttribute('data-missing', 'stage');
  await expect(inOverlay(page, '.rg-loading')).toHaveCount(0);
  expect(await knownClient(ext, `${HOST}:${c.id}`)).toBeNull();
  expect(await eventsOf(ext, `${HOST}:${c.id}`)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
