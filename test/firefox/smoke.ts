// The Firefox smoke: the zipped Firefox add-on (`npm run zip:firefox`) in a real Firefox (Debian's
// firefox-esr; FIREFOX_PATH overrides) against the fake amoCRM and Instagram. It walks what broke
// in Firefox before: the background starting cleanly, the popup agenda, alarms and the badge, the
// amoCRM overlay with a tick, the Instagram sidebar, delete-all. Waits are conditions with a
// generous deadline, never timings. Exits non-zero on any failure.
//   npm run test:firefox          (zips, lints, then runs this)
//   tsx test/firefox/smoke.ts     (after npm run zip:firefox)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { createAmocrmFake, createInstagramFake, createSeed, html, storyLead, type FakeHandler, type Seed } from '../fakes/index';
import { findFirefox, launchFirefox, type LaunchedFirefox } from './firefox';
import { startSiteServer, type SiteServer } from './site-server';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
// The test build (open shadow roots) is what the smoke drives; lint:firefox checks the shipped zip.
const XPI = resolve(root, `.output/reglament-${version}-firefox-e2e.zip`);
const DEADLINE_MS = 60_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Printed by an extension page to prove the console reaches us (else "no errors" would prove nothing). */
const CANARY = 'reglament-smoke-console-canary';

type Reply = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

