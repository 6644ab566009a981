// The head's view of a month: per manager, how many obligations each rule kept on time, late or
// missed (from the record the whole team wrote to amoCRM), and the proposed «лучший менеджер
// месяца» with the reason — the most obligations kept on time; a tie is broken by fewer missed,
// then fewer late, and said so; a full tie is left to the head.
import type { RuleId } from '../model/obligations';
import type { BestManagerProposal, HeadView, ManagerTally, RecordRow, RuleTally } from './types';

const count = (n: number, forms: [string, string, string]) => {
  const m10 = n % 10;
  const m100 = n % 100;
  const form = m10 === 1 && m100 !== 11 ? forms[0] : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? forms[1] : forms[2];
  return `${n} ${form}`;
};
const obligations = (n: number) => count(n, ['обязательство', 'обязательства', 'обязательств']);

/** Rows of clients with a responsible manager only (the rest belong to nobody's pay). */
export function tallyByManager(record: readonly RecordRow[]): ManagerTally[] {
  const byManager = new Map<number, ManagerTally & { byRule: Map<RuleId, RuleTally> }>();
  for (const row of record) {
    if (row.managerId === null || row.outcome === 'open') continue;
    let m = byManager.get(row.managerId);
    if (!m)
      byManager.set(
        row.managerId,
        (m = {
          managerId: row.managerId,
          managerName: row.managerName,
          kept: 0,
          late: 0,
          missed: 0,
          rules: [],
          byRule: new Map(),
        }),
      );
    let r = m.byRule.get(row.rule);
    if (!r) m.byRule.set(row.rule, (r = { rule: row.rule, title: row.title, kept: 0, late: 0, missed: 0 }));
    const key = row.outcome === 'met' ? 'kept' : row.outcome === 'met-late' ? 'late' : 'missed';
    r[key]++;
    m[key]++;
  }
  return [...byManager.values()]
    .map(({ byRule, ...m }) => ({ ...m, rules: [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)) }))
    .sort(rank);
}

function rank(a: ManagerTally, b: ManagerTally): number {
  return b.kept - a.kept || a.missed - b.missed || a.late - b.late || a.managerName.localeCompare(b.managerName, 'ru');
}

export function proposeBest(managers: readonly ManagerTally[]): BestManagerProposal | null {
  const sorted = [...managers].sort(rank);
  const first = sorted[0];
  if (!first || first.kept === 0) return null;
  const reason = `${first.managerName}: ${obligations(first.kept)} выполнено в срок — больше всех`;
  const tied = sorted.slice(1).filter((m) => m.kept === first.kept);
  if (!tied.length) return { managerId: first.managerId, managerName: first.managerName, reason, tie: null };
  const names = tied.map((m) => m.managerName).join(', ');
  const next = tied[0]!;
  let tie: string;
  if (first.missed !== next.missed)
    tie = `Поровну в срок с ${names}; решило меньше пропущенных: ${first.missed} против ${next.missed}`;
  else if (first.late !== next.late)
    tie = `Поровну в срок и пропущенных с ${names}; решило меньше опозданий: ${first.late} против ${next.late}`;
  else tie = `Полное равенство с ${names}: предложен первый по алфавиту — решите сами`;
  return {
    managerId: first.managerId,
    managerName: first.managerName,
    reason: `${first.managerName}: ${obligations(first.kept)} выполнено в срок`,
    tie,
  };
}

export function headView(record: readonly RecordRow[]): HeadView {
  const managers = tallyByManager(record);
  return { managers, best: proposeBest(managers) };
}
