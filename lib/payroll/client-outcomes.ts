// The dated payroll facts of one client. Decisions (the original is cut off; docs/playbook.md):
// - renewal: a payment that opens period 2, 3, … (lib/sla/periods.ts); lands in the payment's month.
// - loss after a month of service: the client is lost (stage «Клиент потерян», a refund, or
//   lostAfterDays after E unpaid — whichever comes first) at least serviceMonthDays after the
//   first S; lands in the loss month. A refund within the window is a refund, not a loss.
// - refund within the first refundWindowDays days: a refund event (or stage lost with a loss
//   reason containing the marker) on day ≤ refundWindowDays of the first period (or before the
//   first post); lands in the refund month.
// - kept: no refund by the end of day refundWindowDays of the first period; lands in the month
//   of that day (day 10) and counts once day 10 is over.
// - fine: first-post-72h overdue or met-late; lands in the month of the breached deadline.
// Everything is measured as of `now`, in the agency zone.
import { monthOfDayNum } from '../calendar/time';
import type { ClientEvent, Instant } from '../model/facts';
import type { Settings } from '../playbook/settings';
import { analyze } from '../sla/analyze';
import { computeObligations } from '../sla/compute';
import type { ClientOutcome, PayrollClient } from './types';

export function clientOutcomes(
  client: PayrollClient,
  events: readonly ClientEvent[],
  settings: Settings,
  now: Instant,
): ClientOutcome[] {
  const { p, idx, periods } = analyze(events, settings, now);
  const { cal } = p;
  const m = settings.motivation;
  const out: ClientOutcome[] = [];
  const add = (kind: ClientOutcome['kind'], at: Instant) =>
    out.push({ clientId: client.id, kind, at, month: monthOfDayNum(cal.dayNumOf(at)) });

  for (const span of periods) if (span.paymentAt !== null && span.paymentAt <= now) add('renewal', span.paymentAt);

  const firstDay = periods.length ? periods[0]!.startDay : null;
  const marker = settings.amocrm.lossRefundMarker.toLowerCase();
  const lastPayment = idx.payments.length ? idx.payments[idx.payments.length - 1]! : Number.NEGATIVE_INFINITY;
  const stageLost = idx.stages.find((s) => s.stage === 'lost' && s.at > lastPayment)?.at;
  let refundAt: Instant | undefined = idx.refunds.find((r) => r > lastPayment);
  if (refundAt === undefined && stageLost !== undefined && (client.lossReason ?? '').toLowerCase().includes(marker))
    refundAt = stageLost;

  // Loss: first of stage lost, refund, and an unpaid lost-deadline that has passed.
  let lostAt = minDefined(stageLost, refundAt);
  const last = periods[periods.length - 1];
  if (last && last.nextStartDay === null) {
    const deadline = cal.atLocal(last.endDay + settings.currentClients.lostAfterDays, 0);
    if (deadline <= now) lostAt = minDefined(lostAt, deadline);
  }

  const windowEnd = firstDay === null ? null : cal.atLocal(firstDay + m.refundWindowDays, 0);
  const refundInWindow = refundAt !== undefined && (windowEnd === null || refundAt < windowEnd);
  if (refundInWindow) add('refund', refundAt!);
  else if (lostAt !== undefined && firstDay !== null && cal.dayNumOf(lostAt) - firstDay >= m.serviceMonthDays)
    add('loss', lostAt);

  if (windowEnd !== null && windowEnd <= now && !refundInWindow) {
    // Dated on day 10 itself (the last day of the window), counted once it is over.
    add('kept', windowEnd - 1);
  }

  for (const o of computeObligations(client, events, settings, now)) {
    if (o.rule === 'first-post-72h' && (o.state === 'overdue' || o.state === 'met-late') && o.dueAt !== null)
      add('fine', o.dueAt);
  }
  return out;
}

function minDefined(a: Instant | undefined, b: Instant | undefined): Instant | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
