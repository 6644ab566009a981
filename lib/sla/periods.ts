// Service periods S..E. Decisions (docs/playbook.md leaves them open):
// - First period: S = local day of the first post made at/after the questionnaire (or deal
//   creation). Until a post is seen, a filled «Дата начала обслуживания» that has arrived
//   stands in; an earlier field date (not before the questionnaire) wins over the first post
//   seen, since Instagram only shows the latest posts. With currentClients.firstPeriodStart = 'start-date-field', the first value of
//   that field wins over the post day.
// - Renewal: every payment on a local day after the current S starts a new period with S = the
//   payment's day (rule current-8). Payments on or before the first S are the initial purchase.
// - Rule current-8 says a payment moves «Дата начала обслуживания» to the payment day, so a later
//   value of that field is a renewal payment on that day too — once the period is in its renewal
//   window (E − renewalContactDaysBefore days or later); an earlier change corrects the start.
// - E = S + periodDays (exclusive: the period covers days S … E−1; «день 1 из 30» is S).
// - A period's content ends at min(E, next S): an early renewal cuts the old period short.
import type { Instant } from '../model/facts';
import { dayNumOfDate } from '../calendar/time';
import type { FactsIndex } from './facts-index';
import { firstAtOrAfter } from './facts-index';
import type { Prepared } from './prepared';

export interface PeriodSpan {
  /** 1-based period number. */
  index: number;
  startDay: number;
  /** S + periodDays (exclusive). */
  endDay: number;
  /** min(endDay, next period's startDay). */
  contentEndDay: number;
  /** Next period's start day, when a renewal payment happened. */
  nextStartDay: number | null;
  /** The payment that opened this period (null for the first). */
  paymentAt: Instant | null;
  /** The payment that opened the next period. */
  renewedAt: Instant | null;
}

/**
 * The periods, and the renewal payments read from later start-date values (see above), which
 * count as payments everywhere else (loss, payroll).
 */
export function computePeriods(idx: FactsIndex, p: Prepared, now: Instant): PeriodSpan[] {
  const derivedPayments: Instant[] = [];
  const spans = periodsWith(idx, p, now, derivedPayments);
  if (derivedPayments.length) idx.payments = [...idx.payments, ...derivedPayments].sort((a, b) => a - b);
  return spans;
}

function periodsWith(idx: FactsIndex, p: Prepared, now: Instant, derivedPayments: Instant[]): PeriodSpan[] {
  const { cal, settings } = p;
  const length = settings.currentClients.periodDays;
  const today = cal.dayNumOf(now);
  const anchor = idx.firstStageAt.questionnaire ?? idx.createdAt ?? Number.NEGATIVE_INFINITY;
  const firstPost = firstAtOrAfter(idx.posts, anchor);
  let postDay = firstPost === undefined ? null : cal.dayNumOf(firstPost);
  // A ticked daily post counts as the first post too (the sidebar may not have seen it).
  for (let i = 0; i < idx.postDays.length; i++) {
    if (idx.postDayAts[i]! < anchor) continue;
    if (postDay === null || idx.postDays[i]! < postDay) postDay = idx.postDays[i]!;
    break; // days ascend: the first one after the anchor is the earliest
  }
  const fieldDay = idx.startDates.length ? dayNumOfDate(idx.startDates[0]!.date) : null;
  let first: number | null;
  if (settings.currentClients.firstPeriodStart === 'start-date-field' && fieldDay !== null) first = fieldDay;
  else if (postDay !== null && fieldDay !== null && fieldDay < postDay && fieldDay >= cal.dayNumOf(anchor)) {
    // Instagram shows only the latest posts, so the first post seen may not be the first one:
    // an earlier start date filled at launch (after the questionnaire) is the better evidence.
    first = fieldDay;
  } else first = postDay ?? (fieldDay !== null && fieldDay <= today ? fieldDay : null);
  if (first === null) return [];

  const spans: PeriodSpan[] = [];
  let cur: PeriodSpan = mk(1, first, length, null);
  const window = settings.currentClients.renewalContactDaysBefore;
  const fieldRenewals: { day: number; at: Instant }[] = [];
  for (const s of idx.startDates.slice(1)) {
    const day = dayNumOfDate(s.date);
    if (day !== null) fieldRenewals.push({ day, at: cal.atLocal(day, 0) });
  }
  const renewals = [
    ...idx.payments.map((at) => ({ day: cal.dayNumOf(at), at, field: false })),
    ...fieldRenewals.map((r) => ({ ...r, field: true })),
  ];
  if (fieldRenewals.length) renewals.sort((a, b) => a.day - b.day || a.at - b.at);
  for (const { day: d, at: pay, field } of renewals) {
    if (d <= cur.startDay) continue;
    if (field && d < cur.endDay - window) continue;
    if (field && pay <= now) derivedPayments.push(pay);
    cur.nextStartDay = d;
    cur.contentEndDay = Math.min(cur.endDay, d);
    cur.renewedAt = pay;
    spans.push(cur);
    cur = mk(cur.index + 1, d, length, pay);
  }
  spans.push(cur);
  return spans;
}

function mk(index: number, startDay: number, length: number, paymentAt: Instant | null): PeriodSpan {
  return {
    index,
    startDay,
    endDay: startDay + length,
    contentEndDay: startDay + length,
    nextStartDay: null,
    paymentAt,
    renewedAt: null,
  };
}
