// first-contact: created + 1 h inside working hours (any day of the week: the original says
// "next day", not "next working day"); created after closing → next day 11:00; before
// opening → the same day 11:00. Met by the first stage from «Связались с клиентом» onwards.
import { ruleTitleOf } from '../../playbook/rules';
import { buildChecklist } from '../checklist';
import { emit, type RuleContext } from '../context';
import { firstStageAfter } from '../facts-index';

const PROGRESS = ['contacted', 'questionnaire', 'launched', 'notice-sent'] as const;

export function firstContact(ctx: RuleContext): void {
  const created = ctx.idx.createdAt;
  if (created === null) return;
  const { cal } = ctx.p;
  const minute = cal.minuteOfDayOf(created);
  let due: number;
  if (minute >= cal.openMinute && minute < cal.closeMinute) due = created + ctx.p.firstContactMs;
  else {
    const day = cal.dayNumOf(created) + (minute >= cal.closeMinute ? 1 : 0);
    due = cal.atLocal(day, ctx.p.firstContactNextDayBy);
  }
  const contactedAt = firstStageAfter(ctx.idx, PROGRESS, Number.NEGATIVE_INFINITY);
  const list = buildChecklist(ctx, 'first-contact', { contacted: contactedAt }, created);
  emit(ctx, 'first-contact', 'first-contact', ruleTitleOf('first-contact', ctx.p.settings), created, due, list.metAt, list);
}