/** Polls until `probe` returns a value `ok` accepts (default: any truthy value); the deadline is a safety net, not a measurement. */
async function until<T>(what: string, probe: () => Promise<T>): Promise<NonNullable<T>>;
async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T>;
async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean = Boolean): Promise<T> {
  const end = Date.now() + DEADLINE_MS;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end)
      throw new Error(`${what}: still not so after ${DEADLINE_MS / 1000} s (last: ${JSON.stringify(last) ?? String(error)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One message to the worker from an extension page, the way the popup sends it. */
async function send(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(
    (type, payload) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }
      ).browser.runtime.sendMessage({ reglament: 1, type, payload }),
    type,
    payload,
  );
}

async function mustSend(page: Page, type: string, payload: unknown): Promise<unknown> {
  const r = await send(page, type, payload);
  if (!r.ok) throw new Error(`${type} refused: ${r.error?.code} ${r.error?.message}`);
  return r.data;
}

function clientOf(seed: Seed, leadId: number, name: string, instagram: string | null = null) {
  return {
    id: `${seed.host}:${leadId}`,
    host: seed.host,
    leadId,
    name,
    service: 'management',
    payer: 'individual',
    managerId: 1,
    managerName: 'Айгерим',
    instagram,
    credentialsFilled: true,
    stageName: null,
    updatedAt: Date.now(),
  };
}

/** Count of elements matching `css` inside the open shadow root of `host` (0 while it is absent). */
function inShadow(page: Page, host: string, css: string): Promise<number> {
  return page.evaluate((host, css) => document.querySelector(host)?.shadowRoot?.querySelectorAll(css).length ?? 0, host, css);
}

/** Console errors and warnings of the add-on (Firefox's own services log plenty that is not ours). */
function addonErrors(output: string[]): string[] {
  return output.filter(
    (line) =>
      !line.includes(CANARY) &&
      ((/^console\.(error|warn):/.test(line) && /Reglament|moz-extension:\/\//i.test(line)) ||
        /^JavaScript (error|warning):.*moz-extension:\/\//.test(line)),
  );
}

async function main(): Promise<number> {
  const executablePath = findFirefox();
  if (!executablePath) {
    console.error(
      process.env.FIREFOX_PATH
        ? `firefox smoke: FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.`
        : "firefox smoke: no Firefox found. Install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.",
    );
    return 1;
  }
  if (!existsSync(XPI)) {
    console.error(`firefox smoke: ${XPI} is missing; run npm run zip:firefox first.`);
    return 1;
  }

  const seed = createSeed(Date.now());
  const amocrm = createAmocrmFake(seed);
  const instagram = createInstagramFake(seed);
  const otherAccount: FakeHandler = async () => html(404, '<!DOCTYPE html><title>404</title><h1>Аккаунт не найден</h1>');
  const route = (host: string): FakeHandler | null =>
    host === seed.host
      ? amocrm.handle
      : host === 'www.instagram.com'
        ? instagram.handle
        : /^[a-z0-9-]+\.amocrm\.ru$/.test(host)
          ? otherAccount
          : null;

  let server: SiteServer | null = null;
  let firefox: LaunchedFirefox | null = null;
  let passed = 0;
  let failed = 0;
  try {
    server = await startSiteServer(route, [seed.host, 'www.instagram.com']);
    firefox = await launchFirefox({ executablePath, xpi: XPI, proxyPort: server.port });
    const ff = firefox;
    console.log(`firefox smoke: ${(await ff.browser.version()) || executablePath}, add-on ${XPI.replace(`${root}/`, '')}`);
    // WebDriver may not navigate to extension pages: Firefox starts on the popup, others open from it.
    const ext = await until('the start page', async () => (await ff.browser.pages()).find((p) => p.url() === ff.startPage));
    const openExtensionPage = async (path: string): Promise<Page> => {
      const url = `${ff.origin}/${path}`;
      const before = new Set(ff.browser.targets());
      const target = ff.browser.waitForTarget((t) => !before.has(t) && t.type() === 'page', { timeout: DEADLINE_MS });
      await ext.evaluate(
        (url) =>
          (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({
            url,
          }),
        url,
      );
      // WebDriver reports a tab the add-on opened as about:blank: ask the page where it is.
      const page = (await (await target).page())!;
      await until(
        `${path} loaded`,
        () => page.evaluate(() => location.href),
        (href) => href === url,
      );
      return page;
    };

    const overdue = [clientOf(seed, 9101, 'Кофейня «Зерно»'), clientOf(seed, 9102, 'Пекарня «Колос»')];
    const fresh = clientOf(seed, 9103, 'Салон «Лотос»');
    const lead = storyLead(seed, 'c');
    const igLead = seed.leads.find((l) => l.instagram === 'zhanna_cakes')!;

    const steps: Array<[string, () => Promise<string>]> = [
      [
        'the background starts and answers',
        async () => {
          await until('the worker answers settings.get', async () => (await send(ext, 'settings.get', {})).ok);
          await ext.evaluate((c) => console.error(c), CANARY);
          const canary = await until('the console reaches stdout', async () => ff.output.find((l) => l.includes(CANARY)));
          // The filter of the last step would have caught it: reading the console can fail this smoke.
          if (addonErrors([canary.replace(CANARY, 'Reglament: smoke failed')]).length !== 1)
            throw new Error(`the error filter misses the add-on's console line: ${canary}`);
          return ext.url();
        },
      ],
      [
        'the popup agenda renders the seeded clients',
        async () => {
          // Working hours around the clock: first contact (1 h) is overdue whenever the smoke runs.
          const settings = (await mustSend(ext, 'settings.get', {})) as { calendar: Record<string, unknown> };
          settings.calendar = {
            ...settings.calendar,
            workStart: '00:00',
            workEnd: '23:59',
            workDays: [1, 2, 3, 4, 5, 6, 7],
            useKzHolidays: false,
          };
          await mustSend(ext, 'settings.set', { settings });
          const now = Date.now();
          for (const [client, at] of [
            [overdue[0]!, now - 3 * HOUR],
            [overdue[1]!, now - 5 * HOUR],
            [fresh, now - 20 * MIN],
          ] as const)
            await mustSend(ext, 'client.sync', {
              client,
              events: [{ clientId: client.id, source: 'amocrm', type: 'deal-created', at }],
            });
          const popup = await openExtensionPage('popup.html');
          await popup.waitForSelector('[data-testid="agenda-list"]', { timeout: DEADLINE_MS }).catch(async (e: unknown) => {
            throw new Error(
              `${String(e)}; the popup shows: ${await popup.evaluate(() => document.body.innerHTML.slice(0, 600))}`,
            );
          });
          const names = await until(
            'the agenda lists the three clients',
            () => popup.evaluate(() => document.querySelector('[data-testid="agenda-list"]')?.textContent ?? ''),
            (text) => [...overdue, fresh].every((c) => text.includes(c.name)),
          );
          const overdueRows = await popup.evaluate(
            () => document.querySelectorAll('[data-testid="section-overdue"] [data-client]').length,
          );
          if (overdueRows < 2) throw new Error(`overdue section has ${overdueRows} rows, expected 2: ${names.slice(0, 200)}`);
          await popup.close();
          return `${[...overdue, fresh].map((c) => c.name).join(', ')}; ${overdueRows} overdue`;
        },
      ],
      [
        'alarms are planned and the badge shows the overdue count',
        async () => {
          const alarms = await until(
            'next-wake and safety alarms',
            () =>
              ext.evaluate(async () => {
                const b = (globalThis as unknown as { browser: { alarms: { getAll(): Promise<Array<{ name: string }>> } } })
                  .browser;
                return (await b.alarms.getAll()).map((a) => a.name).sort();
              }),
            (names) => names.includes('next-wake') && names.includes('safety'),
          );
          const badge = await until(
            'badge text 2',
            () =>
              ext.evaluate(() => {
                type Button = { getBadgeText(d: object): Promise<string> };
                const b = (globalThis as unknown as { browser: { action?: Button; browserAction?: Button } }).browser;
                return (b.action ?? b.browserAction)!.getBadgeText({});
              }),
            (text) => text === '2',
          );
          return `alarms [${alarms.join(', ')}], badge «${badge}»`;
        },
      ],
      [
        'the amoCRM overlay shows countdowns on a deal card and records a tick',
        async () => {
          const page = await ff.browser.newPage();
          await page.goto(`https://${seed.host}/leads/detail/${lead.id}`);
          await page.waitForSelector(`reglament-overlay[data-lead="${lead.id}"][data-state="ready"]`, { timeout: DEADLINE_MS });
          const rows = await until(
            'countdown rows',
            () => inShadow(page, 'reglament-overlay', '.rg-dl__row .rg-cd'),
            (n) => n > 0,
          );
          const item = '.rg-step[data-item="concept-draft"]';
          await page.locator(`reglament-overlay >>> ${item} input[type="checkbox"]`).setTimeout(DEADLINE_MS).click();
          await until(
            'the step shows as done',
            () => inShadow(page, 'reglament-overlay', `${item}[data-done="true"]`),
            (n) => n === 1,
          );
          const events = await until(
            'the tick in the worker',
            async () => JSON.stringify(await mustSend(ext, 'client.events', { clientId: `${seed.host}:${lead.id}` })),
            (json) => /"type":"tick"[^}]*"item":"concept-draft"|"item":"concept-draft"[^}]*"type":"tick"/.test(json),
          );
          await page.close();
          return `lead ${lead.id} «${lead.name}»: ${rows} countdowns, tick recorded (${(JSON.parse(events) as unknown[]).length} events)`;
        },
      ],
      [
        'the Instagram sidebar appears on a client profile',
        async () => {
          const client = clientOf(seed, igLead.id, igLead.name, igLead.instagram);
          await mustSend(ext, 'client.sync', {
            client,
            events: [{ clientId: client.id, source: 'amocrm', type: 'deal-created', at: igLead.createdAt }],
          });
          const page = await ff.browser.newPage();
          await page.goto(`https://www.instagram.com/${igLead.instagram}/`);
          await page.locator('reglament-sidebar >>> button.rg-tab').setTimeout(DEADLINE_MS).click();
          const heading = await until(
            'the panel names the client',
            () =>
              page.evaluate(() => {
                const panel = document.querySelector('reglament-sidebar')?.shadowRoot?.querySelector('#rg-panel');
                return panel && !panel.hasAttribute('hidden') ? (panel.textContent ?? '') : '';
              }),
            (text) => text.includes(igLead.name),
          );
          await page.close();
          return `@${igLead.instagram}: «${heading.slice(0, 60).trim()}…»`;
        },
      ],
      [
        'delete-all answers success',
        async () => {
          const r = await send(ext, 'data.delete', { confirm: 'delete-all' });
          if (!r.ok) throw new Error(`data.delete answered ${r.error?.code}: ${r.error?.message}`);
          const left = (await mustSend(ext, 'clients.list', {})) as unknown[];
          if (left.length) throw new Error(`${left.length} clients left after delete-all`);
          return `deleted ${JSON.stringify((r.data as { deleted: unknown }).deleted)}`;
        },
      ],
      [
        'no errors from the add-on in the console',
        async () => {
          const errors = addonErrors(ff.output);
          if (errors.length) throw new Error(`\n      ${errors.join('\n      ')}`);
          return `${ff.output.length} lines of Firefox output read`;
        },
      ],
    ];

    for (const [name, run] of steps) {
      try {
        const detail = await run();
        passed++;
        console.log(`  ✓ ${name} — ${detail}`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${name}\n      ${error instanceof Error ? error.message : String(error)}`);
        // Later steps build on earlier ones: stop here, and say what was not run.
        for (const [rest] of steps.slice(steps.findIndex(([n]) => n === name) + 1)) console.log(`  - ${rest} (not run)`);
        break;
      }
    }
    if (failed) {
      if (process.env.FIREFOX_SMOKE_LOG) writeFileSync(process.env.FIREFOX_SMOKE_LOG, ff.output.join('\n'));
      const errors = addonErrors(ff.output);
      if (errors.length) console.log(`  add-on errors in the console:\n      ${errors.join('\n      ')}`);
      if (server.refused.length) console.log(`  refused hosts: ${[...new Set(server.refused)].join(', ')}`);
    }
  } catch (error) {
    failed++;
    console.log(`  ✗ starting Firefox with the add-on\n      ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await firefox?.close();
    await server?.close();
  }
  console.log(`firefox smoke: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
