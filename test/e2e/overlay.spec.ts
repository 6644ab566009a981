// The amoCRM deal-card overlay against the fake amoCRM: what it shows matches the worker's view,
// service branching, ticks, API faults → page-data mode, single-page navigation, screenshots.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './send';
import { storyLead, type StoryKey } from '../fakes/seed';

const HOST = 'smmpro.amocrm.ru';
const overlay = (page: Page) => page.locator('reglament-overlay');
const inOverlay = (page: Page, css: string): Locator => overlay(page).locator(css);

/**
 * Opens a deal from the board by its title link. Board chips paint asynchronously and push the
 * cards below them down, so a click can land beside a link that just moved: retry until the URL
 * is the card's.
 */
async function openFromBoard(page: Page, leadId: number) {
  const url = new RegExp(`/leads/detail/${leadId}$`);
  await expect(async () => {
    if (!url.test(page.url())) await page.locator(`a[href="/leads/detail/${leadId}"]`).click({ timeout: 5000 });
    await expect(page).toHaveURL(url, { timeout: 2000 });
  }).toPass();
}

async function openCard(page: Page, leadId: number, mode: 'api' | 'page' = 'api') {
  await page.goto(`https://${HOST}/leads/detail/${leadId}`);
  await expect(overlay(page)).toHaveAttribute('data-lead', String(leadId));
  await expect(overlay(page)).toHaveAttribute('data-mode', mode);
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
}

test('each seeded client: the overlay shows the open obligations the worker computes', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  const ext = await openExtensionPage('popup.html');
  for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as StoryKey[]) {
    const lead = storyLead(fakes.seed, key);
    await openCard(page, lead.id);
    const view = (await send(ext, 'client.view', { clientId: `${HOST}:${lead.id}` })).data as {
      obligations: { rule: string; state: string }[];
      warnings: { code: string }[];
    };
    const expected = [
      ...new Set(view.obligations.filter((o) => o.state === 'open' || o.state === 'overdue').map((o) => o.rule)),
    ].sort();
    await expect
      .poll(
        async () =>
          [
            ...new Set(await inOverlay(page, '.rg-dl__row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')))),
          ].sort(),
        { message: `story ${key}` },
      )
      .toEqual(expected);
    // Overdue rows say so with negative time.
    const overdue = view.obligations.some((o) => o.state === 'overdue');
    if (overdue)
      await expect(inOverlay(page, '.rg-dl__row[data-state="overdue"] .rg-cd--breach').first()).toContainText('просрочено на');
    for (const w of view.warnings) await expect(inOverlay(page, `[data-warning="${w.code}"]`).first()).toBeVisible();
    await expect(inOverlay(page, '.rg-head__name')).toHaveText(lead.name);
    await expect(inOverlay(page, '.rg-badge')).toHaveAttribute('data-service', lead.service);
  }
  // Story i: launched without credentials → the warning; the value of a filled field never shows.
  await openCard(page, storyLead(fakes.seed, 'i').id);
  await expect(inOverlay(page, '[data-warning="launched-without-credentials"]')).toBeVisible();
  await openCard(page, storyLead(fakes.seed, 'd').id);
  expect(await overlay(page).evaluate((el) => el.shadowRoot!.textContent)).not.toContain('Torty2024');
  const events = (await send(ext, 'client.events', { clientId: `${HOST}:${storyLead(fakes.seed, 'd').id}` })).data as unknown[];
  expect(JSON.stringify(events)).not.toContain('Torty2024');
  expect(pageErrors).toEqual([]);
});

