// The popup with 300 clients, opened first after the worker started: Chromium is relaunched on
// the same profile for every run (a new browser, a new worker), then the popup page opens.
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

export async function runPopupBench(): Promise<BenchRow[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'reglament-popup-bench-'));
  await seed(userDataDir);
  const first: number[] = [];
  const fresh: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, extensionId } = await launchBench({ userDataDir });
    try {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForSelector('body[data-fresh="true"]', { timeout: 60_000 });
      const marks = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      );
      first.push(marks['agenda-rendered']!);
      fresh.push(marks['agenda-fresh']!);
      // Let the snapshot of this visit be written before the browser goes.
      await page.waitForTimeout(300);
    } finally {
      await context.close();
    }
  }
  return [
    { name: `popup, ${CLIENTS} clients, first opening after the worker started: first list painted`, runs: first, unit: 'ms' },
    {
      name: `popup, ${CLIENTS} clients, first opening after the worker started: the worker's agenda painted`,
      runs: fresh,
      unit: 'ms',
      budgets: [{ stat: 'median', max: 100 }],
    },
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
