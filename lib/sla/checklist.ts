// Builds checklist items for a one-off rule from "done" instants, with the management/complex
// branching of lib/playbook/rules.ts, and derives metAt (the last required item's time).
import type { Instant, Service } from '../model/facts';
import type { ChecklistItem, RuleId } from '../model/obligations';
import { MISSING } from '../playbook/engine-texts';
import { itemTitle, RULES, ruleText } from '../playbook/rules';
import type { RuleContext } from './context';
import type { Settings } from '../playbook/settings';

/** `done` maps item id → when it was done; `null` = done at an unknown time (e.g. a filled field). */
export type DoneMap = Record<string, Instant | null | undefined>;

export interface ChecklistResult {
  items: ChecklistItem[];
  missing: string[];
  /** Time the last required item was done; undefined while any is missing. */
  metAt: Instant | undefined;
}

interface ShownItem {
  id: string;
  title: string;
  info: boolean;
}

// Titles are filled from settings once per (settings, rule, service), not per client.
// Keyed by rule, then service: a joined `rule|service` key was a string built and hashed per call.
const shownCache = new WeakMap<Settings, Map<RuleId, Map<Service, ShownItem[]>>>();

function shownItems(settings: Settings, rule: RuleId, service: Service): ShownItem[] {
  let bySettings = shownCache.get(settings);
  if (!bySettings) shownCache.set(settings, (bySettings = new Map()));
  let byService = bySettings.get(rule);
  if (!byService) bySettings.set(rule, (byService = new Map()));
  let list = byService.get(service);
  if (!list) {
    list = [];
    for (const def of RULES[rule].items) {
      const shown = itemTitle(def, service, settings);
      if (shown) list.push({ id: def.id, title: shown.title, info: shown.info });
    }
    byService.set(service, list);
  }
  return list;
}

/**
 * One literal per shape, keys in the order they always had: adding `doneAt`/`value` to a built
 * item gave it a new hidden class and a separate property store (an allocation per item).
 */
function itemOf(id: string, title: string, done: boolean, doneAt: Instant | undefined, value: string | undefined): ChecklistItem {
  if (doneAt === undefined) return value === undefined ? { id, title, done } : { id, title, done, value };
  return value === undefined ? { id, title, done, doneAt } : { id, title, done, doneAt, value };
}

/** `values` maps item id → the value its latest active tick carries (shown again after a reload). */
export function buildChecklist(
  ctx: RuleContext,
  rule: RuleId,
  done: DoneMap,
  fallbackDoneAt: Instant,
  values: Record<string, string | undefined> = {},
): ChecklistResult {
  const items: ChecklistItem[] = [];
  const missing: string[] = [];
  let last = Number.NEGATIVE_INFINITY;
  let complete = true;
  for (const shown of shownItems(ctx.p.settings, rule, ctx.service)) {
    const def = shown;
    if (shown.info) {
      items.push({ id: def.id, title: shown.title, done: true, info: true });
      continue;
    }
    const at = done[def.id];
    const isDone = at !== undefined;
    items.push(itemOf(def.id, shown.title, isDone, isDone && at !== null ? at : undefined, values[def.id]));
    if (!isDone) {
      complete = false;
      missing.push(shown.title);
    } else {
      last = Math.max(last, at ?? fallbackDoneAt);
    }
  }
  if (ctx.client.service === null && RULES[rule].items.some((d) => d.services.length < 2))
    missing.push(ruleText(MISSING.noService, ctx.p.settings));
  return { items, missing, metAt: complete ? (last === Number.NEGATIVE_INFINITY ? fallbackDoneAt : last) : undefined };
}
