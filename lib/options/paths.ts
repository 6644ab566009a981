// Reading and writing one setting by its dotted path (`newClients.firstContactMinutes`), immutably.
// Paths are the ones validateSettings reports, so an error lands next to the right input.

export function getPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `root` with `value` at `path`; every object on the way is copied, the rest is shared. */
export function setPath<T>(root: T, path: string, value: unknown): T {
  const keys = path.split('.');
  const write = (node: unknown, i: number): unknown => {
    const base = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
    const key = keys[i]!;
    return { ...base, [key]: i === keys.length - 1 ? value : write(base[key], i + 1) };
  };
  return write(root, 0) as T;
}

/** Structural equality for settings values (plain JSON data). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Leaf paths where `settings` differs from `defaults` (arrays count as leaves). */
export function changedPaths(settings: unknown, defaults: unknown, prefix = ''): string[] {
  if (
    defaults !== null &&
    typeof defaults === 'object' &&
    !Array.isArray(defaults) &&
    settings !== null &&
    typeof settings === 'object'
  ) {
    return Object.keys(defaults).flatMap((k) =>
      changedPaths(
        (settings as Record<string, unknown>)[k],
        (defaults as Record<string, unknown>)[k],
        prefix ? `${prefix}.${k}` : k,
      ),
    );
  }
  return sameValue(settings, defaults) ? [] : [prefix];
}
