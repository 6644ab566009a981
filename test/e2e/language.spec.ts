// One language at a time (issue 12 part 4): in a browser whose language is English, every page —
// the overlay in a deal card, the Instagram sidebar, the popup, the options page, the dashboard —
// speaks the agency's chosen language, Russian by default, English once chosen. A whole-page
// screenshot of each, and the visible text (our shadow roots on the sites' pages, the whole page
// on ours, tooltips and labels included) is checked for words of the other script. Allowed:
// the clients' own data read from the seed, and the technical names the product keeps in any
// language.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './send';
import { syncClients } from './sync-clients';
import { storyLead, type Seed, type StoryKey } from '../fakes/seed';
import { defaultSettings } from '../../lib/playbook/defaults';

type Language = 'ru' | 'en';

test.use({ browserLocale: 'en-US' });

const SHOTS = 'test-results/language';
const STORIES: StoryKey[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const PROFILES = ['zhanna_cakes', 'kids_english_ala', 'fitzone_astana'];

/** Names the product keeps in any language (docs/playbook.md writes them so in Russian too). */
const TECHNICAL = [
  'Reglament',
  'amoCRM',
  'Kommo',
  'Instagram',
  'Stories',
  'Direct',
  'WhatsApp',
  'Kaspi',
  'JSON',
  'CSV',
  'UTF-8',
  'BOM',
  'Excel',
];

/**
 * The clients' and the team's own data as the seed made them: names, accounts, and amoCRM's own
 * stages that Reglament does not follow (the ones it follows show in the interface language).
 */
function clientData(seed: Seed): string[] {
  const followed = new Set(Object.values(defaultSettings.amocrm.stageNames));
  return [
    ...seed.pipeline.statuses.map((s) => s.name).filter((name) => !followed.has(name)),
    seed.accountName,
    seed.subdomain,
    seed.pipeline.name,
    seed.igViewer.username,
    seed.igViewer.fullName,
    ...seed.users.map((u) => u.name),
    ...seed.leads.flatMap((l) => [l.name, l.contact.name, l.instagram]),
    ...seed.profiles.flatMap((p) => [p.username, p.fullName]),
  ].filter((s) => s.trim() !== '');
}

/** What a person sees or hears on the page: innerText plus titles, labels and placeholders. */
async function visibleText(page: Page, hosts: string[]): Promise<string> {
  return page.evaluate((hosts) => {
    const parts: string[] = [];
    const attributes = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('[title], [aria-label], [placeholder]')))
        for (const name of ['title', 'aria-label', 'placeholder']) parts.push(el.getAttribute(name) ?? '');
    };
    if (hosts.length === 0) {
      parts.push(document.title, document.body.innerText);
      attributes(document);
    }
    for (const selector of hosts)
      for (const host of Array.from(document.querySelectorAll(selector))) {
        const root = host.shadowRoot;
        if (!root) throw new Error(`${selector} has no open shadow root: run \`npm run build:e2e\``);
        for (const el of Array.from(root.children))
          if (el instanceof HTMLElement && el.tagName !== 'STYLE' && el.tagName !== 'LINK') parts.push(el.innerText);
        attributes(root);
      }
    return parts.join('\n');
  }, hosts);
}

/**
 * Words of the other script, after the allowed strings, URLs, e-mails, @handles and
 * unfilled `{placeholders}` are taken out
 * (in lower case: innerText applies CSS text-transform).
 */
function foreignWords(text: string, language: Language, allowed: string[]): string[] {
  let rest = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/@[\w.]+/g, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)*\.(ru|com|kz|agency)\b/g, ' ')
    // IANA time-zone ids (Asia/Almaty) are identifiers, the same in every language
    .replace(/\b[a-z]+\/[a-z_]+\b/g, ' ')
    // a template placeholder the deal cannot fill stays visible on purpose: the manager fills it in
    .replace(/\{[a-z][a-z0-9_]*\}/gi, ' ')
    .replace(/[\w.-]+\.(html|csv|json)\b/g, ' ');
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) rest = rest.split(a.toLowerCase()).join(' ');
  const words = language === 'en' ? /[\u0400-\u04FF]+/g : /[a-z]{2,}/g;
  return [...new Set(rest.match(words) ?? [])];
}

