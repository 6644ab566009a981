// The engine: facts + settings + now → obligations. Pure and deterministic: no browser API,
// no I/O, no machine-zone dependence (all local times go through the agency calendar).
import { DAY } from '../calendar/time';
import type { ClientEvent, Instant } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { Settings } from '../playbook/settings';
import { analyze } from './analyze';
import type { RuleContext, SlaClient } from './context';
import { conceptCall } from './rules/concept-call';
import { firstContact } from './rules/first-contact';
import { firstPlan } from './rules/first-plan';
import { firstPostRules } from './rules/first-post';
import { contentPlans, renewalRules } from './rules/period-rules';
import { dailyPosts, engagementRounds, stories } from './rules/recurring';

/**
 * Every obligation of one client as of `now`, ordered by rule group then time: new-client rules,
 * then per period: daily posts, stories, engagement rounds, plans, renewal.
 * Ids are `${clientId}|${rule}|${key}`; keys: the rule id (new-client rules), `YYYY-MM-DD`
 * (daily-post), `YYYY-MM-DDTHH:mm` local (stories start, engagement slot), S as `YYYY-MM-DD`
 * (content plans, renewal rules).
 * `horizon`: recurring occurrences starting later are not generated (now + 1 day; a later one
 * serves moments after `now`, see ./restate.ts).
 */
export function computeObligations(
  client: SlaClient,
  events: readonly ClientEvent[],
  settings: Settings,
  now: Instant,
  horizon: Instant = now + DAY,
): Obligation[] {
  const a = analyze(events, settings, now);
  const ctx: RuleContext = {
    client,
    service: client.service ?? 'management',
    p: a.p,
    idx: a.idx,
    periods: a.periods,
    now,
    horizon,
    lostAt: a.lostAt,
    out: [],
    idPrefix: { rule: null, text: '' },
  };
  firstContact(ctx);
  conceptCall(ctx);
  firstPlan(ctx);
  firstPostRules(ctx);
  for (const period of a.periods) {
    dailyPosts(ctx, period);
    stories(ctx, period);
    engagementRounds(ctx, period);
    contentPlans(ctx, period);
    renewalRules(ctx, period);
  }
  return ctx.out;
}