test('service branching, ticks with a value, untick', async ({ context, fakes, pageErrors, openExtensionPage }) => {
  const page = await context.newPage();
  const ext = await openExtensionPage('popup.html');
  // Management client at «Получена анкета»: the credentials go to the growth specialist.
  const c = storyLead(fakes.seed, 'c');
  await openCard(page, c.id);
  const growth = inOverlay(page, '.rg-step[data-item="growth-started"]');
  await expect(growth).toContainText('Иван');
  await expect(growth.locator('input[type="checkbox"]')).toBeEnabled();
  // Tick, then untick: both reach the worker as facts.
  await inOverlay(page, '.rg-step[data-item="concept-draft"] input[type="checkbox"]').click();
  await expect(inOverlay(page, '.rg-step[data-item="concept-draft"]')).toHaveAttribute('data-done', 'true');
  await inOverlay(page, '.rg-step[data-item="references"] .rg-input').fill('zhanna_cakes, fitzone_astana, nomad_tours.kz');
  await inOverlay(page, '.rg-step[data-item="references"] button').click();
  await expect(inOverlay(page, '.rg-step[data-item="references"]')).toHaveAttribute('data-done', 'true');
  await inOverlay(page, '.rg-step[data-item="concept-draft"] input[type="checkbox"]').click();
  await expect(inOverlay(page, '.rg-step[data-item="concept-draft"]')).toHaveAttribute('data-done', 'false');
  const events = (await send(ext, 'client.events', { clientId: `${HOST}:${c.id}` })).data as {
    type: string;
    item?: string;
    value?: string;
    source: string;
  }[];
  expect(events.filter((e) => e.source === 'manager').map((e) => `${e.type}:${e.item}`)).toEqual([
    'tick:concept-draft',
    'tick:references',
    'untick:concept-draft',
  ]);
  expect(events.find((e) => e.item === 'references')?.value).toBe('zhanna_cakes, fitzone_astana, nomad_tours.kz');
  // After a reload the reference accounts are still in their input (the worker's checklist carries the value).
  await openCard(page, c.id);
  await expect(inOverlay(page, '.rg-step[data-item="references"]')).toHaveAttribute('data-done', 'true');
  await expect(inOverlay(page, '.rg-step[data-item="references"] .rg-input')).toHaveValue(
    'zhanna_cakes, fitzone_astana, nomad_tours.kz',
  );

  // Complex client moved to «Получена анкета»: nothing is sent to Иван, the ad manager sets up the account.
  const b = storyLead(fakes.seed, 'b');
  fakes.amocrm.moveLead(b.id, 'contacted', { at: Date.now() - 3 * 3600_000 });
  fakes.amocrm.moveLead(b.id, 'questionnaire', { at: Date.now() - 3600_000 });
  await openCard(page, b.id);
  await expect(inOverlay(page, '.rg-badge')).toHaveText('Комплексное');
  await expect(inOverlay(page, '.rg-step--info[data-item="growth-started"]')).toContainText(
    'писать специалисту по набору подписчиков (Иван) ничего не нужно',
  );
  await expect(inOverlay(page, '.rg-step--info[data-item="account-setup"]')).toContainText('менеджер по рекламе');
  // A new deal gets script #3 with the client's name filled in.
  await openCard(page, storyLead(fakes.seed, 'a').id);
  await expect(inOverlay(page, '[data-template="firstCallScript"]')).toContainText('Алия Нурланова');
  expect(pageErrors).toEqual([]);
});

for (const [name, fault] of [
  ['401', { status: 401 }],
  ['429', { status: 429 }],
  ['500', { status: 500 }],
  ['malformed', { malformed: true }],
] as const) {
  test(`API fault ${name} → page-data mode with a notice, nothing thrown into the page`, async ({
    context,
    fakes,
    pageErrors,
  }) => {
    const page = await context.newPage();
    const d = storyLead(fakes.seed, 'd');
    fakes.amocrm.setFault(fault);
    await openCard(page, d.id, 'page');
    await expect(inOverlay(page, '[data-notice="page-mode"]')).toBeVisible();
    await expect(inOverlay(page, '[data-notice="page-mode"]')).toContainText('истории этапов');
    await expect(inOverlay(page, '.rg-head__name')).toHaveText(d.name);
    await expect(inOverlay(page, '.rg-chip--stage')).toHaveText('Проект запущен');
    expect(pageErrors).toEqual([]);
  });
}

