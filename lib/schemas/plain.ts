// The first check at every boundary (messages, backups, settings, scenario files): the value must
// be plain JSON-like data — own properties of plain objects and arrays only, no `__proto__`,
// `constructor` or `prototype` keys, bounded depth — so nothing later can walk into a prototype
// or be tricked by an inherited property.
import type { FieldError } from './issues';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 24;

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Issues with `value` as data (first `max` of them); an empty list means it is plain data. */
export function plainDataIssues(value: unknown, path = '', max = 50): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (v: unknown, at: string, depth: number): void => {
    if (errors.length >= max || v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint')
        errors.push({ path: at || '(root)', message: 'must be plain data' });
      return;
    }
    if (depth > MAX_DEPTH) return void errors.push({ path: at || '(root)', message: 'nested too deeply' });
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && errors.length < max; i++) walk(v[i], `${at}[${i}]`, depth + 1);
      return;
    }
    if (!isPlainObject(v)) return void errors.push({ path: at || '(root)', message: 'must be a plain object' });
    for (const key of Object.keys(v)) {
      const next = at ? `${at}.${key}` : key;
      if (FORBIDDEN.has(key)) errors.push({ path: next, message: 'forbidden key' });
      else walk((v as Record<string, unknown>)[key], next, depth + 1);
      if (errors.length >= max) return;
    }
  };
  walk(value, path, 0);
  return errors;
}

export const isForbiddenKey = (key: string) => FORBIDDEN.has(key);
