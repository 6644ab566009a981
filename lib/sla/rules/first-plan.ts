// first-plan: starts when all materials are ticked as received (the questionnaire until then);
// no deadline of its own — first-post-72h bounds it. Complex clients see account-setup as info.
import { ruleTitleOf } from '../../playbook/rules';
import { buildChecklist } from '../checklist';
import { emit, type RuleContext } from '../context';
import { latestTick } from '../facts-index';
import { settledByStageAt } from './settled-by-stage';

export function firstPlan(ctx: RuleContext): void {
  const q = ctx.idx.firstStageAt.questionnaire;
  if (q === undefined) return;
  const received = latestTick(ctx.idx, 'materials-received')?.at;
  const done = {
    'materials-received': received,
    'plan-1-agreed': latestTick(ctx.idx, 'plan-1-agreed')?.at,
    'account-setup': latestTick(ctx.idx, 'account-setup')?.at,
  };
  const list = buildChecklist(ctx, 'first-plan', done, q);
  const metAt = list.metAt ?? settledByStageAt(ctx);
  emit(
    ctx,
    'first-plan',
    'first-plan',
    ruleTitleOf('first-plan', ctx.p.settings),
    received ?? q,
    null,
    metAt,
    metAt === list.metAt ? list : { items: list.items },
  );
}
