// first-post-72h and launch. first-post-72h: questionnaire + firstPostWorkingDays working days,
// met by the first post (observed or ticked) at/after the questionnaire; a breach (overdue or
// met-late) is a fine in payroll. launch (decided): shares that deadline, starts when plan 1 is
// agreed (the questionnaire until then); met when the first post, stage «Проект запущен» and both
// fields are done.
import { MISSING } from '../../playbook/engine-texts';
import { ruleText, ruleTitleOf } from '../../playbook/rules';
import type { Instant } from '../../model/facts';
import { buildChecklist } from '../checklist';
import { emit, type RuleContext } from '../context';
import { firstAtOrAfter, latestTick } from '../facts-index';

export function firstPostAfter(ctx: RuleContext, from: Instant): Instant | undefined {
  let first = firstAtOrAfter(ctx.idx.posts, from);
  for (const at of ctx.idx.postDayAts) if (at >= from && (first === undefined || at < first)) first = at;
  return first;
}

export function firstPostRules(ctx: RuleContext): void {
  const q = ctx.idx.firstStageAt.questionnaire;
  if (q === undefined) return;
  const due = ctx.p.cal.addWorkingDays(q, ctx.p.settings.newClients.firstPostWorkingDays);
  const post = firstPostAfter(ctx, q);
  emit(ctx, 'first-post-72h', 'first-post-72h', ruleTitleOf('first-post-72h', ctx.p.settings), q, due, post, {
    missing: post === undefined ? [ruleText(MISSING.firstPost, ctx.p.settings)] : [],
  });

  const credentials = ctx.client.credentialsFilled === true ? null : latestTick(ctx.idx, 'credentials-filled')?.at;
  const done = {
    'first-post': post,
    'stage-launched': ctx.idx.firstStageAt.launched,
    'credentials-filled': credentials,
    'start-date-filled': ctx.idx.startDates[0]?.at,
  };
  const list = buildChecklist(ctx, 'launch', done, q);
  const start = latestTick(ctx.idx, 'plan-1-agreed')?.at ?? q;
  emit(ctx, 'launch', 'launch', ruleTitleOf('launch', ctx.p.settings), start, due, list.metAt, list);
}
