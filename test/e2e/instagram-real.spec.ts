// The sidebar against an Instagram shaped like the real one in 2026 (docs/instagram.md): a
// business account whose web_profile_info answers 400, pinned old posts first, story pks above
// 2^53 in the raw JSON, post pages under the author's name.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './send';
import { syncClients } from './sync-clients';
import { backdateTracking } from '../../scripts/backdate-tracking';
import { currentStories, profileByUsername, storyLead } from '../fakes/seed';
import type { InstalledFakes } from '../fakes/route';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ALMATY = 5 * HOUR;
const hm = (ms: number) => new Date(ms + ALMATY).toISOString().slice(11, 16);
const localDate = (ms: number) => new Date(ms + ALMATY).toISOString().slice(0, 10);

const panel = (page: Page) => page.locator('reglament-sidebar').locator('#rg-panel');

async function expand(page: Page): Promise<void> {
  const tab = page.locator('reglament-sidebar').locator('button.rg-tab');
  await expect(tab).toBeVisible();
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
  await expect(panel(page)).toBeVisible();
}

const apiPaths = (fakes: InstalledFakes) =>
  fakes.instagram.requests.entries.filter((r) => r.path.startsWith('/api/')).map((r) => r.path);

test.describe('Instagram as it really answers', () => {
  let clientId = '';

  test.beforeEach(async ({ openExtensionPage, fakes }) => {
    const page = await openExtensionPage('popup.html');
    await syncClients(page, fakes.seed, ['fitzone_astana', 'zhanna_cakes']);
    await backdateTracking(page, fakes.seed.now - 30 * DAY);
    clientId = `${fakes.seed.host}:${storyLead(fakes.seed, 'e').id}`;
    await page.close();
  });

  test('a business account: web_profile_info 400 → the user feed; today’s post detected, the pinned old post not taken for it', async ({
    context,
    fakes,
    openExtensionPage,
    pageErrors,
  }) => {
    const profile = profileByUsername(fakes.seed, 'fitzone_astana')!;
    expect(profile.business).toBe(true);
    const pinned = profile.posts.find((p) => p.pinned)!;
    const today = profile.posts.filter((p) => !p.pinned).sort((a, b) => b.takenAt - a.takenAt)[0];
    expect(localDate(today.takenAt)).toBe(localDate(fakes.seed.now));

    const page = await context.newPage();
    await page.goto('https://www.instagram.com/fitzone_astana/');
    await expand(page);
    const post = panel(page).getByTestId('post-state');
    await expect(post).toHaveAttribute('data-state', 'done');
    await expect(post).toHaveText(`Опубликован в ${hm(today.takenAt)}`);
    expect(apiPaths(fakes)).toEqual(['/api/v1/users/web_profile_info/', '/api/v1/feed/user/fitzone_astana/username/']);
    expect(fakes.instagram.requests.entries.find((r) => r.path === '/api/v1/users/web_profile_info/')!.status).toBe(400);

    const ext = await openExtensionPage('popup.html');
    const events = (await send(ext, 'client.events', { clientId })).data;
    const posts = events.filter((e) => e.type === 'post');
    expect(
      posts.some((e) => e.type === 'post' && e.shortcode === today.shortcode && e.at === Math.floor(today.takenAt / 1000) * 1000),
    ).toBe(true);
    // The pinned post heads the feed but is 70 days old: never recorded, least of all as today's.
    expect(posts.some((e) => e.type === 'post' && e.shortcode === pinned.shortcode)).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  test('a business account with no post today: the pinned post at the head of the feed does not count as today’s', async ({
    context,
    fakes,
    pageErrors,
  }) => {
    const profile = profileByUsername(fakes.seed, 'fitzone_astana')!;
    profile.posts = profile.posts.filter((p) => p.pinned || localDate(p.takenAt) !== localDate(fakes.seed.now));
    const page = await context.newPage();
    await page.goto('https://www.instagram.com/fitzone_astana/');
    await expand(page);
    await expect(panel(page).getByTestId('post-state')).toHaveAttribute('data-state', /open|overdue/);
    await expect(panel(page)).toContainText('Ещё не опубликован');
    expect(pageErrors).toEqual([]);
  });

  test('a story with a 19-digit pk is recorded once, with all its digits, across visits', async ({
    context,
    fakes,
    openExtensionPage,
    pageErrors,
  }) => {
    const profile = profileByUsername(fakes.seed, 'fitzone_astana')!;
    const story = currentStories(fakes.seed, profile).at(-1)!;
    expect(story.pk).toMatch(/^\d{19}$/);
    expect(String(Number(story.pk))).not.toBe(story.pk);

    const page = await context.newPage();
    // Visit 1: the 400 and the feed spend the budget; visit 2 asks reels_media alone; visit 3 nothing.
    await page.goto('https://www.instagram.com/fitzone_astana/');
    await expand(page);
    await expect(panel(page).getByTestId('post-state')).toHaveAttribute('data-state', 'done');
    await expect.poll(() => apiPaths(fakes).length).toBe(2);
    await page.goto('https://www.instagram.com/zhanna_cakes/');
    await expect(panel(page).getByRole('heading', { name: 'Торты на заказ Жанна' })).toBeVisible();
    await expect.poll(() => apiPaths(fakes).length).toBe(4);
    const before = apiPaths(fakes).length;
    await page.goto('https://www.instagram.com/fitzone_astana/');
    await expect(panel(page).getByTestId('stories-last')).toContainText('сегодня');
    expect(apiPaths(fakes).slice(before)).toEqual(['/api/v1/feed/reels_media/']);

    const ext = await openExtensionPage('popup.html');
    // A later visit after the cache is gone reads the same story again: still one fact.
    await ext.evaluate(() => chrome.storage.session.clear());
    await page.reload();
    await expect.poll(() => apiPaths(fakes).filter((p) => p === '/api/v1/feed/reels_media/').length).toBe(2);
    await expect(panel(page).getByTestId('stories-last')).toContainText('сегодня');
    const stories = (await send(ext, 'client.events', { clientId })).data.filter(
      (e) => e.type === 'story' && e.at === story.takenAt,
    );
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ storyId: story.pk, source: 'instagram' });
    expect(pageErrors).toEqual([]);
  });

  test('a post page opened as /{username}/p/{code}/ (or /reel/) records that post (Instagram’s endpoints refusing)', async ({
    context,
    fakes,
    openExtensionPage,
    pageErrors,
  }) => {
    fakes.instagram.setFault({ status: 401 });
    const profile = profileByUsername(fakes.seed, 'fitzone_astana')!;
    const [today, other] = profile.posts.filter((p) => !p.pinned).sort((a, b) => b.takenAt - a.takenAt);
    expect(localDate(today.takenAt)).toBe(localDate(fakes.seed.now));
    const kind = (p: { isVideo: boolean }) => (p.isVideo ? 'reel' : 'p');
    const page = await context.newPage();
    await page.goto(`https://www.instagram.com/fitzone_astana/${kind(today)}/${today.shortcode}/`);
    await expand(page);
    const note = panel(page).getByTestId('post-page');
    await expect(note).toHaveAttribute('data-state', 'recorded');
    await expect(note).toContainText('@fitzone_astana');
    expect(apiPaths(fakes)).toEqual([]);

    const ext = await openExtensionPage('popup.html');
    const events = (await send(ext, 'client.events', { clientId })).data;
    expect(events.filter((e) => e.type === 'post' && e.shortcode === today.shortcode)).toHaveLength(1);

    // The profile, with the endpoints still refusing, shows today's post from that page.
    await page.goto('https://www.instagram.com/fitzone_astana/');
    await expect(panel(page).getByTestId('post-state')).toHaveAttribute('data-state', 'done');
    await expect(panel(page)).toContainText('Instagram ограничивает запросы');

    // Single-page navigation to the other URL form of a post records it too.
    await page.evaluate(
      (path) => {
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      },
      `/${kind(other)}/${other.shortcode}/`,
    );
    await expect(panel(page).getByTestId('post-page')).toHaveAttribute('data-state', 'recorded');
    const after = (await send(ext, 'client.events', { clientId })).data;
    expect(after.some((e) => e.type === 'post' && e.shortcode === other.shortcode)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
