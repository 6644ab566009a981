// Scenario runner: `npm run -s sla -- FILE.json [--table] [--check]`.
// Prints { "obligations": [...] } (times at the agency offset) or a table; --check also compares
// with the scenario's "expect" block (exit 1 on mismatch). A malformed scenario exits 2.
import { readFileSync } from 'node:fs';
import { checkExpectations, obligationsTable, parseScenario, runScenario } from '../lib/sla';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const table = args.includes('--table');
const check = args.includes('--check');
if (!file) fail('usage: sla FILE.json [--table] [--check]', 2);

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(`${file}: ${e instanceof Error ? e.message : String(e)}`, 2);
}
const parsed = parseScenario(raw);
if (!parsed.ok) fail(parsed.errors.map((e) => `${file}: ${e.path}: ${e.message}`).join('\n'), 2);

const obligations = runScenario(parsed.scenario);
process.stdout.write(table ? `${obligationsTable(obligations)}\n` : `${JSON.stringify({ obligations }, null, 2)}\n`);
if (check && parsed.scenario.expect) {
  const problems = checkExpectations(obligations, parsed.scenario.expect);
  if (problems.length) fail(problems.join('\n'), 1);
}
