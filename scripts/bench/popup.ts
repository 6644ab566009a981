// The popup with 300 clients, opened first after the worker started. Two ways a worker starts:
// the browser was idle long enough for Chrome to stop it (every click on the toolbar icon after
// 30 s: the worker is stopped over CDP, the browser keeps running), and the browser itself
// starting (Chromium relaunched on the same profile: its own start competes with the popup).
// The clients are test/fakes/busy-agency.ts, as the popup e2e seeds them.
// Reported from the page's navigation start: the first list painted (the last visit's snapshot
// when there is one) and the worker's agenda painted (budget ≤ 100 ms).
//   npm run build && npx tsx scripts/bench/popup.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { busyAgency, syncAll } from '../../test/fakes/busy-agency';
import { DAY } from '../../lib/calendar/time';
import { backdateTracking } from '../backdate-tracking';
import type { BrowserContext } from '@playwright/test';
import { launchBench } from './browser';
import { printTable, type BenchRow } from './table';

const CLIENTS = 300;
const RUNS = 9;

async function seed(userDataDir: string): Promise<void> {
  const { context, extensionId } = await launchBench({ userDataDir });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const now = Date.now();
    const ok = await syncAll(page, busyAgency(CLIENTS, now));
    if (ok !== CLIENTS) throw new Error(`seeded ${ok} of ${CLIENTS} clients`);
    // A busy agency Reglament has followed for weeks.
    await backdateTracking(page, now - 30 * DAY);
  } finally {
    await context.close();
  }
}

/** One opening of the popup: the first list painted and the worker's agenda painted, from navigation start. */
async function open(context: BrowserContext, extensionId: string, into: { first: number[]; fresh: number[] }): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('body[data-fresh="true"]', { timeout: 60_000 });
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  into.first.push(marks['agenda-rendered']!);
  into.fresh.push(marks['agenda-fresh']!);
  // Let the snapshot of this visit be written before the page goes.
  await page.waitForTimeout(300);
  await page.close();
}

async function stopWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  await page.close();
}

export async function runPopupBench(): Promise<BenchRow[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'reglament-popup-bench-'));
  await seed(userDataDir);
  const idle = { first: [] as number[], fresh: [] as number[] };
  const launched = { first: [] as number[], fresh: [] as number[] };
  {
    const { context, extensionId } = await launchBench({ userDataDir });
    try {
      for (let run = 0; run < RUNS; run++) {
        await stopWorker(context);
        await open(context, extensionId, idle);
      }
    } finally {
      await context.close();
    }
  }
  for (let run = 0; run < RUNS; run++) {
    const { context, extensionId } = await launchBench({ userDataDir });
    try {
      await open(context, extensionId, launched);
    } finally {
      await context.close();
    }
  }
  const row = (when: string, what: string) => `popup, ${CLIENTS} clients, first opening after ${when}: ${what}`;
  return [
    { name: row('the worker stopped while idle', 'first list painted'), runs: idle.first, unit: 'ms' },
    {
      name: row('the worker stopped while idle', "the worker's agenda painted"),
      runs: idle.fresh,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 100 }],
    },
    { name: row('the browser started', 'first list painted'), runs: launched.first, unit: 'ms' },
    { name: row('the browser started', "the worker's agenda painted"), runs: launched.fresh, unit: 'ms' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runPopupBench().then(
    (rows) => {
      if (!printTable(rows)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(`bench:popup: ${(error as Error).message}`);
      process.exitCode = 2;
    },
  );
}
