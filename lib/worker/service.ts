// The worker's logic: handlers for every message, and the re-plan that follows every change.
// Holds no state of its own: every call reads the database (a re-plan may schedule from the
// candidates cached there, see ./replan.ts).
import { overdueAt, schedulePlan, type PlannedNotification } from '../alarms/planner';
import { HandlerError } from '../messaging/errors';
import type { Handlers, HandlerContext } from '../messaging/router';
import { optionsAnchor, type ClientView, type TokenStatus } from '../messaging/protocol';
import type { Client } from '../model/facts';
import { BackupError, exportBackup, importBackup } from '../store/backup';
import type { MetaValues } from '../store/meta';
import type { NotificationTarget } from '../model/notifications';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { buildAgenda } from './agenda';
import type { Settings } from './engine';
import { deriveAll, loadWorld, planBasis } from './replan';
import { summaryOf } from './summary';
import { workerText } from '../alarms/texts';
import { buildView } from './view';
import { createDashboardHandlers } from './dashboard';
import { createPlanHandlers } from './plans';
import { createTeamSync, type TeamSyncDeps } from './team-sync';
import { createAccountCheck } from './amocrm-account';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const SNOOZE_MS = 15 * MINUTE;
/** More notifications than this at once collapse into one summary. */
export const COLLAPSE_OVER = 3;
/** Delay that coalesces re-plans after a burst of recorded events. */
export const REPLAN_DEBOUNCE_MS = 250;

/** One Chrome notification to show. */
export interface ShownNotification {
  id: string;
  title: string;
  message: string;
  buttons: string[];
  /** Breaches stay on screen until acted on. */
  requireInteraction: boolean;
}

/** The browser side effects, injected so the logic runs in Node. */
export interface Effects {
  scheduleWake(at: number | null): Promise<void>;
  show(notification: ShownNotification): Promise<void>;
  badge(count: number): Promise<void>;
}

export interface WorkerDeps {
  db: () => Promise<Db>;
  now: () => number;
  effects: Effects;
  /** Where a summary notification leads (the popup page as a tab). */
  agendaUrl: string;
  /** Opens the options page in a tab at an element id (`#new-clients`), or at the top. */
  /** Opens one of the extension's own pages in a tab (content scripts cannot). */
  openPage?: (page: 'options.html' | 'dashboard.html', anchor: string | null) => Promise<void>;
  /** Overrides for the team sync (tests: fetch, rate-limit bucket). */
  teamSync?: Partial<TeamSyncDeps>;
}

export { deriveAll, loadWorld, type World } from './replan';

export interface ReplanResult {
  shown: string[];
  nextWakeAt: number | null;
  overdue: number;
  /** Derived in full (false: scheduled from the cached candidates). */
  derived: boolean;
}

