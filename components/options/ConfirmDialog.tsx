// A modal asking to confirm a destructive action; «Отмена» has the focus so Enter does no harm.
import type { RefObject } from 'preact';
import { tr } from './strings';

export interface ConfirmDialogProps {
  dialog: RefObject<HTMLDialogElement>;
  /** Prefix of the title and body ids the dialog is labelled by. */
  id: string;
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  /** Called after the dialog has closed. */
  onConfirm: () => unknown;
}

export function ConfirmDialog({ dialog, id, title, body, confirm, danger = false, onConfirm }: ConfirmDialogProps) {
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      <div class="dialog-actions">
        <button type="button" class="button secondary" onClick={() => dialog.current?.close()} autofocus>
          {tr('cancel')}
        </button>
        <button
          type="button"
          class={danger ? 'button danger' : 'button'}
          onClick={() => {
            dialog.current?.close();
            void onConfirm();
          }}
        >
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
