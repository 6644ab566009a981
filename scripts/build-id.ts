// The build's fingerprint: a hash of the sources the worker derives with (lib/) and of the
// lockfile. Derived data is stored with it (lib/worker/build.ts), so a worker of another build
// derives again while a restart of the same build reads its cache. Deterministic, so a rebuild
// from the sources zip (Firefox's review) gives the same files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export function buildId(root: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(join(root, 'lib'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(sep).join('/'))
    .sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, 'lib', file)))
      .update('\0');
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}
