// The options page's check of stage and field names against the live amoCRM account, read by the
// worker: with the long-lived token when one is stored (it never leaves the worker), else with the
// browser's amoCRM session. Failures are answers, not exceptions, so the page can say which one.
import { ApiError } from '../amocrm/errors';
import { createAmoClient } from '../amocrm/client';
import type { AmoAccountCheck } from '../messaging/protocol';
import { parseLiveAccount } from '../options/amocrm-check';
import * as repo from '../store/repo';
import { resolveAccount } from './account';
import { openAmocrmTabHost, type TeamSyncDeps } from './team-sync';

const CHECK_TIMEOUT_MS = 15_000;

export function createAccountCheck(deps: Pick<TeamSyncDeps, 'db' | 'fetch' | 'bucket' | 'findHost'>) {
  return async function checkAccount(): Promise<AmoAccountCheck> {
    const db = await deps.db();
    const settings = await repo.getSettings(db);
    const account = await resolveAccount(db, settings.amocrm.subdomain, deps.findHost ?? openAmocrmTabHost);
    if (!account) return { ok: false, host: null, reason: 'no-host', status: 0, message: 'no amoCRM account known' };
    const { host } = account;
    const reader = createAmoClient({
      origin: account.origin,
      token: account.token,
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.bucket ? { bucket: deps.bucket(account.origin) } : {}),
    });
    try {
      const [pipelines, fields] = await Promise.all([
        reader.get('/api/v4/leads/pipelines'),
        reader.get('/api/v4/leads/custom_fields?limit=250'),
      ]);
      return { ok: true, host, auth: reader.auth, account: parseLiveAccount(pipelines, fields) };
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      const reason = error instanceof ApiError && error.kind === 'auth' ? 'unauthorized' : 'unreachable';
      return { ok: false, host, reason, status, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
