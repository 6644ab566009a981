// The popup agenda across all clients: overdue (oldest first, with how long), due today by
// time, tomorrow, the current/next engagement round, and what fell due while away.
import type { Client } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { Agenda, AgendaEntry, ClientSummary, Round, RoundAccount } from '../messaging/protocol';
import type { AwayWindow } from '../store/meta';
import { calendarFor, type Settings } from './engine';
import { summaryOf } from './summary';
import { HOUR, MINUTE } from '../calendar/time';

export interface ClientObligations {
  client: Client;
  obligations: Obligation[];
}

/** Engagement rounds this close to now (before or after) are the agenda's round slots. */
const ROUND_WINDOW = 24 * HOUR;

/**
 * What of a client's obligations derived at `computedAt` can show in an agenda built at a later
 * moment while the derivation holds (the worker's agenda cache, ./agenda-cache.ts):
 * every unmet obligation with a deadline, and the rounds from a day before `computedAt` on.
 */
export function agendaSliceOf(obligations: readonly Obligation[], computedAt: number): Obligation[] {
  return obligations.filter((o) =>
    o.rule === 'engagement-round' ? o.startAt >= computedAt - ROUND_WINDOW : o.dueAt !== null && o.metAt === undefined,
  );
}

export function buildAgenda(all: ClientObligations[], settings: Settings, now: number, away: AwayWindow | null): Agenda {
  const cal = calendarFor(settings.calendar);
  const today = cal.dayNumOf(now);
  const overdue: AgendaEntry[] = [];
  const todays: AgendaEntry[] = [];
  const tomorrow: AgendaEntry[] = [];
  const missed: AgendaEntry[] = [];
  const slots = new Map<string, { at: number; dueAt: number; accounts: RoundAccount[] }>();

  for (const { client, obligations } of all) {
    let summary: ClientSummary | null = null;
    const s = () => (summary ??= summaryOf(client));
    for (const o of obligations) {
      if (o.rule === 'engagement-round') {
        if (o.startAt < now - ROUND_WINDOW || o.startAt > now + ROUND_WINDOW) continue;
        let slot = slots.get(o.key);
        if (!slot)
          slots.set(
            o.key,
            (slot = {
              at: o.startAt,
              dueAt: o.dueAt ?? o.startAt + settings.currentClients.engagementOverdueMinutes * MINUTE,
              accounts: [],
            }),
          );
        const done = o.state === 'met' || o.state === 'met-late';
        slot.accounts.push({ client: s(), done, doneAt: done ? (o.metAt ?? null) : null });
        continue;
      }
      if (o.dueAt === null) continue;
      if (o.state === 'overdue') {
        const entry = { client: s(), obligation: o, overdueFor: now - o.dueAt };
        overdue.push(entry);
        if (away && !away.shown && o.dueAt > away.from && o.dueAt <= away.to) missed.push(entry);
      } else if (o.state === 'open') {
        const day = cal.dayNumOf(o.dueAt);
        if (day <= today) todays.push({ client: s(), obligation: o });
        else if (day === today + 1) tomorrow.push({ client: s(), obligation: o });
      }
    }
  }
  const byDue = (a: AgendaEntry, b: AgendaEntry) =>
    a.obligation.dueAt! - b.obligation.dueAt! || a.client.name.localeCompare(b.client.name);
  overdue.sort(byDue);
  todays.sort(byDue);
  tomorrow.sort(byDue);
  missed.sort(byDue);
  return { now, overdue, today: todays, tomorrow, round: pickRound(slots, settings, now), missedWhileAway: missed };
}

/** The latest slot that started and is not finished (or still within its hour), else the next one. */
function pickRound(
  slots: Map<string, { at: number; dueAt: number; accounts: RoundAccount[] }>,
  settings: Settings,
  now: number,
): Round | null {
  const list = [...slots.entries()].map(([slot, r]) => ({ slot, ...r })).sort((a, b) => a.at - b.at);
  const started = list.filter((r) => r.at <= now);
  const current = started[started.length - 1];
  const next = list.find((r) => r.at > now);
  const toRound = (r: (typeof list)[number]): Round => {
    const allDone = r.accounts.every((a) => a.done);
    const state: Round['state'] = allDone ? 'done' : r.at > now ? 'upcoming' : now < r.dueAt ? 'due' : 'overdue';
    r.accounts.sort((a, b) => Number(a.done) - Number(b.done) || a.client.name.localeCompare(b.client.name));
    return { slot: r.slot, at: r.at, dueAt: r.dueAt, state, accounts: r.accounts };
  };
  if (current) {
    const round = toRound(current);
    if (round.state !== 'done' || !next) return round;
  }
  void settings;
  return next ? toRound(next) : null;
}

/** The badge count: overdue obligations, plus one for an overdue engagement round. */
export function overdueCount(agenda: Agenda): number {
  return agenda.overdue.length + (agenda.round?.state === 'overdue' ? 1 : 0);
}
