// amoCRM mapping helpers: the live check of stage/field names against the account the manager is
// signed in to (this page has the amoCRM host permission, so it fetches the API itself with the
// session cookie), and the optional long-lived token kept by the worker.
import { computed, signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { queryTabs } from '@/lib/browser/api';
import { sendMessage } from '@/lib/messaging/client';
import type { TokenStatus } from '@/lib/messaging/protocol';
import { amocrmAccountOrigin, amocrmMatches, amocrmTabHost } from '@/lib/hosts';
import { checkMapping, pickPipeline, type LiveAccount, type NameCheck } from '@/lib/options/amocrm-check';
import { formatInZone } from '@/lib/i18n/format';
import { locale } from '../common/page-locale';
import { dataVersion, saved } from './state';
import { tr } from './strings';
import { DEFAULT_TIME_ZONE } from '@/lib/calendar/default-zone';

export type CheckState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; host: string; account: LiveAccount }
  | { state: 'failed'; message: string };

export const amoCheck = signal<CheckState>({ state: 'idle' });
/** The host of an open amoCRM tab (any of the account domains in lib/hosts.ts), if there is one. */
export const openTabHost = signal<string | null>(null);

/** The configured names checked against the last fetched account; re-derived after every edit. */
export const amoChecks = computed<NameCheck[] | null>(() => {
  const c = amoCheck.value;
  const s = saved.value;
  return c.state === 'done' && s ? checkMapping(s.amocrm, c.account) : null;
});

export function checksByPath(): Record<string, NameCheck> {
  return Object.fromEntries((amoChecks.value ?? []).map((x) => [x.path, x]));
}

async function detectTab(): Promise<void> {
  openTabHost.value = amocrmTabHost(await queryTabs(amocrmMatches));
}

/** The worker reads the account (with the stored token, else the browser's amoCRM session). */
export async function runCheck(): Promise<void> {
  if (!saved.value) return;
  amoCheck.value = { state: 'checking' };
  try {
    const r = await sendMessage('amocrm.account', {});
    if (r.ok) amoCheck.value = { state: 'done', host: r.host, account: r.account };
    else if (r.reason === 'no-host') amoCheck.value = { state: 'failed', message: tr('amo.noSubdomain') };
    else if (r.reason === 'unauthorized')
      amoCheck.value = { state: 'failed', message: tr('amo.unauthorized', { status: r.status }) };
    else
      amoCheck.value = {
        state: 'failed',
        message: tr('amo.unreachable', { host: r.host ?? '', reason: r.status ? `HTTP ${r.status}` : tr('amo.network') }),
      };
  } catch (error) {
    amoCheck.value = {
      state: 'failed',
      message: tr('amo.unreachable', { host: '', reason: error instanceof Error ? error.message : String(error) }),
    };
  }
}

export function AmoCheckPanel() {
  useEffect(() => {
    void detectTab().then(() => {
      if (saved.value?.amocrm.subdomain || openTabHost.value) void runCheck();
    });
  }, []);
  const c = amoCheck.value;
  const checks = amoChecks.value ?? [];
  const bad = checks.filter((x) => !x.ok).length;
  const pipeline =
    c.state === 'done' && saved.value
      ? (pickPipeline(c.account, saved.value.amocrm.pipelineName)?.name ?? saved.value.amocrm.pipelineName)
      : '';
  return (
    <div class="amo-panel" data-testid="amo-check">
      <p class="hint">{openTabHost.value ? tr('amo.tab', { host: openTabHost.value }) : tr('amo.noTab')}</p>
      <div class="amo-actions">
        <button type="button" class="button secondary" onClick={runCheck} disabled={c.state === 'checking'}>
          {c.state === 'checking' ? tr('amo.checking') : tr('amo.check')}
        </button>
      </div>
      <div aria-live="polite">
        {c.state === 'done' && (
          <p class={bad ? 'callout warn' : 'callout ok'} data-testid="amo-result">
            {bad
              ? tr('amo.some', { bad, total: checks.length, host: c.host, pipeline })
              : tr('amo.ok', { total: checks.length, host: c.host, pipeline })}
          </p>
        )}
        {c.state === 'failed' && (
          <p class="callout bad" role="alert" data-testid="amo-result">
            {c.message}
          </p>
        )}
      </div>
    </div>
  );
}

export function TokenPanel() {
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const [draft, setDraft] = useState('');
  const defaultAccount = saved.value?.amocrm.subdomain || openTabHost.value || '';
  const [account, setAccount] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = dataVersion.value;
  useEffect(() => {
    void sendMessage('token.status', {}).then(setStatus, (e) => setError(String(e?.message ?? e)));
  }, [version]);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const token = draft.trim();
      // The token is bound to this account: the worker sends it to no other origin.
      const origin = amocrmAccountOrigin(account ?? defaultAccount);
      if (!origin) return setError(tr('token.badAccount'));
      setStatus(await sendMessage('token.set', { token, origin }));
      setDraft('');
    } catch (err) {
      setError(tr('token.error', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const remove = async () => {
    setError(null);
    try {
      setStatus(await sendMessage('token.clear', {}));
    } catch (err) {
      setError(tr('backup.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const last4 = status?.last4 ?? null;
  const zone = saved.value?.calendar.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <div class="token" data-testid="token">
      <h3>{tr('token.title')}</h3>
      <p class="hint">{tr('token.hint')}</p>
      <p class="token-status" data-testid="token-status">
        {status?.set
          ? `${tr('token.set', { when: status.setAt ? formatInZone(status.setAt, zone, locale.value, true) : '' })}${last4 ? ` · ${tr('token.ending', { last4 })}` : ''} · ${status.origin ? tr('token.bound', { host: new URL(status.origin).host }) : tr('token.unbound')}`
          : tr('token.none')}
      </p>
      <form class="input-row" onSubmit={save}>
        <label class="sr-only" for="amo-token-account">
          {tr('token.account')}
        </label>
        <input
          id="amo-token-account"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={account ?? defaultAccount}
          onInput={(e) => setAccount(e.currentTarget.value)}
          placeholder="smmpro.amocrm.ru"
          title={tr('token.account')}
        />
        <label class="sr-only" for="amo-token">
          {tr('token.label')}
        </label>
        <input
          id="amo-token"
          class="wide"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          placeholder={tr('token.label')}
        />
        <button type="submit" class="button" disabled={draft.trim().length === 0}>
          {tr('token.save')}
        </button>
        {status?.set && (
          <button type="button" class="button secondary" onClick={remove}>
            {tr('token.remove')}
          </button>
        )}
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
