// Motivation per manager for one calendar month (docs/playbook.md «Motivation»).
import type { PayrollLine, ManagerPayroll, PayrollInput, PayrollReport, ClientOutcome } from './types';
import { clientOutcomes } from './client-outcomes';
import type { Locale } from '../i18n/locale';
import { languageOf } from '../playbook/localize';
import { ruleTitleOf } from '../playbook/rules';
import { daysText, payrollText, workingDaysGenText } from './strings';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

function tenge(n: number, locale: Locale): string {
  return `${Math.abs(n)
    .toLocaleString(locale === 'en' ? 'en-US' : 'ru-RU')
    .replace(/\u00a0/g, ' ')} ₸`;
}

function line(kind: PayrollLine['kind'], unit: number, ids: string[], what: string, locale: Locale): PayrollLine {
  const uniq = [...new Set(ids)].sort();
  return {
    kind,
    amount: uniq.length ? unit * uniq.length : 0, // never −0
    count: uniq.length,
    clientIds: uniq,
    explanation: payrollText(locale)('line', {
      count: uniq.length,
      amount: `${unit < 0 ? '−' : '+'}${tenge(unit, locale)}`,
      what,
    }),
  };
}

export function computePayroll(input: PayrollInput): PayrollReport {
  const { month, settings, now } = input;
  if (!MONTH_RE.test(month)) throw new Error(`month: must be YYYY-MM, got ${month}`);
  const m = settings.motivation;
  const locale = languageOf(settings);
  const t = payrollText(locale);
  const money = (n: number) => tenge(n, locale);
  const days = (n: number) => daysText(n, locale);
  const groups = new Map<string, { id: number | null; name: string; outcomes: ClientOutcome[] }>();
  for (const { client, events } of input.clients) {
    const gk = client.managerId === null ? 'none' : String(client.managerId);
    let g = groups.get(gk);
    if (!g)
      groups.set(
        gk,
        (g = {
          id: client.managerId,
          name: client.managerName ?? (client.managerId === null ? t('noManager') : `#${client.managerId}`),
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
            explanation: t('base.none'),
          }
        : {
            kind: 'base',
            amount: m.baseSalary,
            count: 1,
            clientIds: [],
            explanation: t('base', { amount: money(m.baseSalary) }),
          };
    const clientLines = [
      line('renewals', m.renewalBonus, ids('renewal'), t('renewals'), locale),
      line('losses', -m.lossPenalty, ids('loss'), t('losses'), locale),
      line('refunds', -m.refundPenalty, ids('refund'), t('refunds', { days: days(m.refundWindowDays) }), locale),
      line('kept', m.keptBonus, ids('kept'), t('kept', { days: days(m.refundWindowDays) }), locale),
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
          ? t('fines.unset', { count: fineIds.length, rule: ruleTitleOf('first-post-72h', settings) })
          : t('fines', {
              count: fineIds.length,
              amount: money(m.firstPostFine),
              workingDays: workingDaysGenText(settings.newClients.firstPostWorkingDays, locale),
            }),
      ...(m.firstPostFine === null && fineIds.length ? { notes: [t('fines.note')] } : {}),
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
        ? t('best.won', { sum: `${x.clientSum >= 0 ? '+' : '−'}${money(x.clientSum)}`, amount: money(m.bestManagerBonus) })
        : best > 0
          ? t('best.lost', { best: money(best), sum: `${x.clientSum < 0 ? '−' : ''}${money(x.clientSum)}` })
          : t('best.none'),
    });
    x.total = x.lines.reduce((s, l) => s + l.amount, 0);
  }
  managers.sort((a, b) => (a.managerName < b.managerName ? -1 : a.managerName > b.managerName ? 1 : 0));
  return { month, managers, bestManagerIds };
}
