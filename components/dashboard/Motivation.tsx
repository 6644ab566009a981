// Motivation of one manager for the month: every payroll line, expandable to its clients, the
// total, the team overview, kept/missed per week, and the CSV export of what is on screen.
import { useState } from 'preact/hooks';
import { csvFileName, lineLabel, monthCsv } from '@/lib/dashboard/csv';
import { filterRecord, weeklyBars } from '@/lib/dashboard/month';
import type { DashboardMonth } from '@/lib/dashboard/types';
import type { ManagerPayroll, PayrollLine } from '@/lib/payroll/types';
import { downloadText } from '../common/download';
import { monthTitle, signedTenge, tenge } from './format';
import { locale } from '../common/page-locale';
import { go, keyOf, managerKey } from './state';
import { t } from './strings';
import { WeeklyChart } from './WeeklyChart';

function localDate(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function Motivation({ data }: { data: DashboardMonth }) {
  const key = managerKey.value;
  const manager = data.payroll.managers.find((m) => keyOf(m.managerId) === key) ?? null;
  const record = manager ? filterRecord(data.record, { managerId: manager.managerId }) : data.record;
  const weeks = weeklyBars(data.month, record, (at) => localDate(at, data.timeZone));
  const exportCsv = () => {
    const csv = monthCsv(data, { locale: locale.value, managerIds: manager ? [manager.managerId] : undefined, record });
    downloadText(csvFileName(data.month, manager?.managerName), csv);
  };
  return (
    <div class="motivation">
      <section class="card team" aria-labelledby="team-h">
        <div class="card-head">
          <h2 id="team-h">
            {t('pay.team')} · {monthTitle(data.month)}
          </h2>
        </div>
        <ul class="team-list">
          {data.payroll.managers.map((m) => (
            <li key={keyOf(m.managerId)}>
              <button
                type="button"
                class={`team-card${keyOf(m.managerId) === key ? ' selected' : ''}`}
                aria-pressed={keyOf(m.managerId) === key}
                onClick={() => (managerKey.value = keyOf(m.managerId))}
              >
                <span class="team-name">{m.managerName}</span>
                <span class="team-total" data-testid={`team-total-${keyOf(m.managerId)}`}>
                  {tenge(m.total)}
                </span>
                {data.payroll.bestManagerIds.includes(m.managerId) && <span class="badge ok">★ {t('pay.best')}</span>}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div class="grid-2">
        {manager ? (
          <PayrollCard data={data} manager={manager} onExport={exportCsv} />
        ) : (
          <section class="card">
            <p>{t('pay.chooseManager')}</p>
          </section>
        )}
        <section class="card" aria-labelledby="chart-h">
          <div class="card-head">
            <h2 id="chart-h">{t('chart.title')}</h2>
          </div>
          <WeeklyChart weeks={weeks} id="weekly" />
        </section>
      </div>
    </div>
  );
}

function PayrollCard({ data, manager, onExport }: { data: DashboardMonth; manager: ManagerPayroll; onExport: () => void }) {
  const best = data.payroll.bestManagerIds.includes(manager.managerId);
  return (
    <section class="card payroll" aria-labelledby="pay-h">
      <div class="card-head">
        <h2 id="pay-h">
          {t('pay.title', { manager: manager.managerName })} {best && <span class="badge ok">★ {t('pay.best')}</span>}
        </h2>
        <button type="button" class="button secondary" onClick={onExport} title={t('export.hint')}>
          ⤓ {t('export.csv')}
        </button>
      </div>
      <table class="table payroll-table">
        <caption class="sr-only">{t('pay.title', { manager: manager.managerName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pay.line')}</th>
            <th scope="col" class="num">
              {t('pay.count')}
            </th>
            <th scope="col" class="num">
              {t('pay.amount')}
            </th>
          </tr>
        </thead>
        {manager.lines.map((line) => (
          <Line key={line.kind} line={line} data={data} />
        ))}
        <tfoot>
          <tr class="total">
            <th scope="row" colSpan={2}>
              {t('pay.total')}
            </th>
            <td class="num" data-testid="payroll-total">
              {tenge(manager.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function Line({ line, data }: { line: PayrollLine; data: DashboardMonth }) {
  const [open, setOpen] = useState(false);
  const expandable = line.clientIds.length > 0;
  const names = new Map(data.clients.map((c) => [c.id, c.name]));
  const id = `line-${line.kind}`;
  const label = lineLabel(locale.value, line.kind, data.refundWindowDays);
  return (
    <tbody class={`line ${line.amount < 0 ? 'neg' : line.amount > 0 ? 'pos' : ''}`}>
      <tr data-testid={`line-${line.kind}`}>
        <th scope="row">
          {expandable ? (
            <button type="button" class="expander" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
              <span class="chev" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>{' '}
              {label}
            </button>
          ) : (
            <span class="expander static">{label}</span>
          )}
          <div class="explain">{line.explanation}</div>
          {line.notes?.map((n) => (
            <div class="note" key={n}>
              {n}
            </div>
          ))}
        </th>
        <td class="num">{line.kind === 'base' ? '' : line.count}</td>
        <td class="num amount" data-testid={`amount-${line.kind}`}>
          {line.kind === 'base' ? tenge(line.amount) : signedTenge(line.amount)}
        </td>
      </tr>
      {expandable && (
        <tr id={id} hidden={!open} class="clients-row">
          <td colSpan={3}>
            <ul class="client-chips" aria-label={t('pay.clients')}>
              {line.clientIds.map((cid) => (
                <li key={cid}>
                  <a
                    href={`#plans/${cid}`}
                    onClick={(e) => {
                      e.preventDefault();
                      go('plans', cid);
                    }}
                  >
                    {names.get(cid) ?? cid}
                  </a>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </tbody>
  );
}
