// One setting: label, input of its kind, the default, and the error under it.
import { shownSettings } from '@/lib/playbook/localize';
import { defaultSettings } from '@/lib/playbook/settings';
import { addDate, fromText, removeDate, toText, toggleWeekday } from '@/lib/options/convert';
import { weekdayName, type FieldDef } from '@/lib/options/fields';
import { errorsByPath } from '@/lib/options/strings';
import { getPath, sameValue } from '@/lib/options/paths';
import type { NameCheck } from '@/lib/options/amocrm-check';
import { locale } from '../common/page-locale';
import { commit, errors, raw, saved, setRaw } from './state';
import { tr } from './strings';

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

const ZONES = [
  'Asia/Almaty',
  'Asia/Qostanay',
  'Asia/Aqtobe',
  'Asia/Aqtau',
  'Asia/Atyrau',
  'Asia/Oral',
  'Asia/Qyzylorda',
  'Asia/Tashkent',
  'Asia/Bishkek',
  'Europe/Moscow',
  'UTC',
];

function describeValue(def: FieldDef, value: unknown): string {
  const l = locale.value;
  if (value === null || value === undefined) return tr('default.none');
  if (def.kind === 'bool') return value ? tr('yes') : tr('no');
  if (def.kind === 'weekdays' && Array.isArray(value)) return value.map((d) => weekdayName(d as number, l)).join(', ');
  if (def.kind === 'select') return def.options?.find((o) => o.value === value)?.label[l] ?? String(value);
  if (def.kind === 'dates' && Array.isArray(value) && value.length === 0) return tr('default.empty');
  if ((def.kind === 'money' || def.kind === 'money-or-empty') && typeof value === 'number')
    return `${new Intl.NumberFormat(l === 'ru' ? 'ru-RU' : 'en-US').format(value)} ₸`;
  const text = toText(def.kind, value);
  if (text === '') return tr('default.empty');
  return def.unit && def.kind !== 'money' ? `${text} ${def.unit[l]}` : text;
}

function AmoFlag({ check, path }: { check: NameCheck; path: string }) {
  if (check.ok) return <span class="amo-flag ok">✓ {tr('amo.found')}</span>;
  return (
    <span class="amo-flag bad" data-testid={`amo-missing-${path}`}>
      ✗ {tr('amo.missing')}
      {check.suggestions.length > 0 && (
        <>
          {' · '}
          {check.suggestions.map((name) => (
            <button key={name} type="button" class="button link" onClick={() => commit(path, name)}>
              {tr('amo.use', { name })}
            </button>
          ))}
        </>
      )}
    </span>
  );
}

