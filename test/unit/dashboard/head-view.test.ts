import { describe, expect, it } from 'vitest';
import { headView } from '@/lib/dashboard/head-view';
import type { Outcome, RecordRow } from '@/lib/dashboard/types';

let n = 0;
const row = (managerId: number | null, managerName: string, rule: RecordRow['rule'], outcome: Outcome): RecordRow => ({
  obligationId: `o${++n}`,
  clientId: `c${n}`,
  clientName: 'x',
  managerId,
  managerName,
  rule,
  title: rule,
  dueAt: 0,
  startAt: 0,
  metAt: null,
  outcome,
  lateBy: null,
});

describe('the head’s view of the month', () => {
  it('tallies kept, late and missed per manager and rule; open and unassigned rows count for nobody', () => {
    const v = headView([
      row(1, 'Айгерим', 'daily-post', 'met'),
      row(1, 'Айгерим', 'daily-post', 'met'),
      row(1, 'Айгерим', 'stories', 'met-late'),
      row(2, 'Мария', 'daily-post', 'missed'),
      row(2, 'Мария', 'daily-post', 'met'),
      row(2, 'Мария', 'stories', 'open'),
      row(null, 'Без ответственного', 'daily-post', 'met'),
    ]);
    expect(v.managers.map((m) => [m.managerName, m.kept, m.late, m.missed])).toEqual([
      ['Айгерим', 2, 1, 0],
      ['Мария', 1, 0, 1],
    ]);
    expect(v.managers[0]!.rules).toEqual([
      { rule: 'daily-post', title: 'daily-post', kept: 2, late: 0, missed: 0 },
      { rule: 'stories', title: 'stories', kept: 0, late: 1, missed: 0 },
    ]);
    expect(v.best).toMatchObject({ managerId: 1, tie: null });
    expect(v.best!.reason).toContain('2 обязательства выполнено в срок');
  });

  it('a tie on kept is decided by fewer missed, then fewer late, and says so', () => {
    const byMissed = headView([
      row(1, 'А', 'daily-post', 'met'),
      row(2, 'Б', 'daily-post', 'met'),
      row(2, 'Б', 'stories', 'missed'),
    ]);
    expect(byMissed.best).toMatchObject({ managerId: 1 });
    expect(byMissed.best!.tie).toContain('меньше пропущенных: 0 против 1');
    const full = headView([row(2, 'Б', 'daily-post', 'met'), row(1, 'А', 'daily-post', 'met')]);
    expect(full.best).toMatchObject({ managerId: 1 });
    expect(full.best!.tie).toContain('решите сами');
  });

  it('nobody kept anything: no proposal', () => {
    expect(headView([row(1, 'А', 'daily-post', 'missed')]).best).toBeNull();
    expect(headView([]).best).toBeNull();
  });
});
