// Form ↔ settings: how a setting is shown in a text input and how the typed text becomes a value.
// Parsing never throws and never "fixes" input: text that is not a number stays text, so
// validateSettings rejects it with a message instead of the form silently saving something else.
import type { FieldKind } from './fields';

const NUMBER_RE = /^[+-]?\d+(?:[.,]\d+)?$/;

/** «150 000», «150000», «1,5» → number; anything else → the trimmed text (the validator says why). */
export function parseNumber(text: string): number | string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return NUMBER_RE.test(compact) ? Number(compact.replace(',', '.')) : text.trim();
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** «9» → `09:00`? No: a time is typed as HH:MM; only `9:30` gains its leading zero. */
export function normalizeTime(text: string): string {
  const t = text.trim().replace('.', ':');
  const m = /^(\d):(\d\d)$/.exec(t);
  return m ? `0${m[1]}:${m[2]}` : t;
}

export function toText(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'times':
    case 'int3':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'dates':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'bool':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

/** The value a field's text stands for. `bool` and `weekdays` are not typed; their inputs give values. */
export function fromText(kind: FieldKind, text: string): unknown {
  switch (kind) {
    case 'int':
    case 'money':
      return parseNumber(text);
    case 'money-or-empty':
      return text.trim() === '' ? null : parseNumber(text);
    case 'time':
      return normalizeTime(text);
    case 'times':
      return splitList(text).map(normalizeTime);
    case 'int3':
      return splitList(text).map(parseNumber);
    case 'dates':
      return splitList(text);
    case 'bool':
      return text === 'true';
    case 'zone':
    case 'email':
      return text.trim();
    default:
      return text;
  }
}

/** Adds a date to a sorted list of unique dates. */
export function addDate(list: readonly string[], date: string): string[] {
  return [...new Set([...list, date])].sort();
}

export function removeDate(list: readonly string[], date: string): string[] {
  return list.filter((d) => d !== date);
}

export function toggleWeekday(list: readonly number[], day: number, on: boolean): number[] {
  const set = new Set(list);
  if (on) set.add(day);
  else set.delete(day);
  return [...set].sort((a, b) => a - b);
}
