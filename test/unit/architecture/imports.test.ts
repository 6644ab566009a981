// The import graph of lib/, components/ and entrypoints/, counting `import type` too (ESLint's
// import-x/no-cycle skips type-only imports): no cycle between files, and every import between
// folders runs down the layers below. A folder not in the list fails the test until it is placed.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Bottom to top. A folder imports its own files and folders of lower groups, never a peer or above. */
export const LAYERS: string[][] = [
  ['lib/model'],
  ['lib/calendar', 'lib/i18n', 'lib/hosts', 'lib/browser'],
  ['lib/schemas'],
  ['lib/playbook'],
  ['lib/sla', 'lib/options'],
  ['lib/payroll'],
  ['lib/store'],
  ['lib/dashboard'],
  ['lib/messaging'],
  ['lib/amocrm', 'lib/instagram'],
  ['lib/record'],
  ['lib/alarms'],
  ['lib/worker'],
  ['components'],
  ['entrypoints'],
];

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(from), spec);
  else return null; // packages and WXT's virtual modules
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (/\.tsx?$/.test(candidate) && fs.existsSync(path.join(root, candidate))) return candidate;
  return null; // CSS and other assets
}

/** Every module a file names: imports (type-only too), re-exports, dynamic imports. */
export function importsOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((i) => resolve(file, i.fileName)).filter((f): f is string => f !== null);
}

export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'lib') return parts[0];
  return parts.length > 2 ? `lib/${parts[1]}` : `lib/${parts[1].replace(/\.tsx?$/, '')}`;
}

export function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort())
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  return null;
}

const rankOf = (folder: string) => LAYERS.findIndex((group) => group.includes(folder));

const files = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles);
const graph = new Map(files.map((f) => [f, importsOf(f, fs.readFileSync(path.join(root, f), 'utf8'))]));

describe('import graph (type imports included)', () => {
  it('has no cycle between files', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('places every folder in a layer', () => {
    expect([...new Set(files.map(folderOf))].filter((f) => rankOf(f) < 0)).toEqual([]);
  });

  it('imports only downwards between folders', () => {
    const upward: string[] = [];
    for (const [file, deps] of graph)
      for (const dep of deps) {
        const [a, b] = [folderOf(file), folderOf(dep)];
        if (a !== b && rankOf(b) >= rankOf(a)) upward.push(`${file} → ${dep}`);
      }
    expect(upward).toEqual([]);
  });

  it('the check itself sees type imports, re-exports and cycles', () => {
    expect(importsOf('lib/a/x.ts', "import type { T } from '../b/y';\nexport * from './z';")).toEqual([]); // unresolved: no files
    expect(importsOf('lib/worker/x.ts', "import type { Effects } from './effects';\nexport { plansOf } from './plans';")).toEqual(
      ['lib/worker/effects.ts', 'lib/worker/plans.ts'],
    );
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(folderOf('lib/hosts.ts')).toBe('lib/hosts');
    expect(rankOf('lib/alarms')).toBeLessThan(rankOf('lib/worker'));
  });
});
