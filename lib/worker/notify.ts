// Notifications and wake-ups: the re-plan that follows every change (show what is due, schedule
// the next wake, set the badge), the away window on start, snoozing. Holds no state but the
// serial chain and the debounce timer: every re-plan reads the database (it may schedule from the
// candidates cached there, see ./replan.ts).
import { overdueAt, schedulePlan, type PlannedNotification } from '../alarms/planner';
import { workerText, type WorkerText } from '../alarms/strings';
import { languageOf } from '../playbook/localize';
import { DAY, MINUTE } from '../calendar/time';
import type { NotificationTarget } from '../model/notifications';
import type { MetaValues } from '../store/meta';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import type { Effects } from './effects';
import { planBasis } from './replan';

export const SNOOZE_MS = 15 * MINUTE;
/** More notifications than this at once collapse into one summary. */
export const COLLAPSE_OVER = 3;
/** Delay that coalesces re-plans after a burst of recorded events. */
export const REPLAN_DEBOUNCE_MS = 250;

export interface NotifierDeps {
  db: () => Promise<Db>;
  now: () => number;
  effects: Effects;
  /** Where a summary notification leads (the popup page as a tab). */
  agendaUrl: string;
}

export interface ReplanResult {
  shown: string[];
  nextWakeAt: number | null;
  overdue: number;
  /** Derived in full (false: scheduled from the cached candidates). */
  derived: boolean;
}

export function createNotifier(deps: NotifierDeps) {
  const { now, effects } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  /** Serializes re-plans inside one worker life (they read-modify-write meta). */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  /**
   * Shows what is due and not yet shown, schedules the next wake, sets the badge; from the cached
   * candidates when they hold, else (or with `full`) after deriving everything again.
   */
  function replan(options: { notify?: boolean; full?: boolean } = {}): Promise<ReplanResult> {
    return serial(async () => {
      const db = await deps.db();
      const at = now();
      const basis = await planBasis(db, at, { full: options.full });
      const locale = languageOf(basis.settings);
      const t = workerText(locale);
      await effects.language(locale);
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
        const toShow = plan.due.length > COLLAPSE_OVER ? [summaryNotification(plan.due, deps.agendaUrl, t)] : plan.due;
        for (const n of toShow) {
          targets[n.id] = n.target;
          await effects.show({
            id: n.id,
            title: n.title,
            message: n.message,
            buttons: [n.openLabel, t('btn.snooze')],
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
      await effects.badge(overdue, overdue > 0 ? t('action.overdue', { count: overdue }) : t('action.title'));
      return { shown, nextWakeAt, overdue, derived: basis.derived };
    });
  }

  let soon: ReturnType<typeof setTimeout> | null = null;
  /** Re-plan without making the caller wait (after a recorded event); errors are logged. */
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

  async function targetOf(notificationId: string): Promise<NotificationTarget | null> {
    const db = await deps.db();
    const targets = (await repo.getMeta(db, 'notificationTargets')) ?? {};
    return targets[notificationId] ?? null;
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

  return { replan, replanSoon, start, snooze, targetOf };
}

export type Notifier = ReturnType<typeof createNotifier>;

function summaryNotification(due: PlannedNotification[], agendaUrl: string, t: WorkerText): PlannedNotification {
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
