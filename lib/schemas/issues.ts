// valibot issues as the field errors every boundary reports: `clients[3].host: must be …`.
import * as v from 'valibot';

export interface FieldError {
  path: string;
  message: string;
}
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function pathOf(issue: v.BaseIssue<unknown>, prefix: string): string {
  let out = prefix;
  for (const item of issue.path ?? []) {
    const key = item.key as unknown;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({ path: pathOf(issue, prefix), message: issue.message }));
}

/** Runs a schema and answers in the boundaries' terms (`prefix` names where the value sits). */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  prefix = '',
  config?: v.Config<v.InferIssue<S>>,
): Checked<v.InferOutput<S>> {
  const r = v.safeParse(schema, input, config);
  return r.success ? { ok: true, value: r.output } : { ok: false, errors: fieldErrors(r.issues, prefix) };
}

export function describeErrors(errors: FieldError[], max = 3): string {
  const shown = errors.slice(0, max).map((e) => `${e.path}: ${e.message}`);
  return errors.length > max ? `${shown.join('; ')} (+${errors.length - max} more)` : shown.join('; ');
}
