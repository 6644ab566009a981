// What the demo shows: every seeded deal is opened once (so the overlay syncs it into the worker,
// as a manager's first day would), then the board, a client's Instagram profile and the
// extension's own pages are left open; with a screenshot directory each stop is saved.
import type { BrowserContext, Page } from '@playwright/test';
import type { InstalledFakes } from '../test/fakes/route';
import { profileForLead, storyLead } from '../test/fakes/seed';

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
  await board.goto(boardUrl);
  for (const lead of seed.leads.filter((l) => l.story !== 'x')) {
    await board.click(`a[href="/leads/detail/${lead.id}"]`);
    await board.waitForSelector(overlaySelector, { state: 'attached', timeout: 15_000 }).catch(() => undefined);
    await board.waitForTimeout(300);
    if (lead.id === storyLead(seed, 'd').id) await shoot(board, 'overlay');
    if (lead.id === storyLead(seed, 'e').id) await shoot(board, 'overlay-complex');
    await board.goBack();
  }
  await shoot(board, 'board');

  const profile = profileForLead(seed, storyLead(seed, 'd').id);
  const instagram = await context.newPage();
  await instagram.goto(`https://www.instagram.com/${profile?.username ?? ''}/`);
  await instagram.waitForSelector(sidebarSelector, { state: 'attached', timeout: 15_000 }).catch(() => undefined);
  await instagram.waitForTimeout(500);
  await shoot(instagram, 'sidebar');

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
