// Board chips against the fake amoCRM: 300+ cards on the board, the API 300 ms away. From the
// board's DOM being ready (DOMContentLoaded: the board is in the page's HTML) to every known deal's
// chip painted, median and p90 over full loads, with the API requests each view made, next to the
// start of an empty probe content script.
//   npx wxt build && npx tsx scripts/bench/board.ts
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../launch';
import { installFakes } from '../../test/fakes/route';
import { STATUS } from '../../test/fakes/seed';
import { probeLoads } from './overlay';
import { median, percentile, printTable, type BenchRow } from './table';

const RUNS = 15;
/** 370 generated deals on top of the named ones: 310 open, all on the board at once. */
const EXTRA_LEADS = 370;
const API_DELAY_MS = 300;

declare global {
  interface Window {
    __rgBoard?: { expected: number; paintedAt: number | null };
  }
}

/**
 * Main world, from the document's start: when the expected number of chips is on the board. A
 * string, not a function: tsx's keepNames would wrap named functions in a helper the page lacks.
 */
const recorder = (expected: number) => `(() => {
  const state = { expected: ${expected}, paintedAt: null };
  window.__rgBoard = state;
  new MutationObserver(() => {
    if (state.paintedAt === null && document.querySelectorAll('.pipeline_items__list reglament-chip').length >= state.expected)
      state.paintedAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

async function chipsExpected(ext: Page, page: Page, host: string): Promise<number> {
  const ids = await page
    .locator('.pipeline_items__list .pipeline_leads__item[data-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const view = (await ext.evaluate(
    (clientIds) => chrome.runtime.sendMessage({ reglament: 1, type: 'board.view', payload: { clientIds } }),
    ids.map((id) => `${host}:${id}`),
  )) as { ok: boolean; data: { entries: { top: unknown }[]; unknown: string[] } };
  if (!view.ok || view.data.unknown.length) throw new Error('the worker does not know every deal on the board');
  return view.data.entries.filter((e) => e.top).length;
}

export async function runBoardBench(): Promise<BenchRow[]> {
  const { context } = await launchWithExtension({ headless: true });
  const times: number[] = [];
  const requests: number[] = [];
  let cards: number;
  let url: string;
  try {
    const fakes = await installFakes(context, {
      extraLeads: EXTRA_LEADS,
      amocrm: { boardPackSize: 1000, faults: [{ delayMs: API_DELAY_MS }] },
    });
    cards = fakes.seed.leads.filter((l) => l.statusId !== STATUS.won && l.statusId !== STATUS.lost).length;
    url = `https://${fakes.seed.host}/leads/pipeline/${fakes.seed.pipeline.id}/`;
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${new URL(context.serviceWorkers()[0].url()).host}/popup.html`);
    // Warm-up: the first view reads the deals the worker does not know (one batched request).
    const page = await context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('.pipeline_items__list reglament-chip').length >= n, 1, {
      timeout: 30_000,
    });
    let expected = 0;
    for (let i = 0; i < 60 && !expected; i++) {
      expected = await chipsExpected(ext, page, fakes.seed.host).catch(() => 0);
      if (!expected) await page.waitForTimeout(500);
    }
    if (!expected) throw new Error('the warm-up view never recorded the board');
    await page.addInitScript(recorder(expected));
    for (let i = 0; i < RUNS; i++) {
      const before = fakes.amocrm.requests.filter(/^\/api\//).length;
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.__rgBoard?.paintedAt != null, undefined, { timeout: 20_000 });
      times.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return window.__rgBoard!.paintedAt! - nav.domContentLoadedEventStart;
        }),
      );
      // A view asks nothing of the API when the worker knows every deal; wait out one API delay to be sure.
      await page.waitForTimeout(API_DELAY_MS + 100);
      requests.push(fakes.amocrm.requests.filter(/^\/api\//).length - before);
    }
  } finally {
    await context.close();
  }
  const probe = await probeLoads(Array.from({ length: 10 }, () => url));
  return [
    {
      name: `board: DOM ready → all chips of ${cards} cards, API ${API_DELAY_MS} ms away, median of ${times.length}`,
      value: median(times),
      unit: 'ms',
      budget: 50,
    },
    { name: 'board: DOM ready → all chips, p90', value: percentile(times, 0.9), unit: 'ms', budget: null },
    { name: 'board: API requests per board view, most', value: Math.max(...requests), unit: 'req', budget: 1 },
    {
      name: 'empty probe content script on the board: start after DOMContentLoaded, median',
      value: median(probe),
      unit: 'ms',
      budget: null,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runBoardBench().then(
    (rows) => {
      if (!printTable(rows)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(`bench:board: ${(error as Error).message}`);
      process.exitCode = 2;
    },
  );
}
