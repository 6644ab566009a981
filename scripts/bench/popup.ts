// The popup with 300 clients, opened first after the worker started. Two ways a worker starts:
// the browser was idle long enough for Chrome to stop it (every click on the toolbar icon after
// 30 s: the worker is stopped over CDP, the browser keeps running), and the browser itself
// starting (Chromium relaunched on the same profile: its own start competes with the popup).
// The clients are test/fakes/busy-agency.ts, as the popup e2e seeds them.
// Reported from the page's navigation start: the first list painted (the last visit's snapshot
// when there is one), the worker's agenda painted (its first screen; budget ≤ 100 ms) and its
// whole agenda painted. Before any of our code
// runs, Chromium starts the page (with the worker stopped, in a renderer process of its own): the
// probe extension's empty page, opened the same way in every run, is reported beside it as that
// floor. The opening with the worker still running (a manager working in amoCRM or Instagram
// keeps it awake) is reported too.
//   npm run build && npx tsx scripts/bench/popup.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { busyAgency, syncAll } from '../../test/fakes/busy-agency';
import { DAY } from '../../lib/calendar/time';
import { backdateTracking } from '../backdate-tracking';
import type { BrowserContext } from '@playwright/test';
import { launchBench, probePageUrl } from './browser';
import { median, percentile, printTable, type BenchRow } from './table';

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

interface Openings {
  first: number[];
  fresh: number[];
  whole: number[];
}

const openings = (): Openings => ({ first: [], fresh: [], whole: [] });

/** One opening of the popup: the first list, the worker's first screen and its whole agenda painted, from navigation start. */
async function open(context: BrowserContext, extensionId: string, into: Openings): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('body[data-fresh="true"]', { timeout: 60_000 });
  // 300 clients' agenda is longer than a first screen: the whole one follows.
  await page.waitForFunction(() => performance.getEntriesByName('agenda-whole').length > 0, undefined, { timeout: 60_000 });
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  into.first.push(marks['agenda-rendered']!);
  into.fresh.push(marks['agenda-fresh']!);
  into.whole.push(marks['agenda-whole']!);
  // Let the snapshot of this visit be written before the page goes.
  await page.waitForTimeout(300);
  await page.close();
}

/** The empty probe page: when its one line of script ran, from its navigation start. */
async function openEmpty(context: BrowserContext, into: number[]): Promise<void> {
  const page = await context.newPage();
  await page.goto(probePageUrl());
  into.push(await page.evaluate(() => performance.getEntriesByName('probe-start')[0]!.startTime));
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
  const idle = openings();
  const empty: number[] = [];
  const awake = openings();
  const launched = openings();
  {
    const { context, extensionId } = await launchBench({ userDataDir });
    try {
      for (let run = 0; run < RUNS; run++) {
        await stopWorker(context);
        await openEmpty(context, empty);
        await stopWorker(context);
        await open(context, extensionId, idle);
      }
      for (let run = 0; run < RUNS; run++) await open(context, extensionId, awake);
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
  const row = (when: string, what: string) => `popup, ${CLIENTS} clients, ${when}: ${what}`;
  return [
    { name: row('first opening after the worker stopped while idle', 'first list painted'), runs: idle.first, unit: 'ms' },
    {
      name: row('first opening after the worker stopped while idle', "the worker's agenda painted"),
      runs: idle.fresh,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 100 }],
      beside: `empty page ${fmt(median(empty))} / ${fmt(percentile(empty, 0.9))} ms`,
    },
    {
      name: row('first opening after the worker stopped while idle', "the worker's whole agenda painted"),
      runs: idle.whole,
      unit: 'ms',
    },
    { name: row('opened while the worker runs', "the worker's agenda painted"), runs: awake.fresh, unit: 'ms' },
    { name: row('opened while the worker runs', "the worker's whole agenda painted"), runs: awake.whole, unit: 'ms' },
    { name: row('first opening after the browser started', 'first list painted'), runs: launched.first, unit: 'ms' },
    { name: row('first opening after the browser started', "the worker's agenda painted"), runs: launched.fresh, unit: 'ms' },
  ];
}

const fmt = (x: number) => x.toFixed(1);

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
