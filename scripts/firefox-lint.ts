// `web-ext lint` over the Firefox add-on as `npm run zip` packs it (.output/firefox-mv3), printed as a
// table. Fails on any error and on any warning that comes from our code. The one warning allowed is
// Preact's own `innerHTML` assignment (its `dangerouslySetInnerHTML` path, bundled into every UI
// chunk), and only while our sources never use `dangerouslySetInnerHTML` themselves.
//   npm run -s lint:firefox
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const addon = resolve(root, '.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Preact's `dom.innerHTML = props.dangerouslySetInnerHTML.__html`, minified, where the linter points. */
const PREACT_INNER_HTML = /^[\w$]+\.innerHTML=[\w$]+\.__html\b/;

function sourcesUsingInnerHtml(): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(path, 'utf8')))
        hits.push(relative(root, path));
    }
  };
  for (const dir of ['lib', 'components', 'entrypoints']) walk(join(root, dir));
  return hits;
}

function isPreactsOwn(m: LintMessage, ours: string[]): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line || !m.column || ours.length) return false;
  const line = readFileSync(join(addon, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  return PREACT_INNER_HTML.test(line.slice(m.column - 1));
}

function main(): number {
  if (!existsSync(join(addon, 'manifest.json'))) {
    console.error('lint:firefox: .output/firefox-mv3 is missing; run npm run zip:firefox first.');
    return 1;
  }
  const run = spawnSync(
    join(root, 'node_modules/.bin/web-ext'),
    ['lint', '--source-dir', addon, '--output=json', '--no-config-discovery'],
    {
      encoding: 'utf8',
    },
  );
  let report: LintReport;
  try {
    report = JSON.parse(run.stdout) as LintReport;
  } catch {
    console.error(`lint:firefox: web-ext lint gave no report (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
    return 1;
  }
  const ours = sourcesUsingInnerHtml();
  const rows = [
    ...report.errors.map((m) => ({ m, type: 'error', verdict: 'fails' })),
    ...report.warnings.map((m) => ({ m, type: 'warning', verdict: isPreactsOwn(m, ours) ? "allowed: Preact's own" : 'fails' })),
    ...report.notices.map((m) => ({ m, type: 'notice', verdict: 'noted' })),
  ];
  console.log(
    `web-ext lint .output/firefox-mv3: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
  );
  if (rows.length) {
    console.log('| type | code | where | message | verdict |\n| --- | --- | --- | --- | --- |');
    for (const { m, type, verdict } of rows)
      console.log(
        `| ${type} | ${m.code} | ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? ''}` : ''} | ${m.message} | ${verdict} |`,
      );
  }
  if (ours.length) console.log(`our sources assign innerHTML: ${ours.join(', ')}`);
  const failing = rows.filter((r) => r.verdict === 'fails').length;
  console.log(failing ? `lint:firefox: ${failing} finding(s) from our code` : 'lint:firefox: nothing from our code');
  return failing ? 1 : 0;
}

process.exitCode = main();
