// The amoCRM pipeline board with chips, against the fake board: every seeded client shows the chip
// the worker computes; a drag to the next stage meets the rule; 300 deals with infinite scroll;
// the API down → chips from the store and a quiet notice; the list view; no page errors.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './send';
import { installFakes } from '../fakes/route';
import { STATUS, storyLead } from '../fakes/seed';
import type { BoardView } from '../../lib/messaging/protocol';

const HOST = 'smmpro.amocrm.ru';
const BOARD = `https://${HOST}/leads/pipeline/7310001/`;
const chipOf = (page: Page, leadId: number) => page.locator(`#pipeline_item_${leadId} reglament-chip`);
const cardIds = (page: Page) =>
  page
    .locator('.pipeline_items__list .pipeline_leads__item[data-id]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));

/** The worker's entries for the given deals, as the board asks for them. */
async function entriesOf(ext: Page, leadIds: number[]): Promise<BoardView> {
  const r = await send(ext, 'board.view', { clientIds: leadIds.map((id) => `${HOST}:${id}`) });
  expect(r.ok).toBe(true);
  return r.data;
}

/** Waits until every card whose deal has an open deadline shows its chip; returns the worker's view. */
async function allChipsPainted(page: Page, ext: Page): Promise<BoardView> {
  let view: BoardView | null = null;
  await expect
    .poll(
      async () => {
        const ids = await cardIds(page);
        view = await entriesOf(ext, ids);
        const withTop = view.entries.filter((e) => e.top).length;
        const chips = await page.locator('.pipeline_items__list reglament-chip').count();
        return view.unknown.length === 0 && ids.length > 0 && chips === withTop;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return view!;
}

test('every seeded client shows the chip the worker computes, with column summaries, from one API request', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(BOARD);
  const view = await allChipsPainted(page, ext);
  const coffee = storyLead(fakes.seed, 'a');
  expect(view.entries.map((e) => e.leadId)).toContain(coffee.id);
  for (const entry of view.entries) {
    const chip = chipOf(page, entry.leadId);
    if (!entry.top) {
      await expect(chip).toHaveCount(0);
      continue;
    }
    // The worker's most urgent obligation, its tone, the count of overdue ones.
    await expect(chip.locator('.tip')).toHaveText(entry.top.title);
    const tone = await chip.getAttribute('data-tone');
    if (entry.top.overdue) {
      expect(tone).toBe('breach');
      await expect(chip.locator('.tx')).toContainText('просрочено на');
    } else expect(['calm', 'warn', 'paused']).toContain(tone);
    await expect(chip).toHaveAttribute('data-overdue', String(entry.overdue));
    if (entry.overdue > 1) await expect(chip.locator('.n')).toHaveText(String(entry.overdue));
    // Readable and reachable: an accessible name that says it all, keyboard focus.
    const inner = chip.locator('.chip');
    await expect(inner).toHaveAttribute(
      'aria-label',
      new RegExp(`^Reglament: ${entry.top.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    await expect(inner).toHaveAttribute('tabindex', '0');
  }
  // Column heads: how many of the column's deals are overdue.
  for (const status of [STATUS.newClient, STATUS.contacted, STATUS.questionnaire, STATUS.launched, STATUS.noticeSent]) {
    const ids = await page
      .locator(`#pipeline_items__list_${status} .pipeline_leads__item`)
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
    const overdue = view.entries.filter(
      (e) => ids.includes(e.leadId) && e.top && (e.overdue > 0 || e.top.dueAt < Date.now()),
    ).length;
    const summary = page.locator(`#status_id_${status} reglament-summary`);
    if (overdue) await expect(summary.locator('.sum')).toHaveText(`⚠ просрочено: ${overdue}`);
    else await expect(summary).toHaveCount(0);
  }
  // The hover/focus title of Кофейня: its one-hour first call.
  await chipOf(page, coffee.id).locator('.chip').focus();
  await expect(chipOf(page, coffee.id).locator('.tip')).toBeVisible();
  // Deals the worker did not know: one batched request, nothing else from the API.
  const api = fakes.amocrm.requests.filter(/^\/api\//);
  expect(api.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v4/leads']);
  expect(api[0].search).toContain('limit=250');
  // A second view of the same board: everything comes from the worker's store.
  await page.reload();
  await allChipsPainted(page, ext);
  expect(fakes.amocrm.requests.filter(/^\/api\//)).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('board.png') });
  expect(pageErrors).toEqual([]);
});

test('dragging «Кофейня» to «Связались с клиентом» meets the first call at once; the API confirms it', async ({
  context,
  fakes,
  pageErrors,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(BOARD);
  await allChipsPainted(page, ext);
  const coffee = storyLead(fakes.seed, 'a');
  const clientId = `${HOST}:${coffee.id}`;
  await expect(chipOf(page, coffee.id).locator('.tip')).toHaveText(/звон/i);
  const firstContact = async () =>
    (await send(ext, 'client.view', { clientId })).data?.obligations.find((o) => o.rule === 'first-contact')?.state;
  expect(await firstContact()).toMatch(/open|overdue/);

  const card = page.locator(`#pipeline_item_${coffee.id}`);
  const target = page.locator(`#pipeline_items__list_${STATUS.contacted}`);
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 30, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 8 });
  await page.mouse.up();
  await expect(target.locator(`#pipeline_item_${coffee.id}`)).toBeVisible();

  // Recorded at once from the board: the first contact is met, the chip no longer asks for it.
  await expect.poll(firstContact, { timeout: 15_000 }).toMatch(/^met/);
  const entry = (await entriesOf(ext, [coffee.id])).entries[0];
  if (entry.top) await expect(chipOf(page, coffee.id).locator('.tip')).toHaveText(entry.top.title);
  else await expect(chipOf(page, coffee.id)).toHaveCount(0);
  // The page saved the move; the API's own status change is then read and recorded too.
  expect(fakes.seed.leads.find((l) => l.id === coffee.id)?.statusId).toBe(STATUS.contacted);
  const saved = fakes.seed.events.filter((e) => e.leadId === coffee.id && e.after === STATUS.contacted);
  expect(saved).toHaveLength(1);
  await expect
    .poll(async () => ((await send(ext, 'client.events', { clientId })).data ?? []).map((e) => e.id), { timeout: 15_000 })
    .toEqual(expect.arrayContaining([`${clientId}|amo:status:${saved[0].id}`, expect.stringMatching(/\|amo:board-move:/)]));
  expect(pageErrors).toEqual([]);
});

test('a board of 300+ deals: chips follow infinite scroll, one API request per pack of new cards', async ({
  context,
  pageErrors,
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const fakes = await installFakes(context, { extraLeads: 370 });
  const open = fakes.seed.leads.filter((l) => l.statusId !== STATUS.won && l.statusId !== STATUS.lost);
  expect(open.length).toBeGreaterThanOrEqual(300);
  const ext = await openExtensionPage('popup.html');
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(BOARD);
  await allChipsPainted(page, ext);
  const firstPack = (await cardIds(page)).length;
  expect(firstPack).toBeLessThan(open.length);
  // Scroll to the end until every card is on the board.
  await expect
    .poll(
      async () => {
        await page.locator('.pipeline-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return (await cardIds(page)).length;
      },
      { timeout: 90_000 },
    )
    .toBe(open.length);
  const view = await allChipsPainted(page, ext);
  expect(view.entries).toHaveLength(open.length);
  // One batched read per load of unknown cards, never more than the packs loaded.
  const reads = fakes.amocrm.requests.filter('/api/v4/leads', 'GET');
  const packs = Math.ceil(
    Math.max(
      ...[STATUS.unsorted, STATUS.newClient, STATUS.contacted, STATUS.questionnaire, STATUS.launched, STATUS.noticeSent].map(
        (s) => open.filter((l) => l.statusId === s).length,
      ),
    ) / 20,
  );
  expect(reads.length).toBeGreaterThanOrEqual(1);
  expect(reads.length).toBeLessThanOrEqual(packs);
  expect(fakes.amocrm.requests.filter(/^\/api\//).length).toBe(reads.length);
  expect(pageErrors).toEqual([]);
});

test('the API down: chips from the store only, a quiet notice; the list view; SPA navigation', async ({
  context,
  fakes,
  pageErrors,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  // Two deals known from their cards (the overlay read them), then the API goes down.
  const known = [storyLead(fakes.seed, 'a'), storyLead(fakes.seed, 'c')];
  for (const lead of known) {
    await page.goto(`https://${HOST}/leads/detail/${lead.id}`);
    await expect(page.locator('reglament-overlay')).toHaveAttribute('data-state', 'ready');
  }
  fakes.amocrm.setFault({ status: 503 });
  await page.goto(BOARD);
  await expect(page.locator('reglament-notice [role="status"]')).toHaveText(/amoCRM не отвечает/);
  for (const lead of known) await expect(chipOf(page, lead.id)).toHaveCount(1);
  await expect(page.locator('.pipeline_items__list reglament-chip')).toHaveCount(known.length);
  // One failed batched read, no retry loop.
  expect(fakes.amocrm.requests.filter('/api/v4/leads', 'GET')).toHaveLength(1);

  // The list view (SPA navigation from the board): a «Регламент» column at the end of the head row,
  // a cell of it in every deal row, the chip in the cell of each deal Reglament knows.
  fakes.amocrm.setFault(null);
  await page.locator('.pipeline__view', { hasText: 'Список' }).click();
  await expect(page).toHaveURL(/\/leads\/list\/$/);
  await expect(page.locator('#list_head > .list-row__cell-reglament:last-child .cell-head__title')).toHaveText('Регламент');
  for (const lead of known)
    await expect(page.locator(`#list_item_${lead.id} > .list-row__cell-reglament:last-child reglament-chip`)).toHaveCount(1);
  await expect.poll(() => page.locator('.list-row reglament-chip').count(), { timeout: 20_000 }).toBeGreaterThan(known.length);
  // Every deal row has the column's cell (empty for deals not tracked), so the columns line up.
  const rows = await page.locator('.list-row[data-id]').count();
  await expect(page.locator('.list-row[data-id] > .list-row__cell-reglament')).toHaveCount(rows);
  await expect(page.locator('#list_head > .list-row__cell-reglament')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('list.png') });
  // A deal card hides the board's chips; back on the board they are there again.
  await page.locator(`#list_item_${known[0].id} a`).first().click();
  await expect(page.locator('reglament-overlay')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('reglament-chip')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator(`#list_item_${known[0].id} reglament-chip`)).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});
