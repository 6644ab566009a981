// Overlay latency against the fake amoCRM: from the deal card's DOM being in the page to the
// overlay showing countdowns. Measured over single-page navigations (board → card by pushState),
// and over full page loads next to the injection time of an empty probe content script.
//   npx wxt build && npx tsx scripts/bench/overlay.ts
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension } from '../launch';
import { chromiumArgs, findChromium } from '../chromium';
import { installFakes } from '../../test/fakes/route';
import { median, percentile, printTable, type BenchRow } from './table';

const NAVIGATIONS = 20;
const STORIES = ['c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;

declare global {
  interface Window {
    __rgBench?: { lead: string; cardAt: number | null; shownAt: number | null };
  }
}

/** Main-world recorder: when the card of `lead` appears, and when the overlay shows a countdown. */
function armRecorder(page: Page, lead: number): Promise<void> {
  return page.evaluate((lead) => {
    const state = { lead: String(lead), cardAt: null as number | null, shownAt: null as number | null };
    window.__rgBench = state;
    const seen = new WeakSet<ShadowRoot>();
    const look = () => {
      if (state.cardAt === null && document.querySelector(`#card_holder[data-id="${state.lead}"]`))
        state.cardAt = performance.now();
      const host = document.querySelector(`reglament-overlay[data-lead="${state.lead}"]`);
      const root = host?.shadowRoot;
      if (!root || state.shownAt !== null) return;
      if (root.querySelector('.rg-cd')) {
        state.shownAt = performance.now();
        return;
      }
      if (!seen.has(root)) {
        seen.add(root);
        new MutationObserver(look).observe(root, { childList: true, subtree: true });
      }
    };
    new MutationObserver(look).observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-lead', 'data-state'],
    });
    look();
  }, lead);
}

async function readRecorder(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__rgBench?.shownAt != null && window.__rgBench.cardAt != null, undefined, {
    timeout: 10_000,
  });
  return page.evaluate(() => window.__rgBench!.shownAt! - window.__rgBench!.cardAt!);
}

async function spaNavigations(context: BrowserContext, leadIds: number[], boardUrl: string): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(boardUrl);
  const times: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const lead = leadIds[i % leadIds.length];
    await page.locator('.pipeline_leads__item').first().waitFor();
    await armRecorder(page, lead);
    await page.locator(`a[href="/leads/detail/${lead}"]`).click();
    times.push(await readRecorder(page));
    await page.locator('.js-back-button').click();
  }
  await page.close();
  return times;
}

/** Full loads of a card: DOMContentLoaded → overlay countdowns, and → our content script's start. */
async function fullLoads(context: BrowserContext, urls: string[]): Promise<{ overlay: number[]; inject: number[] }> {
  const page = await context.newPage();
  const overlay: number[] = [];
  const inject: number[] = [];
  for (const url of urls) {
    const lead = Number(url.split('/').pop());
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await armRecorder(page, lead);
    await page.waitForFunction(() => window.__rgBench?.shownAt != null, undefined, { timeout: 10_000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        dcl: nav.domContentLoadedEventStart,
        shown: window.__rgBench!.shownAt!,
        injected: Number(document.documentElement.dataset.reglamentInjected),
      };
    });
    overlay.push(r.shown - r.dcl);
    inject.push(r.injected - r.dcl);
  }
  await page.close();
  return { overlay, inject };
}

/** The same loads with only an empty probe content script (a separate tiny extension). */
export async function probeLoads(urls: string[]): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-probe-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'probe',
      version: '1',
      content_scripts: [{ matches: ['https://*.amocrm.ru/*'], js: ['probe.js'] }],
    }),
  );
  writeFileSync(join(dir, 'probe.js'), 'document.documentElement.dataset.probeInjected = String(performance.now());');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'reglament-probe-profile-')), {
    executablePath: findChromium(),
    headless: true,
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    args: [...chromiumArgs, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    await installFakes(context);
    const page = await context.newPage();
    const out: number[] = [];
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => document.documentElement.dataset.probeInjected !== undefined, undefined, {
        timeout: 10_000,
      });
      out.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return Number(document.documentElement.dataset.probeInjected) - nav.domContentLoadedEventStart;
        }),
      );
    }
    return out;
  } finally {
    await context.close();
  }
}

export async function runOverlayBench(): Promise<BenchRow[]> {
  const { context } = await launchWithExtension({ headless: true });
  let spa: number[];
  let loads: { overlay: number[]; inject: number[] };
  let urls: string[];
  try {
    const fakes = await installFakes(context);
    const leadIds = STORIES.map((k) => fakes.seed.storyLeads[k]);
    const origin = `https://${fakes.seed.host}`;
    urls = Array.from({ length: 10 }, (_, i) => `${origin}/leads/detail/${leadIds[i % leadIds.length]}`);
    // One warm-up visit per card: the worker learns the clients (a manager's normal day).
    loads = await fullLoads(context, urls);
    spa = await spaNavigations(context, leadIds, `${origin}/leads/pipeline/${fakes.seed.pipeline.id}/`);
  } finally {
    await context.close();
  }
  const probe = await probeLoads(urls);
  return [
    {
      name: `overlay after pushState: card DOM → countdowns, median of ${spa.length}`,
      value: median(spa),
      unit: 'ms',
      budget: 50,
    },
    { name: 'overlay after pushState, p90', value: percentile(spa, 0.9), unit: 'ms', budget: null },
    {
      name: `overlay after full load: DOMContentLoaded → countdowns, median of ${loads.overlay.length}`,
      value: median(loads.overlay),
      unit: 'ms',
      budget: null,
    },
    { name: 'overlay after full load, p90', value: percentile(loads.overlay, 0.9), unit: 'ms', budget: null },
    {
      name: 'Reglament content script start after DOMContentLoaded, median',
      value: median(loads.inject),
      unit: 'ms',
      budget: null,
    },
    { name: 'empty probe content script start after DOMContentLoaded, median', value: median(probe), unit: 'ms', budget: null },
    { name: 'empty probe content script, p90', value: percentile(probe, 0.9), unit: 'ms', budget: null },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runOverlayBench().then(
    (rows) => {
      if (!printTable(rows)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(`bench:overlay: ${(error as Error).message}`);
      process.exitCode = 2;
    },
  );
}
