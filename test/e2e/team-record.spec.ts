// The whole team on one record (issue 14): three browsers — two managers and the head, each its
// own profile with the built extension and its own amoCRM session — share one fake amoCRM
// account. Manager A ticks a step and her sidebar's fact of a post is recorded; both go to the
// deal as marker notes from A's worker; manager B, opening the same deal, and the head's team
// sync see them as done by A, named from the notes' `created_by`. A forged note (B's session
// re-using A's fact with an earlier claimed time) changes nothing. A's content plan, edited and sent to
// the client in her dashboard, reaches B and the head with the same state and items. A's own dashboard, after her own
// «Синхронизировать всё», shows the same pay and the same kept obligations as the head's.
//
// The managers have no token: only their browsers' amoCRM sessions, whose cookie is SameSite=Lax
// (as the fake sets it), which Chromium leaves off the extension worker's own cross-site fetch
// (every such request was answered 401). Their workers write and read through their open amoCRM
// tab's API script, same-origin with the session, so amoCRM names the manager as `created_by`
// (docs/team-record.md). With no amoCRM tab open the queue waits and the popup says to open one.
// Nobody has a token: the head's and A's «Синхронизировать всё» read the pipeline through their open
// amoCRM tab as well.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../../scripts/launch';
import { createAmocrmFake, type AmocrmFake } from '../fakes/amocrm/index';
import { installFakes } from '../fakes/route';
import { createSeed, storyLead, USER, type Seed, type StoryKey } from '../fakes/seed';
import { roundTheClock, send } from './send';
import type { DashboardMonth } from '../../lib/dashboard/types';

const HOST = 'smmpro.amocrm.ru';
const ORIGIN = `https://${HOST}`;
const SESSIONS = { aigerim: USER.aigerim, maria: USER.maria, head: USER.daniyar };
const TOKENS = { 'token-aigerim': USER.aigerim, 'token-maria': USER.maria, 'token-head': USER.daniyar };
const overlay = (page: Page) => page.locator('reglament-overlay');

interface Browser {
  launched: LaunchedExtension;
  context: BrowserContext;
  ext: (path: string) => Promise<Page>;
}

async function browser(
  fake: AmocrmFake,
  session: keyof typeof SESSIONS,
  opened: Browser[],
  { token }: { token: boolean },
): Promise<Browser> {
  const launched = await launchWithExtension({ headless: true });
  await installFakes(launched.context, { amocrmFake: fake, amoSession: session });
  const b: Browser = {
    launched,
    context: launched.context,
    ext: async (path) => {
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
      return page;
    },
  };
  opened.push(b);
  const popup = await b.ext('popup.html');
  await roundTheClock(popup);
  if (token) expect((await send(popup, 'token.set', { token: `token-${session}`, origin: ORIGIN })).ok).toBe(true);
  await popup.close();
  return b;
}

async function openCard(page: Page, leadId: number) {
  await page.goto(`https://${HOST}/leads/detail/${leadId}`);
  await expect(overlay(page)).toHaveAttribute('data-lead', String(leadId));
  await expect(overlay(page)).toHaveAttribute('data-state', 'ready');
}

const markerNotes = (seed: Seed, leadId: number) =>
  seed.notes.filter((n) => n.leadId === leadId && n.noteType === 'service_message' && n.params.text?.includes('[Reglament:2:'));

test('two managers and the head: one record in amoCRM, attributed by amoCRM, forged notes change nothing', async () => {
  test.setTimeout(300_000); // three browsers on a shared machine: a waiting budget, not a speed assertion
  // amoCRM stores notes at its own (wall) time: the claim window is about the browsers' clocks against it.
  const fake = createAmocrmFake(createSeed(Date.now()), { sessionUsers: SESSIONS, tokenUsers: TOKENS, clock: () => Date.now() });
  const browsers: Browser[] = [];
  try {
    await scenario(fake, browsers);
  } finally {
    for (const b of browsers) await b.context.close();
  }
});

