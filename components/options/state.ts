// The options page's state: the settings as the worker last accepted them, the text of inputs
// being edited, and the error under each field. An edit is validated as a whole settings object
// and only a valid one is sent to the worker (which validates again).
import { signal } from '@preact/signals';
import { sendMessage } from '@/lib/messaging/client';
import type { Settings } from '@/lib/playbook/settings';
import { applyEdit, resetAll, resetGroup } from '@/lib/options/edit';
import { applyLocale } from '../common/page-locale';
import type { GroupId } from '@/lib/options/fields';
import type { FieldError } from '@/lib/options/strings';

export const saved = signal<Settings | null>(null);
export const loadError = signal<string | null>(null);
/** Text typed into an input that is not (yet) saved, by path. */
export const raw = signal<Record<string, string>>({});
/** Engine errors by path (English; localized when shown). */
export const errors = signal<Record<string, FieldError[]>>({});
export type Status = { kind: 'saved' | 'invalid' | 'failed'; at: number; detail?: string } | null;
export const status = signal<Status>(null);
/** Bumped after a restore or a delete: panels that hold their own data (the token) reload. */
export const dataVersion = signal(0);

export async function reloadAfterDataChange(): Promise<void> {
  raw.value = {};
  errors.value = {};
  await loadSettings();
  dataVersion.value++;
}

export async function loadSettings(): Promise<void> {
  try {
    saved.value = await sendMessage('settings.get', {});
    applyLocale(saved.value.interface.language);
    loadError.value = null;
  } catch (error) {
    loadError.value = error instanceof Error ? error.message : String(error);
  }
}

export function setRaw(path: string, text: string): void {
  raw.value = { ...raw.value, [path]: text };
}

function showErrors(list: FieldError[]): void {
  const next: Record<string, FieldError[]> = { ...errors.value };
  const touched = new Set(list.map((e) => e.path));
  for (const p of touched) next[p] = list.filter((e) => e.path === p);
  errors.value = next;
}

/** After a successful save: the edited path is clean, and so is every path that is not being typed in. */
function clearAfterSave(path: string): void {
  const nextRaw = { ...raw.value };
  delete nextRaw[path];
  raw.value = nextRaw;
  const next: Record<string, FieldError[]> = {};
  for (const [p, list] of Object.entries(errors.value)) if (p !== path && p in nextRaw) next[p] = list;
  errors.value = next;
}

async function save(settings: Settings, path: string): Promise<boolean> {
  try {
    const result = await sendMessage('settings.set', { settings });
    if (!result.ok) {
      showErrors(result.errors);
      status.value = { kind: 'invalid', at: Date.now() };
      return false;
    }
    saved.value = result.settings;
    // The worker mirrors the language for the other pages; this page switches at once.
    applyLocale(result.settings.interface.language);
    clearAfterSave(path);
    status.value = { kind: 'saved', at: Date.now() };
    return true;
  } catch (error) {
    status.value = { kind: 'failed', at: Date.now(), detail: error instanceof Error ? error.message : String(error) };
    return false;
  }
}

/** One field changed: validate the whole candidate; save only when it is valid. */
export async function commit(path: string, value: unknown): Promise<boolean> {
  const current = saved.value;
  if (!current) return false;
  const result = applyEdit(current, path, value);
  if (!result.ok) {
    // Clear this path's old error first so a fixed-then-broken-differently field shows the new one.
    const next = { ...errors.value };
    delete next[path];
    errors.value = next;
    showErrors(result.errors);
    status.value = { kind: 'invalid', at: Date.now() };
    return false;
  }
  return save(result.settings, path);
}

export async function commitGroupReset(group: GroupId): Promise<void> {
  if (!saved.value) return;
  const ok = await save(resetGroup(saved.value, group), group);
  if (ok) dropEditsUnder(group);
}

export async function commitResetAll(): Promise<void> {
  const ok = await save(resetAll(), '');
  if (ok) {
    raw.value = {};
    errors.value = {};
  }
}

function dropEditsUnder(prefix: string): void {
  const keep = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([p]) => !p.startsWith(`${prefix}.`)));
  raw.value = keep(raw.value);
  errors.value = keep(errors.value);
}
