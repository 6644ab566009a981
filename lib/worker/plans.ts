// Content plans in the worker: plan.today (sidebar), plans.list and plans.save (dashboard).
// Stored in the `plans` object store keyed [clientId, periodStart, planNo]. A saved version that
// changes the plan is queued for its deal in amoCRM in the same transaction (the team's record,
// lib/record/plan-marker.ts); versions read back from the deal's notes are merged by
// lib/record/plan-merge.ts, so every browser keeps the same version whatever order they arrive in.
import { calendarFor } from '../calendar';
import { todayItem } from '../dashboard/plans';
import { HandlerError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import type { ContentPlan } from '../model/plans';
import type { OutboxItem } from '../model/record';
import { planNoteText, planOutboxPrefix, planVersionId } from '../record/plan-marker';
import { comparePlanVersions, samePlanContent } from '../record/plan-merge';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';

export interface PlanDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** `dashboard.html#plans/{clientId}` as an absolute extension URL. */
  editUrl: (clientId: string) => string;
  /** A plan version was queued for amoCRM: send soon (lib/worker/record.ts). */
  queued?: () => void;
}

export async function plansOf(db: Db, clientId: string): Promise<ContentPlan[]> {
  const list = await db.getAllFromIndex('plans', 'byClient', clientId);
  return list.sort((a, b) => a.periodStart - b.periodStart || a.planNo - b.planNo);
}

export async function allPlans(db: Db): Promise<ContentPlan[]> {
  return db.getAll('plans');
}

const keyOf = (p: ContentPlan): [string, number, number] => [p.clientId, p.periodStart, p.planNo];

/**
 * Stores the versions read back from amoCRM that supersede what this browser holds (one
 * transaction); returns how many plans changed. Versions of unknown clients are left out.
 */
export async function mergePlans(db: Db, versions: readonly ContentPlan[], known: ReadonlySet<string>): Promise<number> {
  const incoming = versions.filter((p) => known.has(p.clientId));
  if (!incoming.length) return 0;
  const tx = db.transaction('plans', 'readwrite');
  let changed = 0;
  for (const version of incoming) {
    const held = await tx.store.get(keyOf(version));
    if (held && comparePlanVersions(version, held) <= 0) continue;
    await tx.store.put(version);
    changed++;
  }
  await tx.done;
  return changed;
}

/** The note that shares a plan version with the team (its key replaces an older version still waiting). */
function planOutboxItem(plan: ContentPlan, host: string, leadId: number, now: number): OutboxItem {
  return {
    id: `${planOutboxPrefix(plan)}${planVersionId(plan)}`,
    clientId: plan.clientId,
    host,
    leadId,
    text: planNoteText(plan),
    queuedAt: now,
    attempts: 0,
    notBefore: now,
    lastError: null,
  };
}

export function createPlanHandlers(deps: PlanDeps): Pick<Handlers, 'plan.today' | 'plans.list' | 'plans.save'> {
  return {
    'plan.today': async ({ clientId }) => {
      const db = await deps.db();
      const [plans, settings] = await Promise.all([plansOf(db, clientId), repo.getSettings(db)]);
      const today = calendarFor(settings.calendar).localDateOf(deps.now());
      return todayItem(plans, today, deps.editUrl(clientId));
    },
    'plans.list': async ({ clientId }) => plansOf(await deps.db(), clientId),
    'plans.save': async ({ plan }) => {
      const db = await deps.db();
      const client = await repo.getClient(db, plan.clientId);
      if (!client) throw new HandlerError('not-found', `No client ${plan.clientId}`);
      const dates = plan.days.map((d) => d.date);
      if (new Set(dates).size !== dates.length)
        throw new HandlerError('invalid', 'Invalid plans.save: a date appears twice in payload.plan.days');
      const settings = await repo.getSettings(db);
      // This browser's version: whoever made the one it was edited from, only amoCRM names authors.
      const { author: _from, ...edited } = plan;
      const stored: ContentPlan = {
        ...edited,
        days: [...plan.days].sort((a, b) => (a.date < b.date ? -1 : 1)),
        updatedAt: deps.now(),
      };
      const tx = db.transaction(['plans', 'outbox'], 'readwrite');
      const held = await tx.objectStore('plans').get(keyOf(stored));
      await tx.objectStore('plans').put(stored);
      // A save that changes nothing (the same state and days) writes no note: one note per version.
      const share = settings.amocrm.shareFacts && !(held && samePlanContent(held, stored));
      if (share) {
        const outbox = tx.objectStore('outbox');
        const prefix = planOutboxPrefix(stored);
        // An older version still waiting is superseded: only the latest goes (one in flight is sent anyway).
        await outbox.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
        await outbox.put(planOutboxItem(stored, client.host, client.leadId, deps.now()));
      }
      await tx.done;
      if (share) deps.queued?.();
      return stored;
    },
  };
}
