// One edit of the options form: the candidate settings, validated as a whole, with the errors
// mapped to paths. Only a valid candidate is sent to the worker (which validates again).
import { defaultSettings, validateSettings, type Settings } from '../playbook/settings';
import type { GroupId } from './fields';
import type { FieldError } from './strings';
import { setPath } from './paths';

export type EditResult = { ok: true; settings: Settings } | { ok: false; candidate: Settings; errors: FieldError[] };

export function applyEdit(saved: Settings, path: string, value: unknown): EditResult {
  const candidate = setPath(saved, path, value);
  const result = validateSettings(candidate);
  return result.ok ? { ok: true, settings: result.value } : { ok: false, candidate, errors: result.errors };
}

/** The settings with one group back at its defaults (a deep copy, so later edits never touch defaultSettings). */
export function resetGroup(saved: Settings, group: GroupId): Settings {
  return { ...saved, [group]: structuredClone(defaultSettings[group]) };
}

export function resetAll(): Settings {
  return structuredClone(defaultSettings);
}
