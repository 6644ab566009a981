// «Не отправлено в amoCRM: N — why», while facts wait in the worker's write queue.
import type { RecordStatus } from '@/lib/model/record';
import type { OverlayEnv } from './context';

export function Unsent({ env, status }: { env: OverlayEnv; status: RecordStatus | undefined }) {
  if (!status?.pending) return null;
  const { t } = env;
  const count = status.pending;
  const text = !status.enabled
    ? t('unsentOff', { count })
    : status.waitsForTab
      ? t('unsentNoTab', { count })
      : status.lastError
        ? t('unsentWhy', { count, why: status.lastError })
        : t('unsent', { count });
  return (
    <footer class="rg-foot" role="status" data-notice="unsent" data-count={count}>
      {text}
    </footer>
  );
}
