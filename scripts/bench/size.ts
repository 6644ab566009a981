// `npm run bench:size`: gzip size of every content script of the built extension against its budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir } from '../launch';
import { printTable, type BenchRow } from './table';

const contentScriptBudgetKb = 25;

export function measureSizes(): BenchRow[] {
  const dir = join(extensionDir, 'content-scripts');
  if (!existsSync(dir)) throw new Error(`No build at ${extensionDir}: run \`npm run build\` first.`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .map((file) => ({
      name: `content-scripts/${file} (gzip)`,
      runs: [gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024],
      unit: 'KB',
      budgets: file.endsWith('.js') ? [{ stat: 'value' as const, max: contentScriptBudgetKb }] : [],
    }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (!printTable(measureSizes())) process.exitCode = 1;
  } catch (error) {
    console.error(`bench:size: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
