// Bad input gets a clear message and changes nothing; the page overlaid never breaks; no recorded
// event is lost. What the other specs leave out: a changed page layout (amoCRM and Instagram),
// an unknown stage and a missing field, the extension reloaded under an open card, two tabs of
// the same deal, and the worker killed between two ticks.
import type { BrowserContext, Locator, Page, Route, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './send';
import { FIELD, STATUS, storyLead } from '../fakes/seed';
import type { InstalledFakes } from '../fakes/route';

const HOST = 'smmpro.amocrm.ru';
const overlay = (page: Page) => page.locator('reglament-overlay');
const inOverlay = (page: Page, css: string): Locator => overlay(page).locator(css);
const sidebar = (page: Page) => page.locator('reglament-sidebar');
const panel = (page: Page) => sidebar(page).locator('#rg-panel');

interface StoredEvent {
  id: string;
  type: string;
  stage?: string;
  item?: string;
  source: string;
  at: number;
}
interface StoredClient {
  id: string;
  service: string | null;
  payer: string | null;
  instagram: string | null;
  name: string;
  credentialsFilled: boolean;
}

async function eventsOf(ext: Page, clientId: string): Promise<StoredEvent[]> {
  const reply = await send(ext, 'client.events', { clientId });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.data as StoredEvent[];
}

async function clientOf(ext: Page, clientId: string): Promise<StoredClient | null> {
  const reply = await send(ext, 'client.view', { clientId });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return (reply.data as { client: StoredClient } | null)?.client ?? null;
}

/**
 * Errors the page's console shows (any world: the page's scripts and ours). A failed request's
 * own line («Failed to load resource: … 500») is the browser reporting the fault the test
 * injected, not code that broke, so it is left out.
 */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return errors;
}

async function openCard(page: Page, leadId: number, mode: 'api' | 'page' = 'api') {
  await page.goto(`https://${HOST}/leads/detail/${leadId}`);
  await expect(overlay(page)).toHaveAttribute('data-lead', String(leadId));
  await expect(overlay(page)).toHaveAttribute('data-mode', mode);
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
}

/** The element is really seen: inside the viewport and not covered by the page (the hit test finds our host). */
async function expectOnTop(page: Page, target: Locator, host = 'reglament-overlay'): Promise<void> {
  const box = await target.boundingBox();
  expect(box, 'has a box').not.toBeNull();
  const point = { x: box!.x + Math.min(box!.width / 2, 40), y: box!.y + Math.min(box!.height / 2, 10) };
  const viewport = page.viewportSize()!;
  expect(
    point.x >= 0 && point.y >= 0 && point.x < viewport.width && point.y < viewport.height,
    `in the viewport: ${JSON.stringify(point)}`,
  ).toBe(true);
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), point)).toBe(host);
}

/** Serves the fake's page with its markup rewritten (as if the site shipped a new layout). */
async function rewritePages(
  context: BrowserContext,
  fakes: InstalledFakes,
  site: 'amocrm' | 'instagram',
  pattern: string,
  rewrite: (html: string) => string,
) {
  await context.route(pattern, async (route: Route) => {
    const request = route.request();
    const res = await fakes[site].handle({
      method: request.method(),
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData() ?? undefined,
    });
    const html = (res.headers['content-type'] ?? '').includes('text/html') ? rewrite(res.body) : res.body;
    await route.fulfill({ status: res.status, headers: res.headers, body: html });
  });
}

/**
 * Reloads the extension as an update or «Reload» in chrome://extensions does. Chromium disables an
 * unpacked extension that reloads itself outside developer mode, so developer mode goes on first
 * (as it is for anyone who loaded it unpacked). Resolves with the new service worker.
 */
