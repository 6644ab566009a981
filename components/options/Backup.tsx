// Backup (export a JSON file, restore from one) and «Удалить все данные» behind a confirmation.
import { useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import { clearSnapshot } from '../popup/snapshot';
import { ConfirmDialog } from './ConfirmDialog';
import { reloadAfterDataChange } from './state';
import { tr } from './strings';
import { downloadText } from '../common/download';

type Note = { tone: 'ok' | 'bad'; text: string } | null;

function fileName(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `reglament-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BackupPanel() {
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    setBusy(true);
    try {
      const { json, summary } = await sendMessage('backup.export', {});
      const file = fileName();
      downloadText(file, json, 'application/json');
      setNote({
        tone: 'ok',
        text: tr('backup.exported', { file, clients: summary.clients, events: summary.events }),
      });
    } catch (e) {
      setNote({ tone: 'bad', text: tr('backup.failed', { message: messageOf(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setNote(null);
    try {
      const summary = await sendMessage('backup.import', { json: await file.text() });
      clearSnapshot();
      setNote({ tone: 'ok', text: tr('backup.imported', { clients: summary.clients, events: summary.events }) });
      await reloadAfterDataChange();
    } catch (e) {
      setNote({ tone: 'bad', text: tr('backup.importError', { message: messageOf(e) }) });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const deleteAll = async () => {
    setBusy(true);
    try {
      const { deleted } = await sendMessage('data.delete', { confirm: 'delete-all' });
      clearSnapshot();
      setNote({ tone: 'ok', text: tr('backup.deleted', { clients: deleted.clients, events: deleted.events }) });
      await reloadAfterDataChange();
    } catch (e) {
      setNote({ tone: 'bad', text: tr('backup.failed', { message: messageOf(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="backup">
      <p class="intro">{tr('backup.intro')}</p>
      <div class="backup-actions">
        <button type="button" class="button" onClick={exportFile} disabled={busy}>
          {tr('backup.export')}
        </button>
        <label class="button secondary file-button">
          {tr('backup.import')}
          <input
            ref={fileInput}
            class="sr-only"
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => importFile(e.currentTarget.files?.[0])}
          />
        </label>
        <span class="spacer" />
        <button type="button" class="button danger" onClick={() => dialog.current?.showModal()} disabled={busy}>
          {tr('backup.delete')}
        </button>
      </div>
      <div aria-live="polite">
        {note && (
          <p class={`callout ${note.tone}`} role={note.tone === 'bad' ? 'alert' : 'status'} data-testid="backup-note">
            {note.text}
          </p>
        )}
      </div>
      <ConfirmDialog
        dialog={dialog}
        id="delete"
        title={tr('backup.deleteTitle')}
        body={tr('backup.deleteBody')}
        confirm={tr('backup.deleteConfirm')}
        danger
        onConfirm={deleteAll}
      />
    </div>
  );
}