test('«Настроить» opens the options page at the amoCRM mapping (through the worker)', async ({ context, fakes, pageErrors }) => {
  const page = await context.newPage();
  const d = storyLead(fakes.seed, 'd');
  fakes.seed.pipeline.statuses.find((s) => s.name === 'Проект запущен')!.name = 'В работе';
  await openCard(page, d.id);
  await expect(inOverlay(page, '[data-notice="mapping"]')).toContainText('В работе');
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    inOverlay(page, '[data-notice="mapping"] .rg-link').click(),
  ]);
  await expect(options).toHaveURL(/^chrome-extension:\/\/[a-p]{32}\/options\.html#amocrm$/);
  await expect(options.locator('section#amocrm')).toBeVisible();
  expect(page.url()).toContain(`/leads/detail/${d.id}`);
  expect(pageErrors).toEqual([]);
});

test("the working-hours chip is the worker's answer", async ({ context, fakes, pageErrors, openExtensionPage }) => {
  const page = await context.newPage();
  const ext = await openExtensionPage('popup.html');
  const d = storyLead(fakes.seed, 'd');
  await openCard(page, d.id);
  const view = (await send(ext, 'client.view', { clientId: `${HOST}:${d.id}` })).data as {
    workingHours: { open: boolean; nextOpening: number | null };
  };
  await expect(inOverlay(page, '.rg-hours')).toHaveAttribute('data-working', String(view.workingHours.open));
  expect(pageErrors).toEqual([]);
});

test('navigation: board → card → board → other card (pushState), back and forward', async ({ context, fakes, pageErrors }) => {
  const page = await context.newPage();
  const d = storyLead(fakes.seed, 'd');
  const e = storyLead(fakes.seed, 'e');
  await page.goto(`https://${HOST}/leads/pipeline/${fakes.seed.pipeline.id}/`);
  await expect(page.locator('.pipeline_leads__item').first()).toBeVisible();
  await expect(overlay(page)).toHaveCount(0);
  await openFromBoard(page, d.id);
  await expect(overlay(page)).toHaveAttribute('data-lead', String(d.id));
  await expect(page.locator('#widgets_block .card-widgets__elements > reglament-overlay')).toHaveCount(1);
  await expect(inOverlay(page, '.rg-cd').first()).toBeVisible();
  await page.locator('.js-back-button').click();
  await expect(page.locator('.pipeline_leads__item').first()).toBeVisible();
  await expect(overlay(page)).toHaveCount(0);
  await openFromBoard(page, e.id);
  await expect(overlay(page)).toHaveAttribute('data-lead', String(e.id));
  await expect(inOverlay(page, '.rg-head__name')).toHaveText(e.name);
  await page.goBack();
  await expect(overlay(page)).toHaveCount(0);
  await page.goBack();
  await expect(overlay(page)).toHaveAttribute('data-lead', String(d.id));
  await expect(inOverlay(page, '.rg-head__name')).toHaveText(d.name);
  await page.goForward();
  await expect(overlay(page)).toHaveCount(0);
  await page.goForward();
  await expect(overlay(page)).toHaveAttribute('data-lead', String(e.id));
  expect(pageErrors).toEqual([]);
});

test('API requests stay under 7 a second and identical ones are cached', async ({ context, fakes }) => {
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/pipeline/${fakes.seed.pipeline.id}/`);
  for (const key of ['c', 'd', 'e', 'f', 'c', 'd'] as StoryKey[]) {
    await openFromBoard(page, storyLead(fakes.seed, key).id);
    await expect(overlay(page)).toHaveAttribute('data-mode', 'api');
    // The header layout (card e) has no back button, as amoCRM's header view: the browser's back.
    await page.goBack();
    await expect(page.locator('#pipeline_holder')).toBeVisible();
  }
  expect(fakes.amocrm.requests.maxPerWindow('/api/', 1000)).toBeLessThanOrEqual(6);
  expect(fakes.amocrm.requests.count('/api/v4/leads/pipelines')).toBe(1);
});

test('screenshots of the overlay (management and complex)', async ({ context, fakes }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openCard(page, storyLead(fakes.seed, 'd').id);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/overlay.png' });
  await openCard(page, storyLead(fakes.seed, 'e').id);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/overlay-complex.png' });
});