async function reloadExtension(context: BrowserContext, worker: Worker): Promise<Worker> {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    () =>
      new Promise<void>((resolve) =>
        (
          chrome as unknown as {
            developerPrivate: { updateProfileConfiguration(c: { inDeveloperMode: boolean }, done: () => void): void };
          }
        ).developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve),
      ),
  );
  await settings.close();
  const reborn = context.waitForEvent('serviceworker', { predicate: (w) => w !== worker, timeout: 60_000 });
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  return reborn;
}

/**
 * Brings a tab to the front. A headed browser then tells the page it became visible and focused;
 * headless Chromium keeps every tab visible and focused and tells it nothing, so those events are
 * delivered here as the browser would.
 */
async function showTab(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new FocusEvent('focus'));
  });
}

const tickBox = (page: Page, item: string) => inOverlay(page, `.rg-step[data-item="${item}"] input[type="checkbox"]`);

test.describe('a page whose layout changed', () => {
  for (const [name, rewrite, missing] of [
    [
      'fields, stage and widget column renamed',
      (html: string) =>
        html
          .replaceAll('linked-form__field', 'lf-row')
          .replaceAll('card_status_view_mode', 'status-view-v2')
          .replaceAll('card-widgets', 'side-widgets'),
      ['этап', 'поля сделки'],
    ],
    [
      'card root renamed',
      (html: string) =>
        html
          .replaceAll('card_holder', 'card-root-v2')
          .replaceAll('card_fields', 'fields-v2')
          .replaceAll('card-widgets', 'side-widgets'),
      ['карточка сделки'],
    ],
  ] as const) {
    test(`amoCRM: ${name}, API 500 → a floating overlay says what it cannot read, records nothing, throws nothing`, async ({
      context,
      fakes,
      pageErrors,
      openExtensionPage,
    }) => {
      const ext = await openExtensionPage('popup.html');
      const d = storyLead(fakes.seed, 'd');
      const clientId = `${HOST}:${d.id}`;
      const page = await context.newPage();
      const errors = consoleErrors(page);
      // A first visit with the old layout and a working API: the client and its history are known.
      await openCard(page, d.id);
      const client = await clientOf(ext, clientId);
      const events = await eventsOf(ext, clientId);
      expect(client?.service).toBe('management');

      await rewritePages(context, fakes, 'amocrm', `https://${HOST}/leads/detail/**`, rewrite);
      fakes.amocrm.setFault({ status: 500 });
      await page.reload();
      await expect(overlay(page)).toHaveAttribute('data-lead', String(d.id));
      await expect(overlay(page)).toHaveAttribute('data-floating', 'true');
      const notice = inOverlay(page, '[data-notice="layout"]');
      await expect(notice).toBeVisible({ timeout: 60_000 });
      await expect(notice).toContainText('не удалось прочитать сделку');
      for (const part of missing) await expect(notice).toContainText(part);
      await expectOnTop(page, notice);
      await expect(notice).toContainText('ответил ошибкой сервера');
      // Nothing read from the broken page reaches the worker: no blank service, no lost name.
      await expect(inOverlay(page, '[data-notice="mapping"]')).toHaveCount(0);
      // What the worker already knew still shows (deadlines), from the last good read.
      await expect(inOverlay(page, '.rg-head__name')).toHaveText(d.name);
      await expect(inOverlay(page, '.rg-dl__row').first()).toBeVisible();
      await page.waitForTimeout(500);
      expect(await clientOf(ext, clientId)).toEqual(client);
      expect(await eventsOf(ext, clientId)).toEqual(events);
      // A deal never seen before: the notice, no endless «reading», and no client created.
      const f = storyLead(fakes.seed, 'f');
      await page.goto(`https://${HOST}/leads/detail/${f.id}`);
      await expect(inOverlay(page, '[data-notice="layout"]')).toBeVisible({ timeout: 60_000 });
      await expect(overlay(page)).toHaveAttribute('data-state', 'error');
      await expect(inOverlay(page, '.rg-loading')).toHaveCount(0);
      expect(await clientOf(ext, `${HOST}:${f.id}`)).toBeNull();
      expect(await eventsOf(ext, `${HOST}:${f.id}`)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('amoCRM: layout changed but the API works → the deal is read from the API, no bogus «missing field»', async ({
    context,
    fakes,
    pageErrors,
    openExtensionPage,
  }) => {
    const ext = await openExtensionPage('popup.html');
    const d = storyLead(fakes.seed, 'd');
    await rewritePages(context, fakes, 'amocrm', `https://${HOST}/leads/detail/**`, (html) =>
      html.replaceAll('linked-form__field', 'lf-row').replaceAll('card-widgets', 'side-widgets'),
    );
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await openCard(page, d.id);
    await expect(overlay(page)).toHaveAttribute('data-floating', 'true');
    await expect(inOverlay(page, '.rg-chip--stage')).toHaveText('Проект запущен');
    await expectOnTop(page, inOverlay(page, '.rg-head__name'));
    await expect(inOverlay(page, '.rg-badge')).toHaveAttribute('data-service', 'management');
    await expect(inOverlay(page, '[data-notice="mapping"]')).toHaveCount(0);
    expect((await clientOf(ext, `${HOST}:${d.id}`))?.service).toBe('management');
    expect(pageErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Instagram: profile markup changed and the endpoints answer 401 → manual ticks, «cannot see posts», nothing thrown', async ({
    context,
    fakes,
    pageErrors,
  }) => {
    // The amoCRM overlay makes the client known (its Instagram field is fitzone_astana).
    const amo = await context.newPage();
    await openCard(amo, storyLead(fakes.seed, 'e').id);
    await amo.close();

    await rewritePages(context, fakes, 'instagram', 'https://www.instagram.com/fitzone_astana/', (html) =>
      html
        .replaceAll('<header', '<div')
        .replaceAll('</header>', '</div>')
        .replaceAll('<h2', '<span')
        .replaceAll('</h2>', '</span>'),
    );
    fakes.instagram.setFault({ status: 401 });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto('https://www.instagram.com/fitzone_astana/');
    const tab = sidebar(page).locator('button.rg-tab');
    await expect(tab).toBeVisible();
    if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
    await expect(panel(page).getByRole('heading', { name: 'Фитнес-клуб FitZone' })).toBeVisible();
    await expect(panel(page)).toContainText('Instagram ограничивает запросы — отметьте вручную');
    await expect(panel(page).getByTestId('ig-blind')).toContainText('не видно публикаций', { timeout: 60_000 });
    await expect(panel(page)).not.toContainText('На странице есть актуальные Stories');
    await panel(page).getByRole('button', { name: 'Пост опубликован' }).click();
    await expect(panel(page).getByTestId('post-state')).toHaveAttribute('data-state', 'done');
    expect(pageErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test('an unknown stage and a missing field: the overlay says so with a link to map them; no stage event, nothing overwritten', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const d = storyLead(fakes.seed, 'd');
  const e = storyLead(fakes.seed, 'e');
  const page = await context.newPage();
  const errors = consoleErrors(page);
  await openCard(page, d.id);
  const dId = `${HOST}:${d.id}`;
  const before = await clientOf(ext, dId);
  const stagesBefore = (await eventsOf(ext, dId)).filter((x) => x.type === 'stage');
  expect(stagesBefore.map((x) => x.stage)).toContain('launched');

  // In amoCRM someone renames the stage «Проект запущен» and the field «Услуга».
  fakes.seed.pipeline.statuses.find((s) => s.id === STATUS.launched)!.name = 'В работе';
  fakes.seed.fields.find((f) => f.id === FIELD.service)!.name = 'Вид услуги';
  await openCard(page, d.id);
  const mapping = inOverlay(page, '[data-notice="mapping"]');
  await expect(mapping).toContainText('Этап «В работе» не сопоставлен с регламентом.');
  await expect(mapping).toContainText('В сделке нет поля «Услуга».');
  await expect(mapping.locator('.rg-link')).toHaveText(/Настроить/);
  await expect(inOverlay(page, '.rg-chip--stage')).toHaveText('В работе');
  // Nothing the deal had is wiped by the missing field; no stage event for the unknown stage.
  const after = await clientOf(ext, dId);
  expect(after?.service).toBe(before?.service);
  expect(after?.payer).toBe(before?.payer);
  expect((await eventsOf(ext, dId)).filter((x) => x.type === 'stage')).toEqual(stagesBefore);

  // A deal first seen at the renamed stage: its move there is not recorded as any stage.
  await openCard(page, e.id);
  await expect(inOverlay(page, '[data-notice="mapping"]')).toContainText('Этап «В работе» не сопоставлен');
  const moveToLaunched = fakes.seed.events.find((x) => x.leadId === e.id && x.after === STATUS.launched)!;
  const eStages = (await eventsOf(ext, `${HOST}:${e.id}`)).filter((x) => x.type === 'stage');
  expect(eStages.map((x) => x.stage)).not.toContain('launched');
  expect(eStages.some((x) => x.id.includes(String(moveToLaunched.id)) || x.at === moveToLaunched.createdAt)).toBe(false);
  expect(pageErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('the extension reloaded under an open card and profile: nothing thrown, the orphans say «reload the page», a reload brings them back', async ({
  context,
  worker,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const c = storyLead(fakes.seed, 'c');
  const page = await context.newPage();
  const errors = consoleErrors(page);
  await openCard(page, c.id);
  await expect(tickBox(page, 'concept-draft')).toBeEnabled();
  // The Instagram sidebar of a known client in another tab (story e: fitzone_astana); Instagram
  // refuses (401), so the manual ticks are on offer.
  await openCard(page, storyLead(fakes.seed, 'e').id);
  await openCard(page, c.id);
  fakes.instagram.setFault({ status: 401 });
  const ig = await context.newPage();
  const igErrors = consoleErrors(ig);
  await ig.goto('https://www.instagram.com/fitzone_astana/');
  const tab = sidebar(ig).locator('button.rg-tab');
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
  await expect(panel(ig).getByRole('heading', { name: 'Фитнес-клуб FitZone' })).toBeVisible();

  const fresh = await reloadExtension(context, worker);
  expect(new URL(fresh.url()).host).toBe(new URL(worker.url()).host);

  // The orphaned overlay still shows its last state. A tick throws nothing; it cannot be
  // recorded, and the overlay says so instead of vanishing.
  await page.bringToFront();
  await expect(overlay(page)).toHaveCount(1);
  await tickBox(page, 'concept-draft').click();
  await expect(inOverlay(page, '[data-notice="invalidated"]')).toContainText('перезагрузите страницу');
  await expect(overlay(page)).toHaveAttribute('data-state', 'invalidated');
  // Focus and single-page navigation on the orphan page: still nothing thrown.
  await page.evaluate(() => {
    dispatchEvent(new FocusEvent('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.locator('.js-back-button').click();
  await expect(page.locator('.pipeline_leads__item').first()).toBeVisible();

  // The orphaned sidebar: collapse/expand and a manual tick throw nothing; it says to reload.
  await ig.bringToFront();
  await tab.click();
  await tab.click();
  await expect(panel(ig)).toBeVisible();
  await panel(ig).getByRole('button', { name: 'Пост опубликован' }).click();
  await expect(panel(ig)).toContainText('Расширение обновлено — перезагрузите страницу.');
  await ig.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForTimeout(1000);
  expect(pageErrors).toEqual([]);
  expect(errors).toEqual([]);
  expect(igErrors).toEqual([]);

  // After a page reload the new overlay and sidebar work and record.
  await openCard(page, c.id);
  await tickBox(page, 'concept-draft').click();
  await expect(inOverlay(page, '.rg-step[data-item="concept-draft"]')).toHaveAttribute('data-done', 'true');
  await ig.reload();
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
  await panel(ig).getByRole('button', { name: 'Пост опубликован' }).click();
  await expect(panel(ig).getByTestId('post-state')).toHaveAttribute('data-state', 'done');
  const ext = await openExtensionPage('popup.html');
  const ticks = (await eventsOf(ext, `${HOST}:${c.id}`)).filter((x) => x.source === 'manager');
  expect(ticks.map((x) => `${x.type}:${x.item}`)).toEqual(['tick:concept-draft']);
  expect(
    (await eventsOf(ext, `${HOST}:${storyLead(fakes.seed, 'e').id}`)).filter((x) => x.source === 'manager').map((x) => x.type),
  ).toEqual(['post']);
  expect(pageErrors).toEqual([]);
  expect(errors).toEqual([]);
  expect(igErrors).toEqual([]);
});

test('two tabs of the same deal: a tick in one shows in the other once it is in front; stored once; both stay consistent', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const c = storyLead(fakes.seed, 'c');
  const a = await context.newPage();
  const b = await context.newPage();
  const errors = [...[a, b].map(consoleErrors)];
  await openCard(a, c.id);
  await openCard(b, c.id);
  const step = (page: Page) => inOverlay(page, '.rg-step[data-item="concept-draft"]');
  await expect(step(b)).toHaveAttribute('data-done', 'false');

  await showTab(a);
  await tickBox(a, 'concept-draft').click();
  await expect(step(a)).toHaveAttribute('data-done', 'true');
  await showTab(b);
  await expect(step(b)).toHaveAttribute('data-done', 'true');
  // B unticks; A follows when it is in front again.
  await tickBox(b, 'concept-draft').click();
  await expect(step(b)).toHaveAttribute('data-done', 'false');
  await showTab(a);
  await expect(step(a)).toHaveAttribute('data-done', 'false');

  const ext = await openExtensionPage('popup.html');
  const manager = (await eventsOf(ext, `${HOST}:${c.id}`)).filter((x) => x.source === 'manager');
  expect(manager.map((x) => `${x.type}:${x.item}`)).toEqual(['tick:concept-draft', 'untick:concept-draft']);
  expect(pageErrors).toEqual([]);
  expect(errors.flat()).toEqual([]);
});

test('events are never lost: a tick, the worker killed, another tick through the overlay wakes it; both stored', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const c = storyLead(fakes.seed, 'c');
  const page = await context.newPage();
  const errors = consoleErrors(page);
  await openCard(page, c.id);
  await tickBox(page, 'concept-draft').click();
  await expect(inOverlay(page, '.rg-step[data-item="concept-draft"]')).toHaveAttribute('data-done', 'true');

  const ext = await openExtensionPage('popup.html');
  const marked = context.serviceWorkers()[0];
  await marked.evaluate(() => ((globalThis as unknown as { __e2eMark?: number }).__e2eMark = 1));
  const session = await context.newCDPSession(ext);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  await ext.close();

  // Straight away, while the worker is down: the overlay's message must start a new one.
  await tickBox(page, 'materials-requested').click();
  await expect(inOverlay(page, '.rg-step[data-item="materials-requested"]')).toHaveAttribute('data-done', 'true');
  await expect(inOverlay(page, '[data-notice="error"]')).toHaveCount(0);

  const popup = await openExtensionPage('popup.html');
  const fresh = context.serviceWorkers()[0];
  expect(await fresh.evaluate(() => (globalThis as unknown as { __e2eMark?: number }).__e2eMark)).toBeUndefined();
  const manager = (await eventsOf(popup, `${HOST}:${c.id}`)).filter((x) => x.source === 'manager');
  expect(manager.map((x) => `${x.type}:${x.item}`)).toEqual(['tick:concept-draft', 'tick:materials-requested']);
  expect(pageErrors).toEqual([]);
  expect(errors).toEqual([]);
});
