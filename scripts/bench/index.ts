// `npm run bench`: every performance budget of the issues, measured and printed as one table.
// The overlay bench drives the built extension: run `npm run build` first.
import { runEngineBench } from './engine';
import { runOverlayBench } from './overlay';
import { runRecordBench } from './record';
import { measureSizes } from './size';
import { printTable, type BenchRow } from './table';
import { runWorkerBench } from './worker';

const rows: BenchRow[] = [];
const suites: Array<[string, () => Promise<BenchRow[]> | BenchRow[]]> = [
  ['engine', runEngineBench],
  ['worker', runWorkerBench],
  ['team record', runRecordBench],
  ['content-script size', measureSizes],
  ['overlay', runOverlayBench],
];
let failed = false;
for (const [name, run] of suites) {
  try {
    rows.push(...(await run()));
  } catch (error) {
    failed = true;
    console.error(`bench ${name}: ${(error as Error).message}`);
  }
}
const ok = printTable(rows);
process.exitCode = ok && !failed ? 0 : 1;