export function Field({ def, amo, hideDefault }: { def: FieldDef; amo?: NameCheck; hideDefault?: boolean }) {
  const settings = saved.value!;
  const l = locale.value;
  const id = fieldId(def.path);
  // A text still at its default shows in the page's language (lib/playbook/localize.ts); the
  // stored value stays what it was until the manager edits it.
  const value = getPath(shownSettings(settings, l), def.path);
  const fallback = getPath(shownSettings(defaultSettings, l), def.path);
  const changed = !sameValue(value, fallback);
  const errs = errors.value[def.path];
  const message = errs ? errorsByPath(errs, l)[def.path] : null;
  const text = raw.value[def.path] ?? toText(def.kind, value);
  const label = def.label[l];
  const describedBy = [message ? `${id}-error` : '', def.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = message ? true : undefined;

  let input;
  switch (def.kind) {
    case 'bool':
      input = (
        <label class="switch" for={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy}
            onChange={(e) => commit(def.path, e.currentTarget.checked)}
          />
          <span>{label}</span>
        </label>
      );
      break;
    case 'weekdays':
      input = (
        <fieldset class="weekdays" aria-describedby={describedBy}>
          <legend class="sr-only">{label}</legend>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <label key={d} class="day">
              <input
                type="checkbox"
                checked={(value as number[]).includes(d)}
                onChange={(e) => commit(def.path, toggleWeekday(value as number[], d, e.currentTarget.checked))}
              />
              <span>{weekdayName(d, l)}</span>
            </label>
          ))}
        </fieldset>
      );
      break;
    case 'select':
      input = (
        <select
          id={id}
          value={String(value)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => commit(def.path, e.currentTarget.value)}
        >
          {def.options!.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[l]}
            </option>
          ))}
        </select>
      );
      break;
    case 'dates':
      input = <DatesEditor def={def} id={id} value={value as string[]} describedBy={describedBy} />;
      break;
    case 'textarea':
      input = (
        <textarea
          id={id}
          rows={12}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(e) => setRaw(def.path, e.currentTarget.value)}
          onChange={(e) => commit(def.path, fromText(def.kind, e.currentTarget.value))}
        />
      );
      break;
    default: {
      const narrow = ['int', 'time', 'money', 'money-or-empty', 'int3'].includes(def.kind);
      input = (
        <span class="input-row">
          <input
            id={id}
            class={narrow ? `narrow kind-${def.kind}` : 'wide'}
            type={def.kind === 'email' ? 'email' : 'text'}
            inputMode={def.kind === 'int' || def.kind === 'money' || def.kind === 'money-or-empty' ? 'numeric' : undefined}
            list={def.kind === 'zone' ? 'zones' : undefined}
            placeholder={def.kind === 'time' ? (l === 'ru' ? 'ЧЧ:ММ' : 'HH:MM') : undefined}
            autocomplete="off"
            spellcheck={false}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setRaw(def.path, e.currentTarget.value)}
            onChange={(e) => commit(def.path, fromText(def.kind, e.currentTarget.value))}
          />
          {def.unit && <span class="unit">{def.unit[l]}</span>}
          {def.kind === 'zone' && (
            <datalist id="zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          )}
        </span>
      );
    }
  }

  return (
    <div class={`field field-${def.kind}${message ? ' has-error' : ''}${changed ? ' is-changed' : ''}`} data-path={def.path}>
      {def.kind !== 'bool' &&
        (def.kind === 'weekdays' ? (
          <span class="label" id={`${id}-label`}>
            {label}
          </span>
        ) : (
          <label class="label" for={def.kind === 'dates' ? `${id}-new` : id}>
            {label}
          </label>
        ))}
      <div class="control">
        {input}
        {def.hint && (
          <p class="hint" id={`${id}-hint`}>
            {def.hint[l]}
          </p>
        )}
        {amo && <AmoFlag check={amo} path={def.path} />}
        {message && (
          <p class="error" id={`${id}-error`} role="alert" data-testid={`error-${def.path}`}>
            {message}
          </p>
        )}
        {!hideDefault && (
          <p class="default">
            {tr('default', { value: describeValue(def, fallback) })}
            {changed && (
              <button
                type="button"
                class="button link"
                aria-label={tr('default.restoreLabel', { label })}
                onClick={() => commit(def.path, structuredClone(getPath(defaultSettings, def.path)))}
              >
                {tr('default.restore')}
              </button>
            )}
          </p>
        )}
      </div>
    </div>
  );
}

function DatesEditor({ def, id, value, describedBy }: { def: FieldDef; id: string; value: string[]; describedBy?: string }) {
  const label = def.label[locale.value];
  const pending = raw.value[def.path] ?? '';
  const add = () => {
    if (!pending) return;
    void commit(def.path, addDate(value, pending)).then((ok) => ok && setRaw(def.path, ''));
  };
  return (
    <div class="dates" aria-describedby={describedBy}>
      <ul class="date-chips" aria-label={label}>
        {value.length === 0 && <li class="muted">{tr('dates.empty')}</li>}
        {value.map((d) => (
          <li key={d} class="date-chip">
            <span>{d}</span>
            <button
              type="button"
              class="chip-x"
              aria-label={tr('dates.remove', { date: d })}
              onClick={() => commit(def.path, removeDate(value, d))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <span class="input-row">
        <input
          id={`${id}-new`}
          type="date"
          value={pending}
          onInput={(e) => setRaw(def.path, e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())}
        />
        <button
          type="button"
          class="button secondary"
          aria-label={tr('dates.addLabel', { label })}
          onClick={add}
          disabled={!pending}
        >
          {tr('dates.add')}
        </button>
      </span>
    </div>
  );
}
