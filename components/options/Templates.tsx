// Scripts and e-mail templates: name, subject (e-mails), text with its placeholders, and a live
// preview filled with a sample client.
import { useRef } from 'preact/hooks';
import { shownSettings } from '@/lib/playbook/localize';
import { fillTemplate, placeholdersOf, TEMPLATE_PLACEHOLDERS } from '@/lib/playbook/templates';
import type { TemplateId } from '@/lib/playbook/settings';
import { EMAIL_TEMPLATES, FIELD_BY_PATH } from '@/lib/options/fields';
import { sampleVars } from '@/lib/options/sample';
import { locale } from '../common/page-locale';
import { Field, fieldId } from './Field';
import { commit, raw, saved, setRaw } from './state';
import { tr } from './strings';

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

export function TemplateEditor({ id }: { id: TemplateId }) {
  const settings = shownSettings(saved.value!, locale.value);
  const tpl = settings.templates[id];
  const textPath = `templates.${id}.text`;
  const subjectPath = `templates.${id}.subject`;
  const text = raw.value[textPath] ?? tpl.text;
  const subject = raw.value[subjectPath] ?? tpl.subject;
  const vars = sampleVars(settings, locale.value);
  const unknown = [...placeholdersOf(text), ...placeholdersOf(subject)].filter((p) => !KNOWN.has(p));
  const isEmail = EMAIL_TEMPLATES.has(id) || tpl.subject !== '';
  const caret = useRef<number | null>(null);

  const insert = (name: string) => {
    const area = document.getElementById(fieldId(textPath)) as HTMLTextAreaElement | null;
    const at = area && document.activeElement === area ? area.selectionStart : (caret.current ?? text.length);
    const next = `${text.slice(0, at)}{${name}}${text.slice(at)}`;
    setRaw(textPath, next);
    void commit(textPath, next);
    requestAnimationFrame(() => {
      if (!area) return;
      area.focus();
      area.selectionStart = area.selectionEnd = at + name.length + 2;
    });
  };

  return (
    <article class="template" id={`template-${id}`} aria-labelledby={`template-${id}-title`}>
      <h3 id={`template-${id}-title`}>{tpl.title}</h3>
      <div class="template-grid">
        <div
          class="template-edit"
          onFocusOut={(e) =>
            (e.target as HTMLElement).tagName === 'TEXTAREA' && (caret.current = (e.target as HTMLTextAreaElement).selectionStart)
          }
        >
          <Field def={FIELD_BY_PATH.get(`templates.${id}.title`)!} hideDefault />
          {isEmail && <Field def={FIELD_BY_PATH.get(subjectPath)!} hideDefault />}
          <Field def={FIELD_BY_PATH.get(textPath)!} hideDefault />
          <div class="placeholders">
            <span class="label-s">{tr('templates.placeholders')}:</span>
            {TEMPLATE_PLACEHOLDERS.map((p) => (
              <button
                key={p}
                type="button"
                class="ph"
                aria-label={tr('templates.insert', { name: `{${p}}` })}
                onClick={() => insert(p)}
              >
                {`{${p}}`}
              </button>
            ))}
          </div>
          {unknown.length > 0 && (
            <p class="callout warn">{tr('templates.unknown', { names: unknown.map((u) => `{${u}}`).join(', ') })}</p>
          )}
        </div>
        <div class="template-preview" aria-label={tr('templates.preview')}>
          <p class="label-s">{tr('templates.preview')}</p>
          {isEmail && subject && (
            <p class="preview-subject">{tr('templates.subject', { subject: fillTemplate(subject, vars) })}</p>
          )}
          <div class="preview-text" data-testid={`preview-${id}`}>
            {fillTemplate(text, vars)}
          </div>
        </div>
      </div>
    </article>
  );
}
