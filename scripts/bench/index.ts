// `npm run bench`: every performance budget of the issues, measured and printed as one table
// (median and p90 of every row, one verdict line per budget, the machine's load). The page and
// popup benches drive the built extension (the npm script builds it first). The fake APIs answer after
// BENCH_API_DELAY_MS (default 300 ms), as a real network does.
import { runBoardBench } from './board';
import { runEngineBench } from './engine';
import { runNotesBench } from './notes';
import { runPagesBench } from './pages';
import { runPopupBench } from './popup';
import { runRecordBench } from './record';
import { measureSizes } from './size';
import { printTable, type BenchRow } from './table';
import { runWorkerBench } from './worker';

const rows: BenchRow[] = [];
const suites: Array<[string, () => Promise<BenchRow[]> | BenchRow[]]> = [
  ['engine', runEngineBench],
  ['worker', runWorkerBench],
  ['team record', runRecordBench],
  ['notes per client per day', runNotesBench],
  ['content-script size', measureSizes],
  ['pages', runPagesBench],
  ['popup', runPopupBench],
  ['board', runBoardBench],
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
