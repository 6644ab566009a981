// The options page: every setting, grouped as the playbook is, with defaults, per-group and
// global reset, the holiday list, the amoCRM check and token, templates with preview, backup.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fieldsOf, GROUPS, TEMPLATE_IDS, type GroupDef } from '@/lib/options/fields';
import { changedPaths } from '@/lib/options/paths';
import { shownSettings } from '@/lib/playbook/localize';
import { defaultSettings } from '@/lib/playbook/settings';
import { locale } from '../common/page-locale';
import { AmoCheckPanel, checksByPath, TokenPanel } from './Amocrm';
import { BackupPanel } from './Backup';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { Holidays } from './Holidays';
import { commitGroupReset, commitResetAll, loadError, loadSettings, saved, status } from './state';
import { TemplateEditor } from './Templates';
import { tr } from './strings';

function GroupSection({ group }: { group: GroupDef }) {
  const l = locale.value;
  const settings = saved.value!;
  const changed = changedPaths(shownSettings(settings, l)[group.id], shownSettings(defaultSettings, l)[group.id]).length;
  const amo = group.id === 'amocrm' ? checksByPath() : {};
  const fields = fieldsOf(group.id);
  return (
    <section id={group.anchor} class="group" aria-labelledby={`${group.anchor}-title`} data-group={group.id}>
      <header class="group-head">
        <div>
          <h2 id={`${group.anchor}-title`}>
            {group.title[l]}
            {changed > 0 && <span class="pill">{`${tr('changed')}: ${changed}`}</span>}
          </h2>
          <p class="intro">{group.intro[l]}</p>
        </div>
        <button
          type="button"
          class="button secondary small"
          aria-label={tr('resetGroupLabel', { group: group.title[l] })}
          disabled={changed === 0}
          onClick={() => commitGroupReset(group.id)}
        >
          {tr('resetGroup')}
        </button>
      </header>
      {group.id === 'templates' ? (
        TEMPLATE_IDS.map((id) => <TemplateEditor key={id} id={id} />)
      ) : (
        <div class="fields">
          {group.id === 'amocrm' && <AmoCheckPanel />}
          {fields.map((f) => (
            <Field key={f.path} def={f} amo={amo[f.path]} />
          ))}
          {group.id === 'calendar' && <Holidays calendar={settings.calendar} />}
          {group.id === 'amocrm' && <TokenPanel />}
        </div>
      )}
    </section>
  );
}

function StatusLine() {
  const s = status.value;
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!s) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), s.kind === 'saved' ? 2500 : 6000);
    return () => clearTimeout(timer);
  }, [s]);
  return (
    <p class={`status ${s && visible ? `show status-${s.kind}` : ''}`} role="status" aria-live="polite" data-testid="save-status">
      {s && visible
        ? s.kind === 'saved'
          ? `✓ ${tr('status.saved')}`
          : s.kind === 'invalid'
            ? tr('status.invalid')
            : tr('status.failed', { detail: s.detail ?? '' })
        : ''}
    </p>
  );
}

export function Options() {
  const resetDialog = useRef<HTMLDialogElement>(null);
  const ready = saved.value !== null;
  useEffect(() => {
    if (!ready) return;
    document.body.dataset.ready = 'true';
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash) document.getElementById(hash)?.scrollIntoView({ block: 'start' });
  }, [ready]);
  const l = locale.value;
  return (
    <div class="page">
      <header class="page-head">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            R
          </span>
          <div>
            <h1>{tr('title')}</h1>
            <p class="sub">{tr('subtitle')}</p>
          </div>
        </div>
        <div class="head-tools">
          <StatusLine />
        </div>
      </header>
      <div class="layout">
        <nav class="toc" aria-label={tr('nav')}>
          <ul>
            {GROUPS.map((g) => (
              <li key={g.id}>
                <a href={`#${g.anchor}`}>{g.title[l]}</a>
              </li>
            ))}
            <li>
              <a href="#backup">{tr('nav.backup')}</a>
            </li>
          </ul>
          {ready && (
            <button type="button" class="button secondary small reset-all" onClick={() => resetDialog.current?.showModal()}>
              {tr('resetAll')}
            </button>
          )}
        </nav>
        <main class="content">
          {loadError.value && (
            <div class="callout bad" role="alert">
              <p>{tr('loadError', { message: loadError.value })}</p>
              <button type="button" class="button" onClick={loadSettings}>
                {tr('retry')}
              </button>
            </div>
          )}
          {!ready && !loadError.value && (
            <p class="loading" role="status">
              {tr('loading')}
            </p>
          )}
          {ready && GROUPS.map((g) => <GroupSection key={g.id} group={g} />)}
          {ready && (
            <section id="backup" class="group" aria-labelledby="backup-title">
              <header class="group-head">
                <h2 id="backup-title">{tr('backup.title')}</h2>
              </header>
              <BackupPanel />
            </section>
          )}
        </main>
      </div>
      <ConfirmDialog
        dialog={resetDialog}
        id="reset"
        title={tr('resetAll.title')}
        body={tr('resetAll.body')}
        confirm={tr('resetAll.confirm')}
        onConfirm={commitResetAll}
      />
    </div>
  );
}
