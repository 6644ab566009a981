// Last known state first: a deal card or an Instagram profile the worker knows paints the
// client's last computed view at once, marked as refreshing, while the site is read again; the
// fresh read then replaces it. No timing here: the sites' APIs are held until the test releases
// them (timing lives in `npm run bench`).
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storyLead } from '../fakes/seed';

const HOST = 'smmpro.amocrm.ru';
const overlay = (page: Page) => page.locator('reglament-overlay');
const inOverlay = (page: Page, css: string): Locator => overlay(page).locator(css);
const sidebar = (page: Page) => page.locator('reglament-sidebar');
const panel = (page: Page) => sidebar(page).locator('#rg-panel');

/** The deadlines the overlay lists: rule and due instant (they do not move with the clock). */
const deadlines = (page: Page) =>
  inOverlay(page, '.rg-dl__row').evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute('data-rule')}@${r.getAttribute('data-due')}`),
  );

/** Holds every request to these API URLs until the returned function is called. */
async function holdApi(context: BrowserContext, pattern: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(pattern, async (route) => {
    await held;
    await route.fallback();
  });
  return release;
}

test('a known deal card paints its last known state marked as refreshing; the fresh read replaces it', async ({
  context,
  fakes,
  pageErrors,
}) => {
  test.slow(); // two loads of a card and a held read on a shared machine
  const lead = storyLead(fakes.seed, 'a'); // a new client: first contact due within the hour
  const page = await context.newPage();
  await page.goto(`https://${HOST}/leads/detail/${lead.id}`);
  await expect(overlay(page)).toHaveAttribute('data-mode', 'api');
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  await expect(inOverlay(page, '[data-refreshing]')).toHaveCount(0);
  const last = await deadlines(page);
  expect(last.some((d) => d.startsWith('first-contact@'))).toBe(true);

  // Meanwhile the deal moves on in amoCRM, and its API answers only when the test says so.
  fakes.amocrm.moveLead(lead.id, 'contacted');
  const release = await holdApi(context, `https://${HOST}/api/v4/**`);
  await page.reload();
  // First paint: the worker's last state for this client, said to be refreshing.
  await expect(inOverlay(page, '[data-refreshing]')).toBeVisible();
  await expect(inOverlay(page, '[data-refreshing]')).toContainText('обновляю');
  expect(await deadlines(page)).toEqual(last);
  await expect(overlay(page)).toHaveAttribute('data-mode', 'pending');

  release();
  await expect(overlay(page)).toHaveAttribute('data-mode', 'api');
  await expect(inOverlay(page, '[data-refreshing]')).toHaveCount(0);
  // The fresh read replaced it: the first contact is met by the move.
  await expect.poll(() => deadlines(page)).not.toContain(last.find((d) => d.startsWith('first-contact@')));
  expect(pageErrors).toEqual([]);
});

test('a known Instagram profile paints its last known state while Instagram is read; the fresh read replaces it', async ({
  context,
  fakes,
  pageErrors,
}) => {
  test.slow(); // a card and a profile with a held read on a shared machine
  const lead = storyLead(fakes.seed, 'd'); // zhanna_cakes
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 }); // room beside the profile: the panel opens docked
  // The deal card makes the client known (its Instagram field links the profile); no Story is known yet.
  await page.goto(`https://${HOST}/leads/detail/${lead.id}`);
  await expect(overlay(page)).toHaveAttribute('data-mode', 'api');

  // She publishes a Story; Instagram's API answers only when the test says so.
  fakes.instagram.addStory(lead.instagram!);
  const release = await holdApi(context, 'https://www.instagram.com/api/**');
  await page.goto(`https://www.instagram.com/${lead.instagram}/`);
  const checking = panel(page).getByText('Проверяем профиль…');
  const lastStory = panel(page).getByTestId('stories-last');
  // First paint: the worker's last state for this client (no Story yet) while the profile is checked.
  await expect(checking).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: lead.name })).toBeVisible();
  await expect(lastStory).toHaveText('Stories ещё не было');

  release();
  await expect(checking).toHaveCount(0);
  await expect(lastStory).not.toHaveText('Stories ещё не было');
  expect(pageErrors).toEqual([]);
});

test('the UI’s CSS comes from the last page’s copy in one storage read, and an updated file replaces a stale copy', async ({
  context,
  fakes,
  worker,
  pageErrors,
}) => {
  const lead = storyLead(fakes.seed, 'c');
  const page = await context.newPage();
  const styleOf = () => overlay(page).evaluate((host) => host.shadowRoot?.querySelector('style')?.textContent ?? '');
  const stored = () =>
    worker.evaluate(async () => (await chrome.storage.local.get('ui.css:amocrm'))['ui.css:amocrm'] as string | undefined);
  const file = await worker.evaluate(async () => (await fetch('/content-scripts/amocrm.css')).text());
  expect(file).toContain('.rg-cd');

  await page.goto(`https://${HOST}/leads/detail/${lead.id}`);
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  // The first page fetched the file and kept it.
  await expect.poll(stored).toBe(file);
  expect(await styleOf()).toContain(file);

  // A copy from an older version of the extension: the page paints with it, then the file replaces it.
  await worker.evaluate(() => chrome.storage.local.set({ 'ui.css:amocrm': '.rg{outline:1px solid red}' }));
  await page.reload();
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
  await expect.poll(styleOf).toContain(file);
  expect(await styleOf()).not.toContain('outline:1px solid red');
  await expect.poll(stored).toBe(file);
  expect(pageErrors).toEqual([]);
});
