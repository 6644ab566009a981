// Which version of a content plan holds, whatever order the versions arrive in (this browser's own
// saves, colleagues' read back from the deal's notes, the same note read twice). A total order on
// versions, so keeping the greatest is commutative, associative and idempotent:
//
//   1. the later `updatedAt` — for a version read back, the note's attributed time (the claim when
//      it lies just before amoCRM stored the note, else amoCRM's `created_at`: lib/amocrm/attribution.ts);
//   2. at the same instant, this browser's own save (no author) over a copy read back — its own
//      copy is whole where the marker may have cut long topics;
//   3. then the content (state, days) and the author, compared as text: only to make the order total.
import { settledTime, type StoredNote } from '../amocrm/attribution';
import { clientIdOf } from '../amocrm/url';
import type { ContentPlan } from '../model/plans';
import { planFromNote } from './plan-marker';

const contentOf = (p: ContentPlan): string =>
  JSON.stringify([
    p.state,
    [...p.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((d) => [d.date, d.format, d.topic]),
  ]);

/** Whether two versions say the same (state and days), whoever made them when. */
export const samePlanContent = (a: ContentPlan, b: ContentPlan): boolean => contentOf(a) === contentOf(b);

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Positive when `a` supersedes `b`, negative when `b` does, 0 for the same version. */
export function comparePlanVersions(a: ContentPlan, b: ContentPlan): number {
  return (
    cmp(a.updatedAt, b.updatedAt) ||
    cmp(a.author ? 0 : 1, b.author ? 0 : 1) ||
    cmp(contentOf(a), contentOf(b)) ||
    cmp(a.author?.id ?? -1, b.author?.id ?? -1) ||
    cmp(a.author?.name ?? '', b.author?.name ?? '')
  );
}

/** The version that holds of two versions of one plan. */
export function newerPlan(a: ContentPlan, b: ContentPlan): ContentPlan {
  return comparePlanVersions(a, b) >= 0 ? a : b;
}

/** A plan's store key (one plan of one period of one client). */
export const planKeyOf = (p: Pick<ContentPlan, 'clientId' | 'periodStart' | 'planNo'>): string =>
  `${p.clientId}|${p.periodStart}|${p.planNo}`;

/**
 * The plan version a note records, attributed by amoCRM (its time settled, its author the note's
 * `created_by`); null when the note carries no valid plan marker.
 */
export function attributePlanNote(
  note: StoredNote,
  host: string,
  userName: (id: number) => string | null = () => null,
): ContentPlan | null {
  const claim = planFromNote(note.text, clientIdOf(host, note.entityId));
  if (!claim) return null;
  return {
    ...claim.plan,
    updatedAt: settledTime(claim.plan.updatedAt, note.createdAt),
    author: { id: note.createdBy, name: userName(note.createdBy) },
  };
}