async function check(page: Page, language: Language, name: string, allowed: string[], hosts: string[] = []): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${language}-${name}.png`, fullPage: true });
  const text = await visibleText(page, hosts);
  expect(text.trim().length, `${name}: the page shows text`).toBeGreaterThan(20);
  expect(foreignWords(text, language, allowed), `${language} ${name}: words of the other script`).toEqual([]);
}

async function mirroredLanguage(page: Page): Promise<unknown> {
  return page.evaluate(async () => (await chrome.storage.local.get('ui.locale'))['ui.locale']);
}

for (const language of ['ru', 'en'] as const) {
  test(`every page speaks ${language === 'ru' ? 'Russian by default' : 'English once chosen'}, in an English browser`, async ({
    context,
    fakes,
    pageErrors,
    openExtensionPage,
  }) => {
    test.setTimeout(300_000); // a waiting budget for many pages on a busy machine, not a speed assertion
    const allowed = [...TECHNICAL, ...clientData(fakes.seed)];
    const ext = await openExtensionPage('popup.html');
    expect(await ext.evaluate(() => navigator.language)).toBe('en-US');
    if (language === 'en') {
      const reply = await send(ext, 'settings.set', { settings: { interface: { language: 'en' } } });
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
    }
    // The worker mirrors the agency's choice where pages and content scripts read it.
    await expect.poll(() => mirroredLanguage(ext)).toBe(language);

    // Instagram: the sidebar on a client's profile.
    await syncClients(ext, fakes.seed, PROFILES);
    const page = await context.newPage();
    for (const username of PROFILES) {
      await page.goto(`https://www.instagram.com/${username}/`);
      const tab = page.locator('reglament-sidebar').locator('button.rg-tab');
      await expect(tab).toBeVisible();
      if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
      await expect(page.locator('reglament-sidebar').locator('#rg-panel')).toBeVisible();
      await expect(page.locator('reglament-sidebar').locator('#rg-panel')).not.toContainText(/Загрузка|Loading/);
      await check(page, language, `sidebar-${username}`, allowed, ['reglament-sidebar']);
    }

    // amoCRM: the overlay in every seeded deal card (every stage, both services).
    const overlay = page.locator('reglament-overlay');
    for (const key of STORIES) {
      const lead = storyLead(fakes.seed, key);
      await page.goto(`https://${fakes.seed.host}/leads/detail/${lead.id}`);
      await expect(overlay).toHaveAttribute('data-lead', String(lead.id));
      await expect(overlay).toHaveAttribute('data-state', 'ready');
      await expect(overlay.locator('.rg-head__name')).toHaveText(lead.name);
      await check(page, language, `overlay-${key}`, allowed, ['reglament-overlay']);
    }

    // The extension's own pages, whole.
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('agenda-list')).toBeVisible();
    await check(popup, language, 'popup', allowed);

    const options = await openExtensionPage('options.html');
    await options.waitForSelector('body[data-ready="true"]');
    await expect(options.locator('html')).toHaveAttribute('lang', language);
    await check(options, language, 'options', allowed);

    const dashboard = await openExtensionPage('dashboard.html');
    await expect(dashboard.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(dashboard.locator('html')).toHaveAttribute('lang', language);
    await check(dashboard, language, 'dashboard', allowed);

    expect(pageErrors).toEqual([]);
  });
}

test('the options page switches every open page, and an edited text stays as written', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.waitForSelector('body[data-ready="true"]');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Настройки Reglament');
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Сегодня');

  // An edited template name, then English: the edit stays, the rest switches.
  const title = options.locator('#f-templates-renewalScript-title');
  await title.fill('Наш скрипт продления');
  await title.press('Enter');
  await expect(options.getByTestId('save-status')).toContainText('Сохранено');
  await options.getByLabel('Язык интерфейса', { exact: true }).selectOption('en');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Reglament settings');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(options.locator('#template-renewalScript-title')).toHaveText('Наш скрипт продления');
  await expect(options.locator('#template-firstCallScript-title')).toHaveText('Script #3. First call');
  await expect(options.locator('#f-people-growthSpecialist')).toHaveValue('Ivan');
  // Only the language changed in the store: the unedited names keep their stored (Russian) value.
  const stored = (await send(options, 'settings.get', {})).data;
  expect(stored.people.growthSpecialist).toBe('Иван');
  expect(stored.amocrm.stageNames.launched).toBe('Проект запущен');

  await options.getByLabel('Interface language', { exact: true }).selectOption('ru');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Сегодня');
  await expect(options.locator('#template-firstCallScript-title')).toHaveText('Скрипт #3. Первый звонок');
});
