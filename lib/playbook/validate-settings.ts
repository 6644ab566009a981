// Validates a complete Settings object (e.g. from storage, a backup or the options form) against
// the settings schema (lib/playbook/settings-schema.ts). Every error names the setting path so the
// options page can put the message next to the right input.
import { plainDataIssues } from '../schemas/plain';
import { check, type FieldError } from '../schemas/issues';
import { SettingsSchema } from './settings-schema';
import type { Settings } from './settings-types';

export type SettingsError = FieldError;
export type SettingsValidation = { ok: true; value: Settings } | { ok: false; errors: SettingsError[] };

/** Errors reported at most (a settings object is small; more would only repeat). */
const MAX_ERRORS = 50;

/**
 * A list or a pair is one setting with one input: `calendar.workDays[2]` is reported as
 * `calendar.workDays` (the schema gives its items the list's message), once.
 */
function atSettings(errors: FieldError[]): SettingsError[] {
  const seen = new Set<string>();
  const out: SettingsError[] = [];
  for (const e of errors) {
    const path = e.path.replace(/\[\d+\].*$/, '');
    const key = `${path}\n${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message: e.message });
    if (out.length >= MAX_ERRORS) break;
  }
  return out;
}

export function validateSettings(input: unknown): SettingsValidation {
  // Own properties of plain objects only, no prototype keys: checked before the schema reads a field.
  const plain = plainDataIssues(input);
  if (plain.length) return { ok: false, errors: plain };
  const r = check(SettingsSchema, input);
  // The schema transforms nothing, so the valid value is the input itself: groups keep their
  // identity and per-settings caches (calendarFor) still hit.
  return r.ok ? { ok: true, value: input as Settings } : { ok: false, errors: atSettings(r.errors) };
}
