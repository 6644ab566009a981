// The team's record of progress is the amoCRM stage: a deal that reached «Проект запущен» (or
// later) has had its concept call and first plan, even when nobody ticked them in Reglament (the
// extension was installed later, or the ticks were done on paper). Such an obligation counts as
// met when the stage was reached; the unticked items stay visible as not ticked.
import type { RuleContext } from '../context';
import type { Instant } from '../../model/facts';

export function settledByStageAt(ctx: RuleContext): Instant | undefined {
  const { launched, 'notice-sent': noticeSent } = ctx.idx.firstStageAt;
  if (launched === undefined) return noticeSent;
  return noticeSent === undefined ? launched : Math.min(launched, noticeSent);
}
