// Motivation per manager for one calendar month (docs/playbook.md «Motivation»).
import type { PayrollLine, ManagerPayroll, PayrollInput, PayrollReport, ClientOutcome } from './types';
import { clientOutcomes } from './client-outcomes';
import { plural } from '../i18n/translate';
import { ruleTitleOf } from '../playbook/rules';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

function tenge(n: number): string {
  return `${Math.abs(n)
    .toLocaleString('ru-RU')
    .replace(/\u00a0/g, ' ')} ₸`;
}

const days = (n: number) => `${n} ${plural(n, ['день', 'дня', 'дней'], 'ru')}`;
const workingDaysGen = (n: number) => `${n} ${plural(n, ['рабочего дня', 'рабочих дней', 'рабочих дней'], 'ru')}`;

function line(kind: PayrollLine['kind'], unit: number, ids: string[], what: string): PayrollLine {
  const uniq = [...new Set(ids)].sort();
  return {
    kind,
    amount: uniq.length ? unit * uniq.length : 0, // never −0
    count: uniq.length,
    clientIds: uniq,
    explanation: `${uniq.length} × ${unit < 0 ? '−' : '+'}${tenge(unit)} — ${what}`,
  };
}

export function computePayroll(input: PayrollInput): PayrollReport {
  const { month, settings, now } = input;
  if (!MONTH_RE.test(month)) throw new Error(`month: must be YYYY-MM, got ${month}`);
  const m = settings.motivation;
  const groups = new Map<string, { id: number | null; name: string; outcomes: ClientOutcome[] }>();
  for (const { client, events } of input.clients) {
    const gk = client.managerId === null ? 'none' : String(client.managerId);
    let g = groups.get(gk);
    if (!g)
      groups.set(
        gk,
        (g = {
          id: client.managerId,
          name: client.managerName ?? (client.managerId === null ? 'Без ответственного' : `#${client.managerId}`),
          outcomes: [],
        }),
      );
    for (const o of clientOutcomes(client, events, settings, now)) if (o.month === month) g.outcomes.push(o);
  }

  const managers: ManagerPayroll[] = [];
  for (const g of groups.values()) {
    const ids = (kind: ClientOutcome['kind']) => g.outcomes.filter((o) => o.kind === kind).map((o) => o.clientId);
    const base: PayrollLine =
      g.id === null
        ? {
            kind: 'base',
            amount: 0,
            count: 0,
            clientIds: [],
            explanation: 'Клиенты без ответственного менеджера: оклад не начисляется',
          }
        : { kind: 'base', amount: m.baseSalary, count: 1, clientIds: [], explanation: `Оклад ${tenge(m.baseSalary)}` };
    const clientLines = [
      line('renewals', m.renewalBonus, ids('renewal'), 'клиенты продлили после месяца обслуживания'),
      line('losses', -m.lossPenalty, ids('loss'), 'клиенты потеряны после месяца обслуживания'),
      line('refunds', -m.refundPenalty, ids('refund'), `клиенты вернули деньги в первые ${days(m.refundWindowDays)}`),
      line('kept', m.keptBonus, ids('kept'), `клиенты не вернули деньги в первые ${days(m.refundWindowDays)}`),
    ];
    // Fines count breaches, not clients: a client breaches first-post-72h at most once anyway.
    const fineIds = ids('fine').sort();
    const fines: PayrollLine = {
      kind: 'fines',
      amount: m.firstPostFine === null || !fineIds.length ? 0 : -m.firstPostFine * fineIds.length,
      count: fineIds.length,
      clientIds: fineIds,
      explanation:
        m.firstPostFine === null
          ? `${fineIds.length} нарушений «${ruleTitleOf('first-post-72h', settings)}»; сумма штрафа не задана — 0 ₸`
          : `${fineIds.length} × −${tenge(m.firstPostFine)} — первая публикация позже ${workingDaysGen(settings.newClients.firstPostWorkingDays)} после анкеты`,
      ...(m.firstPostFine === null && fineIds.length
        ? { notes: ['Сумма штрафа не задана в настройках (motivation.firstPostFine): нарушения записаны, но не вычтены'] }
        : {}),
    };
    const clientSum = clientLines.reduce((s, l) => s + l.amount, 0);
    managers.push({ managerId: g.id, managerName: g.name, lines: [base, ...clientLines, fines], clientSum, total: 0 });
  }

  // Best manager: largest clientSum among real managers; ties all get it; nobody when ≤ 0.
  const eligible = managers.filter((x) => x.managerId !== null);
  const best = eligible.length ? Math.max(...eligible.map((x) => x.clientSum)) : 0;
  const bestManagerIds: Array<number | null> = [];
  for (const x of managers) {
    const wins = x.managerId !== null && best > 0 && x.clientSum === best;
    if (wins) bestManagerIds.push(x.managerId);
    x.lines.push({
      kind: 'best-manager',
      amount: wins ? m.bestManagerBonus : 0,
      count: wins ? 1 : 0,
      clientIds: [],
      explanation: wins
        ? `Лучший менеджер месяца: ${x.clientSum >= 0 ? '+' : '−'}${tenge(x.clientSum)} по клиентам — +${tenge(m.bestManagerBonus)}`
        : best > 0
          ? `Лучший результат месяца ${tenge(best)}, у менеджера ${x.clientSum < 0 ? '−' : ''}${tenge(x.clientSum)}`
          : 'Бонус лучшему менеджеру не начисляется: ни у кого нет положительного результата по клиентам',
    });
    x.total = x.lines.reduce((s, l) => s + l.amount, 0);
  }
  managers.sort((a, b) => (a.managerName < b.managerName ? -1 : a.managerName > b.managerName ? 1 : 0));
  return { month, managers, bestManagerIds };
}
