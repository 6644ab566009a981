// The popup with 300 clients, opened first after the worker started: Chromium is relaunched on
// the same profile for every run (a new browser, a new worker), then the popup page opens.
// Reported from the page's navigation start: the first list painted (the last visit's snapshot
// when there is one) and the worker's agenda painted (budget ≤ 100 ms).
//   npm run build && npx tsx scripts/bench/popup.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { backdateTracking } from '../backdate-tracking';
import { launchBench } from './browser';
import { printTable, type BenchRow } from './table';

const HOST = 'smmpro.amocrm.ru';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CLIENTS = 300;
const RUNS = 9;

/** 300 clients in three shapes (new, questionnaire, launched with posts and Stories), as the popup e2e seeds them. */
function payloads(now: number) {
  return Array.from({ length: CLIENTS }, (_, i) => {
    const leadId = 10_000 + i;
    const id = `${HOST}:${leadId}`;
    const client = {
      id,
      host: HOST,
      leadId,
      name: `Клиент ${String(i + 1).padStart(3, '0')}`,
      service: i % 3 === 0 ? 'complex' : 'management',
      payer: 'individual',
      managerId: 1,
      managerName: 'Айгерим',
      instagram: `client${leadId}`,
      credentialsFilled: true,
      stageName: null,
      updatedAt: now,
    };
    const kind = i % 3;
    const events =
      kind === 0
        ? [{ type: 'deal-created', at: now - (i % 50) * 7 * MIN }]
        : kind === 1
          ? [
              { type: 'deal-created', at: now - 3 * DAY },
              { type: 'stage', stage: 'contacted', at: now - 3 * DAY + HOUR },
              { type: 'stage', stage: 'questionnaire', at: now - (i % 40) * HOUR },
            ]
          : [
              { type: 'deal-created', at: now - 20 * DAY },
              { type: 'stage', stage: 'launched', at: now - 15 * DAY },
              { type: 'post', at: now - (i % 25) * DAY - 2 * HOUR, shortcode: `s${i}` },
              { type: 'story', at: now - (i % 4) * DAY, storyId: `st${i}` },
            ];
    return { client, events: events.map((e) => ({ clientId: id, source: 'amocrm', ...e })) };
  });
}

async function seed(userDataDir: string): Promise<void> {
  const { context, extensionId } = await launchBench({ userDataDir });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const now = Date.now();
    const ok = await page.evaluate(async (list) => {
      let good = 0;
      for (let i = 0; i < list.length; i += 30) {
        const replies = await Promise.all(
          list.slice(i, i + 30).map((p) => chrome.runtime.sendMessage({ reglament: 1, type: 'client.sync', payload: p })),
        );
        good += replies.filter((r: { ok?: boolean } | undefined) => r?.ok).length;
      }
      return good;
    }, payloads(now));
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
