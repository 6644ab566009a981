// «Не отправлено в amoCRM: N — why», while facts wait in the worker's write queue, with «send now».
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import type { RecordStatus } from '@/lib/model/record';
import { refresh, tr } from './state';

export function Unsent({ status }: { status: RecordStatus | undefined }) {
  const [busy, setBusy] = useState(false);
  if (!status?.pending) return null;
  const count = status.pending;
  const text = !status.enabled
    ? tr('unsentOff', { count })
    : status.waitsForTab
      ? tr('unsentNoTab', { count })
      : status.lastError
        ? tr('unsentWhy', { count, why: status.lastError })
        : tr('unsent', { count });
  const sendNow = () => {
    setBusy(true);
    void sendMessage('record.send', {})
      .catch(() => undefined)
      .then(() => refresh())
      .finally(() => setBusy(false));
  };
  return (
    <p class="unsent" role="status" data-testid="unsent" data-count={count}>
      {text}{' '}
      {status.enabled && (
        <button type="button" class="link" disabled={busy} onClick={sendNow}>
          {tr('sendNow')}
        </button>
      )}
    </p>
  );
}
