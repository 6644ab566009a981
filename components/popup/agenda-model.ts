// What the popup derives from an Agenda: entries grouped by client, what can be ticked and how,
// where a row opens, and what the header and the first screen count. No browser API here.
import type { NewClientEvent } from '@/lib/model/facts';
import type { Obligation } from '@/lib/model/obligations';
import type { Agenda, AgendaEntry, ClientSummary } from '@/lib/messaging/protocol';
import { RULES, ruleTitleOf } from '@/lib/playbook/rules';
import type { Settings } from '@/lib/playbook/settings';
import type { Totals } from './snapshot';

export interface ClientGroup {
  client: ClientSummary;
  entries: AgendaEntry[];
}

/** Groups entries by client in the order the first entry of each client appears (entries come sorted by due time). */
export function groupByClient(entries: readonly AgendaEntry[]): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  for (const e of entries) {
    let g = groups.get(e.client.id);
    if (!g) groups.set(e.client.id, (g = { client: e.client, entries: [] }));
    g.entries.push(e);
  }
  return [...groups.values()];
}

export interface Tickable {
  /** Stable id for the checkbox. */
  id: string;
  item: string;
  key?: string;
  title: string | null;
  done: boolean;
}

/** Ticks of period rules are scoped by the obligation's key (S as a date); one-off new-client rules have none. */
function itemKey(o: Obligation): string | undefined {
  return o.key === o.rule ? undefined : o.key;
}

/** What the manager may tick on this obligation, where the rule allows it. Items read from amoCRM or Instagram are not tickable. */
export function tickablesOf(o: Obligation): Tickable[] {
  const meta = RULES[o.rule];
  if (meta.tick && meta.tick.item !== 'engagement-round') {
    const key = meta.tick.key === 'date' ? o.key : undefined;
    return [
      {
        id: `${o.id}|${meta.tick.item}`,
        item: meta.tick.item,
        key,
        title: null,
        done: o.state === 'met' || o.state === 'met-late',
      },
    ];
  }
  const out: Tickable[] = [];
  for (const item of o.items ?? []) {
    if (item.info) continue;
    const def = meta.items.find((d) => d.id === item.id);
    if (!def || def.source !== 'tick') continue;
    out.push({ id: `${o.id}|${item.id}`, item: item.id, key: itemKey(o), title: item.title, done: item.done });
  }
  return out;
}

/** Items that are not tickable here but still missing (read from the deal or the profile). */
export function pendingFacts(o: Obligation): string[] {
  const meta = RULES[o.rule];
  if (meta.tick) return [];
  const items = (o.items ?? []).filter((i) => !i.info && !i.done && meta.items.find((d) => d.id === i.id)?.source !== 'tick');
  if (items.length) return items.map((i) => i.title);
  return o.items && o.items.length ? [] : (o.missing ?? []);
}

export function tickEvent(clientId: string, t: Pick<Tickable, 'item' | 'key'>, done: boolean, at: number): NewClientEvent {
  const base = { clientId, at, source: 'manager' as const, item: t.item, ...(t.key !== undefined ? { key: t.key } : {}) };
  return done ? { ...base, type: 'tick' } : { ...base, type: 'untick' };
}

export type OpenTarget = { kind: 'deal' | 'instagram'; url: string };

/** Post, story and comment work happens on the profile; everything else in the deal. */
export function openTargetOf(client: ClientSummary, o: Pick<Obligation, 'rule'> | null): OpenTarget {
  const onProfile = o !== null && (o.rule === 'daily-post' || o.rule === 'stories' || o.rule === 'engagement-round');
  if (onProfile && client.instagram)
    return { kind: 'instagram', url: `https://www.instagram.com/${encodeURIComponent(client.instagram)}/` };
  return { kind: 'deal', url: client.dealUrl };
}

/** The rule's title in the UI language (the obligation carries the Russian one, filled from settings); English needs the settings for its numbers. */
export function ruleTitle(o: Obligation, locale: 'ru' | 'en', settings: Settings | null = null): string {
  return locale === 'en' && settings && RULES[o.rule] ? ruleTitleOf(o.rule, settings, 'en') : o.title;
}

export type SectionId = 'overdue' | 'today' | 'tomorrow';

/** Counts from the snapshot's totals win: a snapshot holds only the first screen of rows. */
export function headerCounts(agenda: Agenda, totals?: Totals): { overdue: number; today: number } {
  const overdue = (totals?.overdue ?? agenda.overdue.length) + (agenda.round?.state === 'overdue' ? 1 : 0);
  return { overdue, today: totals?.today ?? agenda.today.length };
}

/** Nothing overdue or due today, and no round waiting: «Всё сделано» (tomorrow may still be listed). */
export function nothingDueNow(agenda: Agenda, totals?: Totals): boolean {
  const round = agenda.round;
  return (
    (totals?.overdue ?? agenda.overdue.length) === 0 &&
    (totals?.today ?? agenda.today.length) === 0 &&
    (!round || round.state === 'done' || round.state === 'upcoming')
  );
}

/** No clients yet means the extension is not set up: explain how clients appear instead of an empty list. */
export function isFirstRun(clients: number, agenda: Agenda): boolean {
  return clients === 0 && agenda.overdue.length + agenda.today.length + agenda.tomorrow.length === 0;
}

/** The row budget of the first paint is spent section by section, in the order they are shown. */
export function sectionLimits(budget: number, agenda: Agenda): Record<SectionId, number> {
  return {
    overdue: budget,
    today: budget - agenda.overdue.length,
    tomorrow: budget - agenda.overdue.length - agenda.today.length,
  };
}

/** A section whose budget is spent still shows one row, so its heading never stands alone. */
export function visibleGroups(entries: readonly AgendaEntry[], limit: number): ClientGroup[] {
  return groupByClient(limit < entries.length ? entries.slice(0, Math.max(limit, 1)) : entries);
}

/** One checkbox per account and slot of the round. */
export function roundTickId(slot: string, clientId: string): string {
  return `${slot}|${clientId}`;
}

/** Accounts in the round go by their Instagram handle, which is what the manager opens. */
export function roundAccountLabel(client: Pick<ClientSummary, 'name' | 'instagram'>): string {
  return client.instagram ? `@${client.instagram}` : client.name;
}
