// «Синхронизировать всё» in the worker, so the long-lived token never leaves it: reads the whole
// pipeline from amoCRM (lib/amocrm/team), records clients and facts idempotently, reports
// progress to `team.sync.status`, stops on `team.sync.cancel` (AbortController). A second run
// asks only for leads updated since the last completed one.
import type { TeamSyncStatus } from '../dashboard/types';
import { ApiError } from '../amocrm/errors';
import { dealFromApi, isSecretField, mapDeal } from '../amocrm/mapping';
import { createAmoClient, SyncCancelled } from '../amocrm/client';
import { mergeHandovers } from '../amocrm/team/handovers';
import { readTeam, type FailedDeal } from '../amocrm/team/read-team';
import type { Bucket } from '../amocrm/request-budget';
import { HandlerError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import type { Client } from '../model/facts';
import { bumpVersions } from '../store/derived';
import { bumpDataVersion } from '../store/meta';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { validateClient } from '../store/validate';
import { amocrmMatches, amocrmTabHost } from '../hosts';
import { createTabRoute, type TabPort } from '../record/tab-route';
import { queryTabs } from '../browser/api';
import { resolveAccount } from './account';

/** Kept in the meta store (not secret): when the last sync completed and against which account. */
export const TEAM_SYNC_META = 'teamSync';
interface TeamSyncMeta {
  lastSyncAt: number;
  host: string;
}

export interface TeamSyncDeps {
  db: () => Promise<Db>;
  now: () => number;
  fetch?: typeof fetch;
  /** The account's request budget of the worker's own requests (lib/worker/budget.ts; tests: a roomy token bucket). */
  bucket?: (origin: string) => Bucket;
  /** An open amoCRM tab's host, when neither settings nor stored clients name the account. */
  findHost?: () => Promise<string | null>;
  /** After facts were recorded (re-plan alarms). */
  onRecorded?: () => void;
  /**
   * Open amoCRM tabs (lib/worker/record-tabs.ts): without a token the sync reads through one, with
   * the manager's session (the worker's own fetch goes without a SameSite=Lax cookie).
   */
  tabs?: TabPort;
  /** The team's record: after the deals, the facts the managers wrote to them as notes. */
  record?: { pullAccount(host: string, options?: { force?: boolean }): Promise<number> };
}

const idle = (): TeamSyncStatus => ({
  phase: 'idle',
  step: null,
  leadsDone: 0,
  leadsTotal: null,
  eventsBatchesDone: 0,
  eventsBatchesTotal: null,
  requests: 0,
  startedAt: null,
  finishedAt: null,
  clients: 0,
  recorded: 0,
  lastSyncAt: null,
  auth: null,
  incremental: false,
  error: null,
  failed: [],
});

/** The host of an open amoCRM tab (host permissions let the worker see those tabs' URLs). */
export async function openAmocrmTabHost(): Promise<string | null> {
  return amocrmTabHost(await queryTabs(amocrmMatches));
}

export function createTeamSync(deps: TeamSyncDeps) {
  let status: TeamSyncStatus = idle();
  let controller: AbortController | null = null;
  let loaded = false;

  async function meta(db: Db): Promise<TeamSyncMeta | undefined> {
    return (await db.get('meta', TEAM_SYNC_META)) as TeamSyncMeta | undefined;
  }

  async function current(): Promise<TeamSyncStatus> {
    if (!loaded) {
      loaded = true;
      const m = await meta(await deps.db());
      if (m && status.lastSyncAt === null) status = { ...status, lastSyncAt: m.lastSyncAt };
    }
    return { ...status };
  }

  async function run(
    db: Db,
    signal: AbortSignal,
    origin: string,
    token: string | null,
    since: number | null,
    startedAt: number,
  ): Promise<void> {
    const settings = await repo.getSettings(db);
    const host = new URL(origin).host;
    const onRequest = () => void (status.requests += 1);
    // Without a token, through an open amoCRM tab of the account when there is one; else the
    // worker's own session (it works where the session cookie reaches the worker).
    const viaTab = token === null && deps.tabs ? await createTabRoute(deps.tabs).open(origin, { signal, onRequest }) : null;
    const client =
      viaTab ??
      createAmoClient({
        origin,
        token,
        signal,
        maxRetries: 3,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.bucket ? { bucket: deps.bucket(origin) } : {}),
        onRequest,
      });
    const data = await readTeam(client, {
      pipelineName: settings.amocrm.pipelineName,
      since,
      isSecretField: isSecretField(settings.amocrm),
      onProgress: (p) => {
        status = {
          ...status,
          step: p.step,
          leadsDone: p.leadsDone,
          eventsBatchesDone: p.eventsBatchesDone,
          eventsBatchesTotal: p.eventsBatchesTotal,
          leadsTotal: p.step === 'events' ? p.leadsDone : null,
        };
      },
    });
    if (signal.aborted) throw new SyncCancelled();
    status = { ...status, step: 'saving' };
    // The overlay's mapping, so a fact read here and on the deal card is the same fact (same id).
    const { amocrm: amo, calendar } = settings;
    const at = deps.now();
    const failed: FailedDeal[] = [...data.failed];
    const mapped = data.leads
      .map((lead) => {
        const parts = {
          host,
          lead,
          pipelines: [data.pipeline],
          statusChanges: data.changes.get(lead.id) ?? [],
          notes: [],
          fieldNames: null,
          managerName: lead.responsibleUserId === null ? null : (data.users.get(lead.responsibleUserId) ?? null),
          contactName: null,
        };
        try {
          const m = mapDeal(dealFromApi(parts, amo, calendar.timeZone), amo, calendar.timeZone, at);
          const valid = validateClient(m.client);
          if (valid.ok) return m;
          failed.push({ leadId: lead.id, message: 'the deal does not make a valid client' });
        } catch (error) {
          // One deal that cannot be mapped is reported; the others are saved.
          failed.push({ leadId: lead.id, message: error instanceof Error ? error.message : String(error) });
        }
        return null;
      })
      .filter((m) => m !== null);
    const existing = new Map((await repo.listClients(db)).map((c) => [c.id, c]));
    const tx = db.transaction(['clients', 'meta', 'versions'], 'readwrite');
    const changed: string[] = [];
    for (const { client } of mapped) {
      const old = existing.get(client.id);
      const handovers = mergeHandovers(old?.handovers, data.handovers.get(client.leadId), data.users);
      const merged: Client = {
        ...client,
        ...(handovers.length ? { handovers } : {}),
        instagram: client.instagram ?? old?.instagram ?? null,
        trackedSince: old?.trackedSince ?? at,
      };
      void tx.objectStore('clients').put(merged);
      if (!old || JSON.stringify(old) !== JSON.stringify(merged)) changed.push(client.id);
    }
    if (mapped.length) await bumpDataVersion(tx.objectStore('meta'));
    await bumpVersions(tx.objectStore('versions'), changed);
    await tx.done;
    const added = await repo.recordEvents(
      db,
      mapped.flatMap((m) => m.events),
    );
    let shared = 0;
    if (deps.record) {
      status = { ...status, step: 'notes' };
      if (signal.aborted) throw new SyncCancelled();
      shared = await deps.record.pullAccount(host, { force: true });
    }
    await db.put('meta', { lastSyncAt: startedAt, host } satisfies TeamSyncMeta, TEAM_SYNC_META);
    status = {
      ...status,
      phase: 'done',
      step: null,
      clients: mapped.length,
      recorded: added.length + shared,
      finishedAt: deps.now(),
      lastSyncAt: startedAt,
      failed,
    };
    if (mapped.length) deps.onRecorded?.();
  }

  async function start(full: boolean): Promise<TeamSyncStatus> {
    if (status.phase === 'running') return { ...status };
    const db = await deps.db();
    const settings = await repo.getSettings(db);
    const account = await resolveAccount(db, settings.amocrm.subdomain, deps.findHost ?? openAmocrmTabHost);
    if (!account)
      throw new HandlerError(
        'failed',
        'Не знаю, какой аккаунт amoCRM читать: укажите поддомен в настройках или откройте amoCRM во вкладке',
      );
    const { host, token } = account;
    const last = await meta(db);
    const since = !full && last && last.host === host ? last.lastSyncAt : null;
    const startedAt = deps.now();
    loaded = true;
    controller = new AbortController();
    const signal = controller.signal;
    status = {
      ...idle(),
      phase: 'running',
      step: 'pipelines',
      startedAt,
      lastSyncAt: last?.lastSyncAt ?? null,
      auth: token !== null ? 'token' : 'session',
      incremental: since !== null,
    };
    void run(db, signal, account.origin, token, since, startedAt)
      .catch((error: unknown) => {
        const cancelled = error instanceof SyncCancelled || signal.aborted;
        status = {
          ...status,
          phase: cancelled ? 'cancelled' : 'failed',
          step: null,
          finishedAt: deps.now(),
          error: cancelled ? null : error instanceof ApiError || error instanceof Error ? error.message : String(error),
        };
      })
      .finally(() => {
        if (controller?.signal === signal) controller = null;
      });
    return { ...status };
  }

  function cancel(): TeamSyncStatus {
    controller?.abort();
    if (status.phase === 'running') status = { ...status, phase: 'cancelled', step: null, finishedAt: deps.now() };
    return { ...status };
  }

  const handlers: Pick<Handlers, 'team.sync.start' | 'team.sync.status' | 'team.sync.cancel'> = {
    'team.sync.start': async ({ full }) => start(full === true),
    'team.sync.status': async () => current(),
    'team.sync.cancel': async () => cancel(),
  };
  return { handlers, start, cancel, status: current };
}
