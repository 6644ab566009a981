// Pure helpers behind the overlay: which obligations to show, countdown tone, working hours (from
// the worker's calendar), tick keys, template values. No browser APIs; Intl only.
import type { ClientView } from '../messaging/protocol';
import type { Stage } from '../model/facts';
import { RECURRING_RULES, type Obligation, type RuleId } from '../model/obligations';
import type { CalendarSettings } from '../calendar/types';
import { minutesOf, wallClock, zonedInstant } from './zone';
import { HOUR } from '../calendar/time';

export { RECURRING_RULES };
/** Items the manager ticks (RULES items with source 'tick'); the rest are read from facts. */
export const TICK_ITEMS: ReadonlySet<string> = new Set([
  'concept-draft',
  'references',
  'concept-agreed',
  'materials-requested',
  'growth-started',
  'materials-received',
  'plan-1-agreed',
  'account-setup',
  'plan-2-agreed',
  'plan-3-agreed',
  'ad-manager-asked',
]);
/** Items whose tick carries a value (the reference accounts). */
export const VALUE_ITEMS: ReadonlySet<string> = new Set(['references']);
/** Rules whose checklist the overlay shows at each stage (null = a new deal). */
export const STAGE_RULES: Record<Stage | 'new', RuleId[]> = {
  new: ['first-contact'],
  contacted: [],
  questionnaire: ['concept-call', 'first-plan', 'launch'],
  launched: ['daily-post', 'stories', 'engagement-round', 'content-plan-2', 'content-plan-3', 'renewal-contact'],
  'notice-sent': ['renewal-outcome', 'lost-deadline'],
  lost: [],
};
export const NEXT_STAGE: Record<Stage | 'new', Stage | null> = {
  new: 'contacted',
  contacted: 'questionnaire',
  questionnaire: 'launched',
  launched: 'notice-sent',
  'notice-sent': 'launched',
  lost: null,
};

export type Tone = 'calm' | 'warn' | 'breach' | 'none';

export function toneOf(dueAt: number | null, now: number): Tone {
  if (dueAt === null) return 'none';
  const left = dueAt - now;
  return left < 0 ? 'breach' : left < HOUR ? 'warn' : 'calm';
}

export const isOpen = (o: Obligation) => o.state === 'open' || o.state === 'overdue';

export interface ShownObligation {
  obligation: Obligation;
  /** Older unmet occurrences of the same recurring rule, folded into this row. */
  olderOverdue: number;
}

/**
 * Open obligations to show, soonest first (no-deadline ones last). A recurring rule shows its
 * current occurrence; its older missed ones are counted, not listed. Met ones are returned apart.
 */
export function splitObligations(list: Obligation[], now: number): { open: ShownObligation[]; met: Obligation[] } {
  const open: ShownObligation[] = [];
  const byRule = new Map<RuleId, Obligation[]>();
  for (const o of list) {
    if (!isOpen(o)) continue;
    if (RECURRING_RULES.has(o.rule)) {
      const xs = byRule.get(o.rule) ?? [];
      xs.push(o);
      byRule.set(o.rule, xs);
    } else open.push({ obligation: o, olderOverdue: 0 });
  }
  for (const xs of byRule.values()) {
    xs.sort((a, b) => a.startAt - b.startAt);
    const started = xs.filter((o) => o.startAt <= now);
    const current = started[started.length - 1] ?? xs[0];
    open.push({ obligation: current, olderOverdue: xs.filter((o) => o !== current && o.state === 'overdue').length });
  }
  const due = (o: Obligation) => o.dueAt ?? Number.POSITIVE_INFINITY;
  open.sort((a, b) => due(a.obligation) - due(b.obligation));
  const met = list.filter((o) => !isOpen(o)).sort((a, b) => (b.metAt ?? b.startAt) - (a.metAt ?? a.startAt));
  return { open, met };
}

/** Rules counted in working time: their clocks stand still outside working hours. */
export const WORKING_TIME_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['first-post-72h', 'content-plan-2', 'content-plan-3']);

export interface WorkingNow {
  working: boolean;
  /** When working time ends (when working) or next starts (when not); null once the worker's answer is out of date. */
  change: number | null;
}

/**
 * Working hours at `now` from the worker's answer at `viewNow` (its business calendar knows the
 * holidays and moved days). A working day that opened closes at `workEnd` the same local day; past
 * that the answer is out of date (change null) until the next view says when working time resumes.
 */
export function workingState(hours: ClientView['workingHours'], viewNow: number, now: number, cal: CalendarSettings): WorkingNow {
  const opened = hours.open ? viewNow : hours.nextOpening;
  if (opened === null || now < opened) return { working: false, change: opened };
  const closes = zonedInstant(wallClock(opened, cal.timeZone).date, minutesOf(cal.workEnd), cal.timeZone);
  return now < closes ? { working: true, change: closes } : { working: false, change: null };
}

/** The `key` a tick of this item carries: period-scoped and slot/date-scoped rules use the occurrence key. */
export function tickKeyFor(rule: RuleId | null, obligation: Obligation | undefined): string | undefined {
  if (!rule || !obligation) return undefined;
  if (rule === 'stories') return undefined;
  return obligation.key !== rule ? obligation.key : undefined;
}

/** The obligation a checklist step belongs to: the current occurrence of its rule. */
export function obligationFor(rule: RuleId | null, list: Obligation[], now: number): Obligation | undefined {
  if (!rule) return undefined;
  const xs = list.filter((o) => o.rule === rule).sort((a, b) => a.startAt - b.startAt);
  const started = xs.filter((o) => o.startAt <= now);
  return started.find(isOpen) ?? started[started.length - 1] ?? xs[0];
}

/** Whether the renewal is near: the renewal-contact obligation of the current period has started and is not met. */
export function renewalNear(list: Obligation[], now: number): boolean {
  return list.some(
    (o) =>
      (o.rule === 'renewal-contact' || o.rule === 'renewal-outcome' || o.rule === 'lost-deadline') &&
      o.startAt <= now &&
      isOpen(o),
  );
}
