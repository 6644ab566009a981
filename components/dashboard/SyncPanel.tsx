// «Синхронизировать всё»: starts the team sync in the worker, polls its progress, cancels it.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { TeamSyncStatus } from '@/lib/dashboard/types';
import { sendMessage } from '@/lib/messaging/client';
import { dateTime } from './format';
import { loadMonth } from './state';
import { deals, t } from './strings';

export const syncStatus = signal<TeamSyncStatus | null>(null);
const syncError = signal<string | null>(null);
let timer: ReturnType<typeof setTimeout> | null = null;

async function poll(): Promise<void> {
  timer = null;
  try {
    const s = await sendMessage('team.sync.status', {});
    const was = syncStatus.value?.phase;
    syncStatus.value = s;
    if (s.phase === 'running') timer = setTimeout(() => void poll(), 300);
    else if (was === 'running' && s.phase === 'done') await loadMonth();
  } catch (e) {
    syncError.value = e instanceof Error ? e.message : String(e);
  }
}

async function start(full: boolean): Promise<void> {
  syncError.value = null;
  try {
    syncStatus.value = await sendMessage('team.sync.start', full ? { full: true } : {});
    if (!timer) timer = setTimeout(() => void poll(), 200);
  } catch (e) {
    syncError.value = e instanceof Error ? e.message : String(e);
  }
}

async function cancel(): Promise<void> {
  syncStatus.value = await sendMessage('team.sync.cancel', {});
}

function progressText(s: TeamSyncStatus): string {
  switch (s.step) {
    case 'pipelines':
      return t('sync.step.pipelines');
    case 'users':
      return t('sync.step.users');
    case 'leads':
      return t('sync.step.leads', { count: s.leadsDone });
    case 'events':
      return t('sync.step.events', { done: s.eventsBatchesDone, total: s.eventsBatchesTotal ?? '?' });
    case 'saving':
      return t('sync.step.saving');
    case 'notes':
      return t('sync.step.notes');
    default:
      return t('sync.running');
  }
}

export function SyncPanel() {
  useEffect(() => void poll(), []);
  const s = syncStatus.value;
  const running = s?.phase === 'running';
  const fraction =
    !s || !running
      ? 0
      : s.step === 'events' && s.eventsBatchesTotal
        ? 0.3 + (0.65 * s.eventsBatchesDone) / s.eventsBatchesTotal
        : s.step === 'saving' || s.step === 'notes'
          ? 0.97
          : s.step === 'leads'
            ? 0.1 + Math.min(0.2, s.leadsDone / 2000)
            : 0.05;
  let message = '';
  if (s?.phase === 'done')
    message = t('sync.done', {
      clients: deals(s.clients),
      recorded: s.recorded,
      requests: s.requests,
      mode: s.incremental ? t('sync.incremental') : '',
    });
  else if (s?.phase === 'cancelled') message = t('sync.cancelled');
  else if (s?.phase === 'failed') message = t('sync.failed', { message: s.error ?? '' });
  else if (syncError.value) message = t('sync.failed', { message: syncError.value });
  return (
    <section class="sync" aria-labelledby="sync-h">
      <div class="sync-text">
        <h2 id="sync-h" class="sync-title">
          {t('sync.title')}
        </h2>
        <div class="muted small" data-testid="sync-last">
          {s?.lastSyncAt ? t('sync.last', { at: dateTime(s.lastSyncAt) }) : t('sync.never')}
          {s?.auth ? ` · ${t(s.auth === 'token' ? 'sync.auth.token' : 'sync.auth.session')}` : ''}
        </div>
      </div>
      {running ? (
        <div class="sync-progress">
          <div
            class="progress"
            role="progressbar"
            aria-label={t('sync.running')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(fraction * 100)}
            aria-valuetext={progressText(s!)}
          >
            <div class="progress-bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
          </div>
          <span class="small" data-testid="sync-progress" aria-live="polite">
            {progressText(s!)}
          </span>
          <button type="button" class="button secondary" onClick={() => void cancel()}>
            {t('sync.cancel')}
          </button>
        </div>
      ) : (
        <div class="sync-actions">
          <button type="button" class="button" onClick={() => void start(false)}>
            ⟳ {t('sync.start')}
          </button>
          {s?.lastSyncAt ? (
            <button type="button" class="button link" onClick={() => void start(true)}>
              {t('sync.full')}
            </button>
          ) : null}
        </div>
      )}
      <p
        class={`sync-result small ${s?.phase === 'failed' || syncError.value ? 'error' : ''}`}
        role="status"
        data-testid="sync-result"
      >
        {message}
      </p>
      {s?.phase === 'done' && s.failed?.length ? (
        <p class="sync-result small error" role="alert" data-testid="sync-skipped">
          {t('sync.skipped', {
            count: s.failed.length,
            list: s.failed
              .slice(0, 5)
              .map((f) => `${f.leadId === null ? '?' : `#${f.leadId}`}: ${f.message}`)
              .join('; '),
          })}
        </p>
      ) : null}
    </section>
  );
}
