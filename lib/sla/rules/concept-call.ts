// concept-call: within conceptCallHours clock hours of «Получена анкета», items 1–4, plus
// growth-started for management. references needs `referenceAccounts` usernames when a value is given.
import { MISSING } from '../../playbook/engine-texts';
import { ruleText, ruleTitleOf } from '../../playbook/rules';
import { fillTemplate } from '../../playbook/templates';
import { buildChecklist, type DoneMap } from '../checklist';
import { emit, type RuleContext } from '../context';
import { latestTick } from '../facts-index';
import { settledByStageAt } from './settled-by-stage';

/** Usernames in a free-text value: split on spaces, commas, semicolons; `@` optional. */
export function usernamesOf(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.replace(/^@/, '').trim())
    .filter((s) => s.length > 0);
}

export function conceptCall(ctx: RuleContext): void {
  const q = ctx.idx.firstStageAt.questionnaire;
  if (q === undefined) return;
  const done: DoneMap = {};
  for (const id of ['concept-draft', 'concept-agreed', 'materials-requested', 'growth-started']) {
    done[id] = latestTick(ctx.idx, id)?.at;
  }
  const refs = latestTick(ctx.idx, 'references');
  const need = ctx.p.settings.newClients.referenceAccounts;
  if (refs && (refs.value === undefined || usernamesOf(refs.value).length >= need)) done.references = refs.at;
  // The value shows even while too few usernames keep the item open, so the manager can complete it.
  const list = buildChecklist(ctx, 'concept-call', done, q, { references: refs?.value });
  if (refs && done.references === undefined) {
    list.missing.push(
      fillTemplate(ruleText(MISSING.references, ctx.p.settings), { given: usernamesOf(refs.value ?? '').length }),
    );
  }
  const metAt = list.metAt ?? settledByStageAt(ctx);
  emit(
    ctx,
    'concept-call',
    'concept-call',
    ruleTitleOf('concept-call', ctx.p.settings),
    q,
    q + ctx.p.conceptCallMs,
    metAt,
    metAt === list.metAt ? list : { items: list.items },
  );
}
