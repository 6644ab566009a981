// What the demo shows: every seeded deal is opened once (so the overlay syncs it into the worker,
// as a manager's first day would) and every client's Instagram profile once (so the sidebar
// records their posts and Stories); then the board with its chips, a client's profile and the
// extension's own pages are left open. With a screenshot directory each stop is saved.
import type { BrowserContext, Page } from '@playwright/test';
import type { InstalledFakes } from '../test/fakes/route';
import { profileForLead, storyLead } from '../test/fakes/seed';
import type { NewClientEvent } from '../lib/model/facts';
import { backdateTracking } from './backdate-tracking';

interface TourOptions {
  context: BrowserContext;
  extensionId: string;
  fakes: InstalledFakes;
  /** Path for a named screenshot, or null for no screenshots. */
  screenshot: ((name: string) => string) | null;
}

const overlaySelector = 'reglament-overlay';
const sidebarSelector = 'reglament-sidebar';

export async function runDemoTour({ context, extensionId, fakes, screenshot }: TourOptions): Promise<string[]> {
  const { seed } = fakes;
  const saved: string[] = [];
  const shoot = async (page: Page, name: string) => {
    if (!screenshot) return;
    const path = screenshot(name);
    await page.screenshot({ path });
    saved.push(path);
  };

  const board = context.pages()[0] ?? (await context.newPage());
  const boardUrl = `https://${seed.host}/leads/pipeline/${seed.pipeline.id}/`;
  const leads = seed.leads.filter((l) => l.story !== 'x');
  await board.goto(boardUrl);
  const openCard = async (leadId: number) => {
    const link = board.locator(`a[href="/leads/detail/${leadId}"]`);
    // Closed deals (won, lost) are not on the board: open them by address, as from a search.
    if (await link.count()) await link.first().click();
    else await board.goto(`https://${seed.host}/leads/detail/${leadId}`);
    await board.waitForSelector(overlaySelector, { state: 'attached', timeout: 15_000 }).catch(() => undefined);
    await board.waitForTimeout(400);
  };
  for (const lead of leads) {
    await openCard(lead.id);
    await board.goto(boardUrl);
  }
  // The seeded agency has used Reglament from the start: its clients are followed since then, and
  // the sidebar saw their posts and Stories on the days they went out.
  const seen: NewClientEvent[] = leads.flatMap((lead) => {
    const profile = profileForLead(seed, lead.id);
    const clientId = `${seed.host}:${lead.id}`;
    if (!profile) return [];
    return [
      ...profile.posts.map((p): NewClientEvent => ({
        id: `ig:post:${p.shortcode}`,
        clientId,
        type: 'post',
        shortcode: p.shortcode,
        at: p.takenAt,
        source: 'instagram',
      })),
      ...profile.stories.map((s): NewClientEvent => ({
        id: `ig:story:${s.pk}`,
        clientId,
        type: 'story',
        storyId: s.pk,
        at: s.takenAt,
        source: 'instagram',
      })),
    ];
  });
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  await backdateTracking(extensionPage, Math.min(...leads.map((l) => l.createdAt)), seen);
  await extensionPage.close();

  const instagram = await context.newPage();
  const openProfile = async (leadId: number) => {
    const profile = profileForLead(seed, leadId);
    if (!profile) return;
    await instagram.goto(`https://www.instagram.com/${profile.username}/`);
    await instagram.waitForSelector(sidebarSelector, { state: 'attached', timeout: 15_000 }).catch(() => undefined);
    await instagram.waitForTimeout(600);
  };
  for (const lead of leads) await openProfile(lead.id);
  await openProfile(storyLead(seed, 'd').id);
  const tab = instagram.locator('reglament-sidebar button.rg-tab');
  if ((await tab.count()) && (await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
  await instagram.waitForTimeout(300);
  await shoot(instagram, 'sidebar');
  // A business account, as nearly every agency client is: web_profile_info answers 400 and the
  // sidebar reads the posts from the user feed instead (pinned old post first on the grid).
  await openProfile(storyLead(seed, 'e').id);
  await shoot(instagram, 'sidebar-business');
  await openProfile(storyLead(seed, 'd').id);

  await board.bringToFront();
  for (const [story, name] of [
    ['d', 'overlay'],
    ['e', 'overlay-complex'],
  ] as const) {
    await openCard(storyLead(seed, story).id);
    await shoot(board, name);
    await board.goto(boardUrl);
  }
  // The board with a chip on every tracked deal and the overdue count in each stage head.
  await board
    .waitForSelector('.pipeline_items__list reglament-chip', { state: 'attached', timeout: 15_000 })
    .catch(() => undefined);
  await board.waitForTimeout(600);
  await shoot(board, 'board');

  for (const name of ['popup', 'dashboard', 'options']) {
    const page = await context.newPage();
    if (name === 'popup') await page.setViewportSize({ width: 400, height: 640 });
    await page.goto(`chrome-extension://${extensionId}/${name}.html`);
    await page.waitForTimeout(700);
    await shoot(page, name);
    if (screenshot || name !== 'dashboard') await page.close();
  }
  await board.bringToFront();
  return saved;
}
