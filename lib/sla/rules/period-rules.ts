// One-off rules of each service period: content-plan-2/3, renewal-contact, renewal-outcome,
// lost-deadline. Ticks for these are scoped to the period: `key` = S as `YYYY-MM-DD`, or an
// un-keyed tick made inside the period.
import { dateOfDayNum } from '../../calendar/time';
import type { Payer } from '../../model/facts';
import type { RuleId } from '../../model/obligations';
import type { Settings } from '../../playbook/settings';
import { MISSING, NOTICE_WITH_TEMPLATE } from '../../playbook/engine-texts';
import { shownSettings } from '../../playbook/localize';
import { itemTitle, RULES, ruleText, ruleTitleOf } from '../../playbook/rules';
import { fillTemplate } from '../../playbook/templates';
import { buildChecklist } from '../checklist';
import { emit, type RuleContext } from '../context';
import { firstAtOrAfter, tickInPeriod } from '../facts-index';
import type { PeriodSpan } from '../periods';

function bounds(ctx: RuleContext, period: PeriodSpan): { from: number; to: number; sKey: string } {
  const { cal } = ctx.p;
  const to = period.nextStartDay === null ? Number.POSITIVE_INFINITY : cal.atLocal(period.nextStartDay, 0);
  return { from: cal.atLocal(period.startDay, 0), to, sKey: dateOfDayNum(period.startDay) };
}

function contentPlan(ctx: RuleContext, period: PeriodSpan, rule: RuleId, dayOffset: number, item: string): void {
  const day = period.startDay + dayOffset;
  if (day >= period.contentEndDay) return; // renewed before this plan was due to start
  const { cal } = ctx.p;
  const start = cal.atLocal(day, ctx.p.planStart);
  const due = cal.addWorkingDays(start, ctx.p.settings.currentClients.planWorkingDays);
  const b = bounds(ctx, period);
  const tick = tickInPeriod(ctx.idx, item, b.sKey, b.from, b.to);
  const list = buildChecklist(ctx, rule, { [item]: tick?.at }, start);
  emit(ctx, rule, b.sKey, ruleTitleOf(rule, ctx.p.settings), start, due, list.metAt, list);
}

export function contentPlans(ctx: RuleContext, period: PeriodSpan): void {
  const c = ctx.p.settings.currentClients;
  contentPlan(ctx, period, 'content-plan-2', c.plan2Day, 'plan-2-agreed');
  contentPlan(ctx, period, 'content-plan-3', c.plan3Day, 'plan-3-agreed');
}

/**
 * renewal-contact, renewal-outcome, lost-deadline of one period. Skipped when a renewal payment
 * opened the next period before they start. A renewal payment also settles each of them: there
 * is nothing left to ask a client who paid.
 */
export function renewalRules(ctx: RuleContext, period: PeriodSpan): void {
  const { cal, settings } = ctx.p;
  const c = settings.currentClients;
  const contactDay = period.endDay - c.renewalContactDaysBefore;
  const b = bounds(ctx, period);
  const paidAt = period.renewedAt ?? undefined;
  if (period.nextStartDay !== null && period.nextStartDay <= contactDay) return;

  // renewal-contact
  const start = cal.atLocal(contactDay, 0);
  const due = cal.atLocal(contactDay, ctx.p.renewalContactBy);
  const recording = firstAtOrAfter(ctx.idx.callRecordings, start);
  const asked = tickInPeriod(ctx.idx, 'ad-manager-asked', b.sKey, b.from, b.to)?.at;
  const contact = buildChecklist(
    ctx,
    'renewal-contact',
    { 'renewal-call-recorded': recording, 'ad-manager-asked': asked },
    start,
  );
  emit(
    ctx,
    'renewal-contact',
    b.sKey,
    ruleTitleOf('renewal-contact', ctx.p.settings),
    start,
    due,
    contact.metAt ?? paidAt,
    contact,
  );

  // renewal-outcome: either branch settles it; no deadline of its own (lost-deadline bounds it).
  let notice: number | undefined;
  let refused: number | undefined;
  for (const s of ctx.idx.stages) {
    if (s.at < b.from || s.at >= b.to) continue;
    if (s.stage === 'notice-sent' && notice === undefined) notice = s.at;
    if (s.stage === 'lost' && refused === undefined) refused = s.at;
  }
  const tickedNotice = tickInPeriod(ctx.idx, 'notice-sent', b.sKey, b.from, b.to)?.at;
  notice = minDefined(notice, tickedNotice);
  const outcome = buildChecklist(ctx, 'renewal-outcome', { 'notice-sent': notice, 'client-refused': refused }, start);
  const noticeTitle = noticeTitleFor(settings, ctx.client.payer);
  if (noticeTitle !== null) {
    const item = outcome.items.find((i) => i.id === 'notice-sent');
    if (item) item.title = noticeTitle;
  }
  const settled = minDefined(minDefined(notice, refused), paidAt);
  const outcomeMissing = settled === undefined ? [ruleText(MISSING.renewalOutcome, settings)] : [];
  emit(ctx, 'renewal-outcome', b.sKey, ruleTitleOf('renewal-outcome', ctx.p.settings), start, null, settled, {
    items: outcome.items,
    missing: outcomeMissing,
  });

  // lost-deadline: from E, due E + lostAfterDays; settled by payment or stage «Клиент потерян».
  if (period.nextStartDay !== null && period.nextStartDay < period.endDay) return;
  const lStart = cal.atLocal(period.endDay, 0);
  const lDue = cal.atLocal(period.endDay + c.lostAfterDays, 0);
  const resolved = minDefined(paidAt, refused);
  emit(ctx, 'lost-deadline', b.sKey, ruleTitleOf('lost-deadline', ctx.p.settings), lStart, lDue, resolved, {
    items: [
      {
        id: 'paid',
        title: itemTitle(RULES['lost-deadline'].items[0]!, 'management', settings)!.title,
        done: paidAt !== undefined,
        ...(paidAt !== undefined ? { doneAt: paidAt } : {}),
      },
      {
        id: 'stage-lost',
        title: itemTitle(RULES['lost-deadline'].items[1]!, 'management', settings)!.title,
        done: refused !== undefined,
        ...(refused !== undefined ? { doneAt: refused } : {}),
      },
    ],
    missing: resolved === undefined ? [ruleText(MISSING.payment, settings)] : [],
  });
}

// The notice item's title names the payer's template; filled once per settings and payer, not
// by a regular expression per client.
const noticeTitles = new WeakMap<Settings, Map<Payer, string | null>>();

function noticeTitleFor(settings: Settings, payer: Payer | null): string | null {
  if (payer !== 'legal' && payer !== 'individual') return null;
  let byPayer = noticeTitles.get(settings);
  if (!byPayer) noticeTitles.set(settings, (byPayer = new Map()));
  let title = byPayer.get(payer);
  if (title === undefined) {
    const templates = shownSettings(settings).templates;
    const template = payer === 'legal' ? templates.invoiceLegal.title : templates.paymentDetailsIndividual.title;
    title = template ? fillTemplate(ruleText(NOTICE_WITH_TEMPLATE, settings), { template }) : null;
    byPayer.set(payer, title);
  }
  return title;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
