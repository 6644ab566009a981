// Board chips against the fake amoCRM (./browser.ts: the built extension beside the empty probe,
// the API delayed): 300+ open deals on the board at once. From the board's DOM being ready
// (DOMContentLoaded: the fake serves the board in the page's HTML) to every known deal's chip
// painted, over full loads once the worker knows every deal, beside the probe of the board's
// content script on the same loads (when an empty script at the same run time first touches the
// ready DOM); and the API requests each view made (budget: one).
//   npm run build && npx tsx scripts/bench/board.ts
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { installFakes } from '../../test/fakes/route';
import { STATUS } from '../../test/fakes/seed';
import { apiDelayMs, delayApis, launchBench } from './browser';
import { median, percentile, printTable, type BenchRow } from './table';

/** Full loads measured: enough for a stable p90. */
const LOADS = 20;
/** Generated deals on top of the named ones: 310 open, all on the board at once. */
const EXTRA_LEADS = 370;
const CHIPS = '.pipeline_items__list reglament-chip';

declare global {
  interface Window {
    __rgBoard?: { expected: number; paintedAt: number | null };
  }
}

/**
 * Main world, from the document's start: when the expected number of chips is on the board. A
 * string, not a function: the page must not depend on how tsx compiles a function's name.
 */
const recorder = (expected: number) => `(() => {
  const state = { expected: ${expected}, paintedAt: null };
  window.__rgBoard = state;
  const look = () => {
    if (state.paintedAt === null && document.querySelectorAll(${JSON.stringify(CHIPS)}).length >= state.expected)
      state.paintedAt = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();`;

/** How many chips the worker's answer for every card on the page paints, once it knows every deal (else 0). */
async function chipsExpected(ext: Page, page: Page, host: string): Promise<number> {
  const ids = await page
    .locator('.pipeline_items__list .pipeline_leads__item[data-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const view = (await ext.evaluate(
    (clientIds) => chrome.runtime.sendMessage({ reglament: 1, type: 'board.view', payload: { clientIds } }),
    ids.map((id) => `${host}:${id}`),
  )) as { ok: boolean; data: { entries: { top: unknown }[]; unknown: string[] } };
  if (!view.ok || view.data.unknown.length) return 0;
  return view.data.entries.filter((e) => e.top).length;
}

export async function runBoardBench(): Promise<BenchRow[]> {
  const { context, extensionId } = await launchBench({ viewport: { width: 1600, height: 900 } });
  const chips: number[] = [];
  const probe: number[] = [];
  const requests: number[] = [];
  try {
    const fakes = await installFakes(context, { extraLeads: EXTRA_LEADS, amocrm: { boardPackSize: 1000 } });
    await delayApis(context);
    const api = () => fakes.amocrm.requests.filter(/^\/api\//).length;
    const cards = fakes.seed.leads.filter((l) => l.statusId !== STATUS.won && l.statusId !== STATUS.lost).length;
    const url = `https://${fakes.seed.host}/leads/pipeline/${fakes.seed.pipeline.id}/`;
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/popup.html`);
    // Warm-up: the first view reads the deals the worker does not know (one batched request) and
    // records them; from then on every view is a manager's ordinary board.
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, CHIPS, { timeout: 60_000 });
    let expected = 0;
    for (let i = 0; i < 60 && !expected; i++) {
      expected = await chipsExpected(ext, page, fakes.seed.host).catch(() => 0);
      if (!expected) await page.waitForTimeout(500);
    }
    if (!expected) throw new Error('the warm-up view never recorded the board');
    await page.addInitScript(recorder(expected));
    for (let i = 0; i < LOADS; i++) {
      const before = api();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(
        () => window.__rgBoard?.paintedAt != null && document.documentElement.hasAttribute('data-probe-amocrm-board'),
        undefined,
        { timeout: 30_000 },
      );
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const dcl = nav.domContentLoadedEventStart;
        return {
          chips: window.__rgBoard!.paintedAt! - dcl,
          probe: Number(document.documentElement.getAttribute('data-probe-amocrm-board')) - dcl,
        };
      });
      chips.push(t.chips);
      probe.push(t.probe);
      // A view asks nothing of the API when the worker knows every deal: wait out one API delay to be sure.
      await page.waitForTimeout(apiDelayMs + 200);
      requests.push(api() - before);
    }
    return [
      {
        name: `board: DOM ready → all ${expected} chips of ${cards} cards (API ${apiDelayMs} ms)`,
        runs: chips,
        unit: 'ms',
        budgets: [{ stat: 'median', max: 50 }],
        beside: `probe ${median(probe).toFixed(1)} / ${percentile(probe, 0.9).toFixed(1)} ms`,
      },
      {
        name: 'board: API requests per board view, most',
        runs: [Math.max(...requests)],
        unit: 'req',
        budgets: [{ stat: 'value', max: 1 }],
      },
    ];
  } finally {
    await context.close();
  }
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
