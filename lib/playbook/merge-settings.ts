import type { DeepPartial, Settings } from './settings-types';
import { isForbiddenKey } from '../schemas/plain';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeValue(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  // Arrays and scalars replace (a list of holidays is one setting, not items to merge).
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch;
  const out: Record<string, unknown> = { ...base };
  // `out.__proto__ = …` would replace the prototype: such keys are never assigned (validation refuses them).
  for (const [k, v] of Object.entries(patch))
    if (!isForbiddenKey(k)) out[k] = mergeValue(Object.hasOwn(base, k) ? base[k] : undefined, v);
  return out;
}

/**
 * Deep-merges partial overrides into a base. Returns a new object and never mutates `base`;
 * unchanged groups keep their identity, so per-settings caches (calendarFor) still hit.
 * Does not validate: run validateSettings on the result when the input is untrusted.
 */
export function mergeSettings(base: Settings, partial: DeepPartial<Settings> | undefined | null): Settings {
  if (!partial) return base;
  return mergeValue(base, partial) as Settings;
}
