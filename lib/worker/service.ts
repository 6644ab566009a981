// The worker's logic, composed: one handler module per feature, the notifier that re-plans after
// every change. Holds no state of its own (see ./notify.ts for the re-plan chain).
import { readAnswer } from '../instagram/read-answer';
import type { Handlers } from '../messaging/router';
import type { Db } from '../store/schema';
import { createAgendaHandlers } from './agenda-handler';
import { createBoardHandlers } from './board';
import { createAccountCheck } from './amocrm-account';
import { createBudget } from './budget';
import { createClientHandlers } from './clients';
import { createDashboardHandlers } from './dashboard';
import { createDataHandlers } from './data';
import type { Effects } from './effects';
import { createNotifier } from './notify';
import { createPageHandlers, type OpenPage } from './pages';
import { createPlanHandlers } from './plans';
import { createTeamSync, type TeamSyncDeps } from './team-sync';
import { createTeamRecord, type RecordDeps } from './record';
import { createTokenHandlers } from './token';
import { withLeastPrivilege } from './least-privilege';

export interface WorkerDeps {
  db: () => Promise<Db>;
  now: () => number;
  effects: Effects;
  /** Where a summary notification leads (the popup page as a tab). */
  agendaUrl: string;
  /** Opens one of the extension's own pages in a tab (content scripts cannot); absent in Node. */
  openPage?: OpenPage;
  /** Overrides for the team sync (tests: fetch, rate-limit bucket). */
  teamSync?: Partial<TeamSyncDeps>;
  /** The team record's browser side (the send alarm) and test overrides (fetch, dice, timers). */
  record?: Partial<RecordDeps>;
}

export function createWorker(deps: WorkerDeps) {
  const { db, now } = deps;
  const notifier = createNotifier(deps);
  const changed = notifier.replanSoon;
  // One request budget per account for the worker's own requests and every amoCRM tab's.
  const budget = createBudget();
  const record = createTeamRecord({
    db,
    now,
    onRecorded: changed,
    bucket: budget.bucket,
    ...(deps.teamSync?.fetch ? { fetch: deps.teamSync.fetch } : {}),
    ...deps.record,
  });
  const teamSync = createTeamSync({
    db,
    now,
    onRecorded: changed,
    record,
    tabs: deps.record?.tabs,
    bucket: budget.bucket,
    ...deps.teamSync,
  });
  const handlers: Handlers = {
    ...createClientHandlers({ db, now, changed, record }),
    ...createBoardHandlers({ db, now, onRecorded: changed }),
    ...createAgendaHandlers({ db, now, record }),
    'record.send': async () => record.sendNow(),
    ...createDataHandlers({ db, now, changed, emptied: () => notifier.replan() }),
    ...createTokenHandlers({ db, now }),
    ...createPageHandlers(deps.openPage),
    ...createPlanHandlers({
      db,
      now,
      editUrl: (id) => new URL(`dashboard.html#plans/${id}`, deps.agendaUrl).href,
      queued: () => record.soon(),
    }),
    ...createDashboardHandlers({ db, now }),
    ...teamSync.handlers,
    'amocrm.account': createAccountCheck({ db, bucket: budget.bucket, ...deps.teamSync }),
    ...budget.handlers,
    // Pure reading of what the sidebar fetched from Instagram: no state, no re-plan.
    'instagram.read': async (req) => readAnswer(req),
  };
  return {
    handlers: withLeastPrivilege(handlers),
    replan: notifier.replan,
    start: async () => {
      void record.kick().catch((error: unknown) => console.error('Reglament: sending to amoCRM failed', error));
      return notifier.start();
    },
    record,
    snooze: notifier.snooze,
    targetOf: notifier.targetOf,
  };
}

export type WorkerService = ReturnType<typeof createWorker>;
