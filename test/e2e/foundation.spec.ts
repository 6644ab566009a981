// The skeleton holds: the extension loads, overlays the fake sites under their real URLs, follows
// single-page navigation, and its pages open.
import { expect, test } from './fixtures';
import { profileForLead, storyLead } from '../fakes/seed';

test('the overlay appears on a deal card reached by pushState and leaves with it', async ({ context, fakes, pageErrors }) => {
  const { seed } = fakes;
  const page = await context.newPage();
  await page.goto(`https://${seed.host}/leads/pipeline/${seed.pipeline.id}/`);
  // A marker that only survives if the document does: amoCRM navigates with history.pushState.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const lead = storyLead(seed, 'd');

  await page.click(`a[href="/leads/detail/${lead.id}"]`);
  await expect(page).toHaveURL(new RegExp(`/leads/detail/${lead.id}$`));
  await expect(page.locator('reglament-overlay')).toHaveCount(1);

  await page.goBack();
  await expect(page).toHaveURL(/\/leads\/pipeline\//);
  await expect(page.locator('reglament-overlay')).toHaveCount(0);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the sidebar appears on a client profile', async ({ context, fakes, pageErrors }) => {
  const profile = profileForLead(fakes.seed, storyLead(fakes.seed, 'd').id)!;
  const page = await context.newPage();
  await page.goto(`https://www.instagram.com/${profile.username}/`);
  await expect(page.locator('reglament-sidebar')).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

for (const name of ['popup', 'options', 'dashboard']) {
  test(`the ${name} page opens`, async ({ openExtensionPage, pageErrors }) => {
    const page = await openExtensionPage(`${name}.html`);
    await expect(page.locator('#app')).not.toBeEmpty();
    await expect(page).toHaveTitle(/Reglament/);
    expect(pageErrors).toEqual([]);
  });
}
