// Shared first step of computeObligations, periodOf and clientPhase: index the facts, find the
// periods and the loss.
import type { ClientEvent, Instant } from '../model/facts';
import type { Settings } from '../playbook/settings';
import { buildFactsIndex, type FactsIndex } from './facts-index';
import { computePeriods, type PeriodSpan } from './periods';
import { prepare, type Prepared } from './prepared';

export interface Analysis {
  p: Prepared;
  idx: FactsIndex;
  periods: PeriodSpan[];
  lostAt: Instant | null;
}

/**
 * The client counts as lost from the first «Клиент потерян» stage or refund after its last
 * payment (a payment after a loss wins the client back and opens a new period).
 */
export function lostAtOf(idx: FactsIndex): Instant | null {
  const lastPayment = idx.payments.length ? idx.payments[idx.payments.length - 1]! : Number.NEGATIVE_INFINITY;
  let lost: Instant | null = null;
  for (const s of idx.stages)
    if (s.stage === 'lost' && s.at > lastPayment) {
      lost = s.at;
      break;
    }
  for (const r of idx.refunds)
    if (r > lastPayment && (lost === null || r < lost)) {
      lost = r;
      break;
    }
  return lost;
}

export function analyze(events: readonly ClientEvent[], settings: Settings, now: Instant): Analysis {
  const p = prepare(settings);
  const idx = buildFactsIndex(events, p.cal, now);
  return { p, idx, periods: computePeriods(idx, p, now), lostAt: lostAtOf(idx) };
}