test('the amoCRM tab’s API script does nothing for a message that is not its worker’s, not its account’s, or not its operation', async () => {
  test.setTimeout(120_000); // a browser on a shared machine: a waiting budget, not a speed assertion
  const fake = createAmocrmFake(createSeed(Date.now()), { sessionUsers: SESSIONS, clock: () => Date.now() });
  const browsers: Browser[] = [];
  try {
    const a = await browser(fake, 'aigerim', browsers, { token: false });
    const card = await a.context.newPage();
    const lead = storyLead(fake.seed, 'c');
    await openCard(card, lead.id);
    const ext = await a.ext('popup.html');
    // As the worker does (tabs.sendMessage to the top frame); the extension's pages are the extension too.
    const toTab = (message: unknown) =>
      ext.evaluate(
        async ([origin, message]) => {
          const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
          return chrome.tabs.sendMessage(tab!.id!, message, { frameId: 0 }).then(
            (answer: unknown) => answer ?? null,
            (error: Error) => `refused: ${error.message}`,
          );
        },
        [ORIGIN, message] as const,
      );
    // What the hostile messages would cause (the popup's own read of the account's notes may come through the tab too).
    const record = () =>
      fake.requests.entries.filter(
        (r) =>
          (r.path === '/api/v4/leads/notes' && r.method === 'POST') ||
          r.path === '/api/v4/leads/999/notes' ||
          r.path === '/api/v4/users',
      );
    const note = {
      entity_id: lead.id,
      note_type: 'service_message',
      params: { service: 'Reglament', text: 'x' },
      request_id: '0',
    };
    const hostile: unknown[] = [
      { reglamentTab: 1, origin: 'https://other.amocrm.ru', op: 'notes.post', notes: [note] },
      { reglamentTab: 1, origin: ORIGIN, op: 'leads.delete', leadId: lead.id },
      { reglamentTab: 1, origin: ORIGIN, op: 'notes.read', leadId: 999, since: null, page: 1, url: 'https://evil.example/' },
      { reglamentTab: 1, origin: ORIGIN, op: 'notes.read', leadId: 999, since: null, page: 1, method: 'POST' },
      { reglamentTab: 1, origin: ORIGIN, op: 'notes.post', notes: [note], method: 'DELETE' },
      { reglamentTab: 1, origin: ORIGIN, op: 'notes.post', notes: [{ ...note, note_type: 'common' }] },
    ];
    // No answer at all: the script left each one alone.
    for (const message of hostile) expect(await toTab(message)).toBeNull();
    // The page itself (another sender than the extension) cannot reach the script at all.
    await card.evaluate((message) => {
      window.postMessage(message, '*');
      document.dispatchEvent(new CustomEvent('reglamentTab', { detail: message }));
    }, hostile[0]);
    // A good message afterwards is served: the channel works, and the hostile ones made no request before it.
    const control = await toTab({ reglamentTab: 1, origin: ORIGIN, op: 'users.read', page: 1 });
    expect(control).toMatchObject({ reglamentTab: 1, origin: ORIGIN, ok: true });
    expect(record().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v4/users']);
    expect(fake.seed.notes.filter((n) => n.params.text === 'x')).toEqual([]);
  } finally {
    for (const b of browsers) await b.context.close();
  }
});

test('two amoCRM tabs of one account share one request budget: never more than amoCRM’s 7 a second together', async () => {
  test.setTimeout(240_000); // a browser on a shared machine: a waiting budget, not a speed assertion
  const fake = createAmocrmFake(createSeed(Date.now()), { sessionUsers: SESSIONS, clock: () => Date.now() });
  const browsers: Browser[] = [];
  try {
    const a = await browser(fake, 'aigerim', browsers, { token: false });
    const [one, two] = [await a.context.newPage(), await a.context.newPage()];
    // Both tabs open deal after deal at once: each card reads the deal, its contact's calls, its notes.
    const keys: StoryKey[][] = [
      ['c', 'd', 'e', 'f', 'g', 'h', 'c', 'd'],
      ['i', 'j', 'h', 'g', 'f', 'e', 'j', 'i'],
    ];
    const walk = async (page: Page, list: StoryKey[]) => {
      for (const key of list) await openCard(page, storyLead(fake.seed, key).id);
    };
    await Promise.all([walk(one, keys[0]!), walk(two, keys[1]!)]);
    const api = fake.requests.entries.filter((r) => r.path.startsWith('/api/'));
    // Enough requests that two tabs on their own buckets (a burst of 3 and 2 a second each) would have gone over.
    expect(api.length).toBeGreaterThan(30);
    const most = fake.requests.maxPerWindow('/api/', 1000);
    console.log(`two tabs: ${api.length} API requests, at most ${most} in any second`);
    expect(most).toBeLessThanOrEqual(7);
  } finally {
    for (const b of browsers) await b.context.close();
  }
});

async function scenario(fake: AmocrmFake, browsers: Browser[]): Promise<void> {
  const seed = fake.seed;
  const lead = storyLead(seed, 'c');
  const clientId = `${HOST}:${lead.id}`;
  const a = await browser(fake, 'aigerim', browsers, { token: false });
  const b = await browser(fake, 'maria', browsers, { token: false });
  const head = await browser(fake, 'head', browsers, { token: false });

  // --- manager A: a tick on the card, and the sidebar's post (the message the sidebar sends) ---
  let cardA = await a.context.newPage();
  await openCard(cardA, lead.id);
  const step = (page: Page) => overlay(page).locator('.rg-step[data-item="concept-draft"]');
  await step(cardA).locator('input[type="checkbox"]').click();
  await expect(step(cardA)).toHaveAttribute('data-done', 'true');
  // No amoCRM tab open in A's browser: what waits cannot go, and the popup says how to send it.
  await cardA.close();
  const extA = await a.ext('popup.html');
  const postAt = Date.now() - 5 * 60_000;
  const post = { id: 'ig:post:TEAMe2e01', clientId, type: 'post', at: postAt, source: 'instagram', shortcode: 'TEAMe2e01' };
  expect((await send(extA, 'event.record', { event: post })).data).toMatchObject({ recorded: true });
  await expect(async () => {
    await extA.reload();
    const unsent = extA.getByTestId('unsent');
    if (!(await unsent.textContent())?.includes('откройте amoCRM'))
      await unsent.getByRole('button', { name: 'Отправить сейчас' }).click();
    await expect(unsent).toContainText('откройте amoCRM в этом браузере, отметки отправятся оттуда', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await extA.screenshot({ path: 'test-results/team-record-no-tab.png' });
  expect(markerNotes(seed, lead.id)).toHaveLength(0);

  // A opens amoCRM again: the popup sends on request, through that tab; both notes reach amoCRM as A.
  cardA = await a.context.newPage();
  await openCard(cardA, lead.id);
  await expect(async () => {
    if (markerNotes(seed, lead.id).length < 2) {
      await extA.reload();
      const unsent = extA.getByTestId('unsent');
      if (await unsent.isVisible()) await unsent.getByRole('button', { name: 'Отправить сейчас' }).click();
    }
    expect(markerNotes(seed, lead.id)).toHaveLength(2);
  }).toPass({ timeout: 120_000 });
  const written = markerNotes(seed, lead.id);
  expect(written.every((n) => n.createdBy === USER.aigerim && n.params.service === 'Reglament')).toBe(true);
  // Sent by the tab (its session), the one way without a token: no request of A's worker was refused.
  expect(fake.requests.filter('/api/v4/leads/notes', 'POST').every((r) => r.status === 200)).toBe(true);
  expect(fake.requests.entries.filter((r) => r.status === 401)).toEqual([]);
  await expect(extA.getByTestId('unsent')).toHaveCount(0);

  // --- A's content plan: edited in her dashboard and sent to the client; its version goes to the deal ---
  const plansA = await a.ext(`dashboard.html#plans/${clientId}`);
  await expect(plansA.getByTestId('plans-client')).toHaveValue(clientId);
  const topicBoxes = plansA.getByRole('textbox', { name: /Тема/ });
  await expect(topicBoxes.first()).toBeVisible();
  const topics = ['Рилс: торт на заказ за 60 секунд', 'Карусель: 5 начинок | весна', 'Отзыв клиента [фото]'];
  for (let i = 0; i < topics.length; i++) await topicBoxes.nth(i).fill(topics[i]!);
  await plansA
    .getByRole('combobox', { name: /Формат/ })
    .nth(1)
    .selectOption('carousel');
  await plansA.getByRole('button', { name: 'Отправлен клиенту' }).click();
  type Plan = {
    planNo: number;
    state: string;
    days: Array<{ date: string; format: string; topic: string }>;
    author?: { id: number };
  };
  const plansOf = async (page: Page) => (await send(page, 'plans.list', { clientId })).data as Plan[];
  await expect.poll(async () => (await plansOf(plansA)).map((p) => p.state)).toEqual(['sent']);
  const [planA] = await plansOf(plansA);
  expect(planA!.days.slice(0, 3).map((d) => d.topic)).toEqual(topics);
  const planNotes = () => markerNotes(seed, lead.id).filter((n) => n.params.text!.includes('[Reglament:2:plan|'));
  await expect(async () => {
    if (planNotes().length < 1) {
      await extA.reload();
      const unsent = extA.getByTestId('unsent');
      if (await unsent.isVisible()) await unsent.getByRole('button', { name: 'Отправить сейчас' }).click();
    }
    expect(planNotes()).toHaveLength(1);
  }).toPass({ timeout: 120_000 });
  expect(planNotes()[0]).toMatchObject({ createdBy: USER.aigerim });
  expect(planNotes()[0]!.params.text!.split('\n')[0]).toMatch(
    /^Контент-план 1 \(\d\d\.\d\d–\d\d\.\d\d\): отправлен клиенту, тем 3 из \d+$/,
  );

  // --- a forged note: B's session writes A's tick again, claiming it was done two days earlier ---
  const tickNote = written.find((n) => n.params.text!.includes('[Reglament:2:tick|'))!;
  const forgedText = tickNote.params.text!.replace(/\|(\d{10,15})\|/, (_, at: string) => `|${Number(at) - 2 * 86_400_000}|`);
  expect(forgedText).not.toBe(tickNote.params.text);
  const forged = await fake.handle({
    method: 'POST',
    url: `https://${HOST}/api/v4/leads/notes`,
    headers: { cookie: 'session_id=maria', 'content-type': 'application/json' },
    body: JSON.stringify([
      { entity_id: lead.id, note_type: 'service_message', params: { service: 'Reglament', text: `Айгерим: ${forgedText}` } },
    ]),
  });
  expect(forged.status).toBe(200);

  // --- manager B opens the same deal: both facts done, by A (amoCRM's created_by), the forged one not doubled ---
  const cardB = await b.context.newPage();
  await openCard(cardB, lead.id);
  await expect(step(cardB)).toHaveAttribute('data-done', 'true');
  const team = overlay(cardB).locator('[data-section="team"]');
  await expect(team.locator('li[data-type="tick"]')).toHaveCount(1);
  await expect(team.locator('li[data-type="tick"]')).toContainText('Айгерим');
  await expect(team.locator('li[data-type="post"]')).toContainText('Айгерим');
  const extB = await b.ext('popup.html');
  const eventsB = (await send(extB, 'client.events', { clientId })).data as Array<{
    id: string;
    type: string;
    at: number;
    author?: { id: number; name: string | null };
  }>;
  const eventsA = (await send(extA, 'client.events', { clientId })).data as typeof eventsB;
  const ticksB = eventsB.filter((e) => e.type === 'tick');
  const tickA = eventsA.find((e) => e.type === 'tick')!;
  expect(ticksB).toHaveLength(1);
  expect(ticksB[0]).toMatchObject({ id: tickA.id, at: tickA.at, author: { id: USER.aigerim, name: 'Айгерим Сарсенова' } });
  expect(eventsB.filter((e) => e.type === 'post')).toEqual([
    expect.objectContaining({ at: postAt, author: expect.objectContaining({ id: USER.aigerim }) }),
  ]);
  // B holds A's plan: the same state and items, made by A (as amoCRM says); her dashboard shows it.
  const planOfB = (await plansOf(extB)) as Plan[];
  expect(planOfB).toEqual([{ ...planA, updatedAt: expect.any(Number), author: { id: USER.aigerim, name: 'Айгерим Сарсенова' } }]);
  const plansB = await b.ext(`dashboard.html#plans/${clientId}`);
  await expect(plansB.getByRole('tab', { name: /План 1/ })).toContainText('Отправлен клиенту');
  await expect(plansB.getByRole('textbox', { name: /Тема/ }).nth(1)).toHaveValue(topics[1]!);
  await expect(plansB.getByTestId('plan-author')).toContainText('Айгерим Сарсенова');
  await plansB.screenshot({ path: 'test-results/team-record-plan-colleague.png', fullPage: true });

  // --- the head: team sync reads the deals and the notes (through the head's amoCRM tab); A's facts counted for the deal's manager ---
  const cardHead = await head.context.newPage();
  await openCard(cardHead, lead.id);
  const dash = await head.ext('dashboard.html');
  await send(dash, 'settings.set', { settings: { amocrm: { subdomain: 'smmpro' } } });
  const sync = async (page: Page) => {
    await page.reload();
    await page.getByRole('button', { name: /Синхронизировать всё/ }).click();
    await expect(page.getByTestId('sync-result')).toContainText(/Готово: \d+ сдел/, { timeout: 120_000 });
  };
  await sync(dash);
  const eventsHead = (await send(dash, 'client.events', { clientId })).data as typeof eventsB;
  expect(eventsHead.filter((e) => e.type === 'tick')).toEqual([
    expect.objectContaining({ id: tickA.id, at: tickA.at, author: { id: USER.aigerim, name: 'Айгерим Сарсенова' } }),
  ]);
  expect(eventsHead.filter((e) => e.type === 'post')).toHaveLength(1);
  expect((await plansOf(dash)).map(({ state, days }) => ({ state, days }))).toEqual([{ state: 'sent', days: planA!.days }]);
  // Again: nothing doubles after repeated syncs and re-reads.
  await sync(dash);
  await openCard(cardB, lead.id);
  const again = (await send(dash, 'client.events', { clientId })).data as typeof eventsB;
  expect(again.length).toBe(eventsHead.length);
  expect(((await send(extB, 'client.events', { clientId })).data as typeof eventsB).length).toBe(eventsB.length);

  // --- A's own dashboard: her sync (through her tab) gives the same pay and the same obligations as the head's ---
  const dashA = await a.ext('dashboard.html');
  await send(dashA, 'settings.set', { settings: { amocrm: { subdomain: 'smmpro' } } });
  await sync(dashA);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );
  const monthOf = async (page: Page) => (await send(page, 'dashboard.month', { month })).data as DashboardMonth;
  const [ofHead, ofA] = [await monthOf(dash), await monthOf(dashA)];
  const payOfA = (m: DashboardMonth) => m.payroll.managers.find((x) => x.managerId === USER.aigerim);
  expect(payOfA(ofHead)).toBeDefined();
  expect(payOfA(ofA)).toEqual(payOfA(ofHead));
  expect(ofA.payroll).toEqual(ofHead.payroll);
  expect(ofA.team).toEqual(ofHead.team);
  // The deal's manager holds the obligation A kept on it: the same on both.
  const keptOn = (m: DashboardMonth) => m.team.managers.find((x) => x.managerId === lead.responsibleUserId)?.kept ?? 0;
  expect(keptOn(ofHead)).toBeGreaterThan(0);
  await dashA.screenshot({ path: 'test-results/team-record-manager-dashboard.png', fullPage: true });

  await dash.screenshot({ path: 'test-results/team-record-head.png', fullPage: true });
  await cardB.screenshot({ path: 'test-results/team-record-colleague.png' });
}
