// What the board shows per deal, computed by the worker from a ClientView: the most urgent open
// obligation with a deadline and how many are overdue. Small on purpose: 300 of them cross the
// message channel on every board view.
import type { ClientView } from '../../messaging/protocol';
import type { BoardEntry } from '../../model/board';
import type { Client, Stage } from '../../model/facts';
import type { Obligation } from '../../model/obligations';
import { splitObligations, WORKING_TIME_RULES } from '../overlay-model';

/** The parts of a ClientView an entry needs (the worker computes only these for a board). */
export type EntryParts = { client: Pick<Client, 'id' | 'leadId'>; stage: Stage | null; obligations: Obligation[]; now: number };

export function boardEntryOf(view: ClientView | EntryParts): BoardEntry {
  const { open } = splitObligations(view.obligations, view.now);
  let overdue = 0;
  for (const { obligation, olderOverdue } of open) overdue += (obligation.state === 'overdue' ? 1 : 0) + olderOverdue;
  // splitObligations sorts by deadline, no-deadline obligations last: the first with one is the most urgent.
  const first = open.find(({ obligation }) => obligation.dueAt !== null)?.obligation;
  return {
    clientId: view.client.id,
    leadId: view.client.leadId,
    stage: view.stage,
    top: first
      ? {
          rule: first.rule,
          title: first.title,
          dueAt: first.dueAt!,
          overdue: first.state === 'overdue',
          workingTime: WORKING_TIME_RULES.has(first.rule),
        }
      : null,
    overdue,
  };
}