export function createWorker(deps: WorkerDeps) {
  const { now, effects } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  /** Serializes re-plans inside one worker life (they read-modify-write meta). */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  async function viewOf(db: Db, clientId: string, settings?: Settings): Promise<ClientView | null> {
    const client = await repo.getClient(db, clientId);
    if (!client) return null;
    const [events, s] = await Promise.all([repo.eventsOf(db, clientId), settings ?? repo.getSettings(db)]);
    return buildView(client, events, s, now());
  }

  async function mustView(db: Db, clientId: string): Promise<ClientView> {
    const view = await viewOf(db, clientId);
    if (!view) throw new HandlerError('not-found', `No client ${clientId}`);
    return view;
  }

  /**
   * Shows what is due and not yet shown, schedules the next wake, sets the badge; from the cached
   * candidates when they hold, else (or with `full`) after deriving everything again.
   */
  function replan(options: { notify?: boolean; full?: boolean } = {}): Promise<ReplanResult> {
    return serial(async () => {
      const db = await deps.db();
      const at = now();
      const basis = await planBasis(db, at, { full: options.full });
      const [notified = {}, snoozes = {}, targets = {}] = await Promise.all([
        repo.getMeta(db, 'notified'),
        repo.getMeta(db, 'snoozes'),
        repo.getMeta(db, 'notificationTargets'),
      ]);
      const plan = schedulePlan(basis.candidates.candidates, { now: at, notified, snoozes, settings: basis.settings });
      const shown: string[] = [];
      if (options.notify !== false && plan.due.length > 0) {
        for (const id of plan.superseded) notified[id] = at;
        for (const n of plan.due) notified[n.id] = at;
        const toShow = plan.due.length > COLLAPSE_OVER ? [summaryNotification(plan.due, deps.agendaUrl)] : plan.due;
        for (const n of toShow) {
          targets[n.id] = n.target;
          await effects.show({
            id: n.id,
            title: n.title,
            message: n.message,
            buttons: [n.openLabel, workerText()('btn.snooze')],
            requireInteraction: n.breach,
          });
          shown.push(n.id);
        }
      }
      // Forget bookkeeping older than a week (occurrences that old are never planned again).
      const keepAfter = at - 7 * DAY;
      for (const [id, when] of Object.entries(notified)) if (when < keepAfter) delete notified[id];
      for (const [id, until] of Object.entries(snoozes)) if (until < keepAfter) delete snoozes[id];
      for (const [id, target] of Object.entries(targets))
        if (notified[id] === undefined && !target.ids?.some((x) => notified[x] !== undefined)) delete targets[id];
      // Candidates hold until validUntil at most: wake by then to derive again.
      const nextWakeAt = plan.nextWakeAt === null ? basis.validUntil : Math.min(plan.nextWakeAt, basis.validUntil);
      const tx = db.transaction('meta', 'readwrite');
      if (basis.cache) void tx.store.put(basis.cache, 'planCache');
      void tx.store.put(notified, 'notified');
      void tx.store.put(snoozes, 'snoozes');
      void tx.store.put(targets, 'notificationTargets');
      void tx.store.put(at, 'lastPlannedAt');
      void tx.store.put(at, 'lastSeenAt');
      void tx.store.put(nextWakeAt, 'nextWakeAt');
      await tx.done;
      await effects.scheduleWake(nextWakeAt);
      const overdue = overdueAt(basis.candidates, at);
      await effects.badge(overdue);
      return { shown, nextWakeAt, overdue, derived: basis.derived };
    });
  }

  /** Re-plan without making the caller wait (after a recorded event); errors are logged. */
  let soon: ReturnType<typeof setTimeout> | null = null;
  function replanSoon(): void {
    // Coalesces a burst of recorded events into one re-plan shortly after the last one.
    if (soon) clearTimeout(soon);
    soon = setTimeout(() => {
      soon = null;
      void replan().catch((error: unknown) => console.error('Reglament: re-plan failed', error));
    }, REPLAN_DEBOUNCE_MS);
  }

  /** On every worker start: note the time the browser was away, then re-plan. */
  async function start(): Promise<ReplanResult> {
    const db = await deps.db();
    const startedAt = now();
    const [lastSeen, away] = await Promise.all([repo.getMeta(db, 'lastSeenAt'), repo.getMeta(db, 'awayWindow')]);
    if (lastSeen !== undefined && startedAt > lastSeen) {
      const window: MetaValues['awayWindow'] =
        away && !away.shown ? { ...away, to: startedAt } : { from: lastSeen, to: startedAt, shown: false };
      await repo.setMeta(db, 'awayWindow', window);
    }
    return replan();
  }

  async function snooze(notificationId: string): Promise<void> {
    const db = await deps.db();
    const until = now() + SNOOZE_MS;
    const target = await targetOf(notificationId);
    const ids = target?.ids ?? [notificationId];
    const tx = db.transaction('meta', 'readwrite');
    const snoozes = ((await tx.store.get('snoozes')) ?? {}) as Record<string, number>;
    const notified = ((await tx.store.get('notified')) ?? {}) as Record<string, number>;
    for (const id of ids) {
      snoozes[id] = until;
      delete notified[id];
    }
    await tx.store.put(snoozes, 'snoozes');
    await tx.store.put(notified, 'notified');
    await tx.done;
    await replan({ notify: false });
  }

  async function targetOf(notificationId: string): Promise<NotificationTarget | null> {
    const db = await deps.db();
    const targets = (await repo.getMeta(db, 'notificationTargets')) ?? {};
    return targets[notificationId] ?? null;
  }

  async function tokenStatus(db: Db): Promise<TokenStatus> {
    const token = await repo.getMeta(db, 'amoToken');
    return { set: !!token, setAt: token?.setAt ?? null, last4: token ? token.token.slice(-4) : null };
  }

  const teamSync = createTeamSync({ db: deps.db, now, onRecorded: () => replanSoon(), ...deps.teamSync });
  const checkAccount = createAccountCheck({ db: deps.db, ...deps.teamSync });
  const handlers: Handlers = {
    ...createPlanHandlers({ db: deps.db, now, editUrl: (id) => new URL(`dashboard.html#plans/${id}`, deps.agendaUrl).href }),
    ...createDashboardHandlers({ db: deps.db, now }),
    ...teamSync.handlers,
    'client.sync': async ({ client, events }) => {
      const db = await deps.db();
      const existing = await repo.getClient(db, client.id);
      // An Instagram account linked by hand survives a sync from a deal whose field is empty.
      const merged: Client = {
        ...client,
        instagram: client.instagram ?? existing?.instagram ?? null,
        trackedSince: existing?.trackedSince ?? now(),
      };
      await repo.putClient(db, merged);
      const added = await repo.recordEvents(db, events);
      const view = (await viewOf(db, client.id))!;
      replanSoon();
      return { recorded: added.length, view };
    },
    'event.record': async ({ event }) => {
      const db = await deps.db();
      if (!(await repo.getClient(db, event.clientId))) throw new HandlerError('not-found', `No client ${event.clientId}`);
      const added = await repo.recordEvents(db, [event]);
      const view = await mustView(db, event.clientId);
      if (added.length) replanSoon();
      return { recorded: added.length > 0, view };
    },
    'client.view': async ({ clientId }) => viewOf(await deps.db(), clientId),
    'client.byInstagram': async ({ username }) => {
      const db = await deps.db();
      const client = await repo.findClientByInstagram(db, username);
      return client ? viewOf(db, client.id) : null;
    },
    'client.linkInstagram': async ({ clientId, username }) => {
      const db = await deps.db();
      const client = await repo.getClient(db, clientId);
      if (!client) throw new HandlerError('not-found', `No client ${clientId}`);
      await repo.putClient(db, { ...client, instagram: username, updatedAt: now() });
      replanSoon();
      return mustView(db, clientId);
    },
    'clients.list': async () => {
      const clients = await repo.listClients(await deps.db());
      return clients.map(summaryOf).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    },
    'client.events': async ({ clientId }) => repo.eventsOf(await deps.db(), clientId),
    'agenda.get': async (_payload, ctx: HandlerContext) => {
      const db = await deps.db();
      const at = now();
      const world = await loadWorld(db);
      const away = (await repo.getMeta(db, 'awayWindow')) ?? null;
      const agenda = buildAgenda(deriveAll(world, at), world.settings, at, away);
      // «Shown once»: only our own pages (the popup) consume the away list.
      if (ctx.sender.kind === 'page' && away && !away.shown) await repo.setMeta(db, 'awayWindow', { ...away, shown: true });
      return agenda;
    },
    'settings.get': async () => repo.getSettings(await deps.db()),
    'settings.set': async ({ settings }) => {
      const result = await repo.setSettings(await deps.db(), settings);
      if (result.ok) replanSoon();
      return result;
    },
    'backup.export': async () => {
      const db = await deps.db();
      const file = await exportBackup(db, now());
      return { json: JSON.stringify(file), summary: { clients: file.clients.length, events: file.events.length } };
    },
    'backup.import': async ({ json }) => {
      try {
        const summary = await importBackup(await deps.db(), json);
        replanSoon();
        return summary;
      } catch (error) {
        if (error instanceof BackupError) throw new HandlerError('invalid', error.message);
        throw error;
      }
    },
    'data.delete': async () => {
      const deleted = await repo.deleteAll(await deps.db());
      await replan();
      return { deleted };
    },
    'token.set': async ({ token }) => {
      const db = await deps.db();
      await repo.setMeta(db, 'amoToken', { token, setAt: now() });
      return tokenStatus(db);
    },
    'token.clear': async () => {
      const db = await deps.db();
      await repo.deleteMeta(db, 'amoToken');
      return tokenStatus(db);
    },
    'token.status': async () => tokenStatus(await deps.db()),
    'options.open': async ({ section }) => {
      if (!deps.openPage) throw new HandlerError('failed', 'Cannot open the options page here');
      await deps.openPage('options.html', section ? optionsAnchor(section) : null);
      return { opened: true };
    },
    'amocrm.account': () => checkAccount(),
    'dashboard.open': async ({ clientId }) => {
      if (!deps.openPage) throw new HandlerError('failed', 'Cannot open the dashboard here');
      await deps.openPage('dashboard.html', clientId ? `plans/${clientId}` : null);
      return { opened: true };
    },
  };

  return { handlers, replan, start, snooze, targetOf, viewOf };
}

function summaryNotification(due: PlannedNotification[], agendaUrl: string): PlannedNotification {
  const t = workerText();
  const lines = due.slice(0, 4).map((n) => n.title);
  if (due.length > 4) lines.push(t('n.more', { count: due.length - 4 }));
  return {
    id: `summary|${due[due.length - 1].at}|${due.length}`,
    kind: 'breach',
    at: due[due.length - 1].at,
    about: due[due.length - 1].about,
    breach: due.some((n) => n.breach),
    clientIds: [...new Set(due.flatMap((n) => n.clientIds))],
    title: t('n.summary.title', { count: due.length }),
    message: t('n.summary.body', { lines: lines.join('\n') }),
    openLabel: t('btn.openAgenda'),
    target: { url: agendaUrl, ids: due.map((n) => n.id) },
  };
}

export type WorkerService = ReturnType<typeof createWorker>;
