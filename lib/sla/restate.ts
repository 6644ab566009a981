// The obligations of a later moment from a derivation made earlier, without running the engine
// again. Between `computedAt` and the end of what it holds (lib/worker/validity.ts: no fact dated
// in between, the same local day) the engine's result moves with the clock in two ways only:
// an open obligation falls overdue at its deadline (stateOf), and recurring occurrences are
// generated up to now + 1 day. A derivation with a horizon reaching past the later moment's
// covers the second; this takes back what lies beyond it and states the rest at the later moment.
import { DAY } from '../calendar/time';
import type { Instant } from '../model/facts';
import { RECURRING_RULES, type Obligation } from '../model/obligations';
import { stateOf } from './context';

/**
 * `list` derived at some moment c with a horizon ≥ t + 1 day, as the engine would derive it at
 * `t` (c ≤ t and t within what the derivation at c holds for): same order, same objects where
 * nothing changed.
 */
export function obligationsAt(list: readonly Obligation[], t: Instant): Obligation[] {
  const horizon = t + DAY;
  const out: Obligation[] = [];
  for (const o of list) {
    if (o.startAt > horizon && RECURRING_RULES.has(o.rule)) continue;
    const state = stateOf(o.dueAt, o.metAt, t);
    out.push(state === o.state ? o : { ...o, state });
  }
  return out;
}
