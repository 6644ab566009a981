// The month's record: every obligation with its outcome, filterable by client, rule, manager, outcome.
import { useState } from 'preact/hooks';
import { outcomeLabels } from '@/lib/dashboard/csv';
import { filterRecord } from '@/lib/dashboard/month';
import type { DashboardMonth, Outcome } from '@/lib/dashboard/types';
import { RULE_IDS } from '@/lib/playbook/rules';
import { dateTime, duration, ruleTitle } from './format';
import { locale } from '../common/page-locale';
import { keyOf, managerKey } from './state';
import { t } from './strings';
import { TeamMonth } from './TeamMonth';

const PAGE = 100;
const outcomes: Outcome[] = ['met', 'met-late', 'missed', 'open'];
const badge: Record<Outcome, string> = { met: 'ok', 'met-late': 'warn', missed: 'bad', open: 'neutral' };

export function RecordView({ data }: { data: DashboardMonth }) {
  const [clientId, setClientId] = useState('');
  const [rule, setRule] = useState('');
  const [outcome, setOutcome] = useState<Outcome | 'all'>('all');
  const [limit, setLimit] = useState(PAGE);
  const mKey = managerKey.value;
  const manager = data.payroll.managers.find((m) => keyOf(m.managerId) === mKey);
  const rows = filterRecord(data.record, {
    clientId: clientId || undefined,
    rule: rule || undefined,
    outcome,
    managerId: manager ? manager.managerId : 'all',
  });
  const clients = manager ? data.clients.filter((c) => c.managerId === manager.managerId) : data.clients;
  const counts = outcomes.map((o) => [o, rows.filter((r) => r.outcome === o).length] as const);
  return (
    <>
      <TeamMonth data={data} />
      <section class="card" aria-labelledby="record-h">
        <div class="card-head">
          <div>
            <h2 id="record-h">{t('record.title')}</h2>
            <p class="muted">{t('record.hint')}</p>
          </div>
          <div class="chips-summary">
            {counts.map(([o, n]) => (
              <span key={o} class={`badge ${badge[o]}`}>
                {outcomeLabels[locale.value][o]}: {n}
              </span>
            ))}
          </div>
        </div>
        <div class="filters">
          <div class="field">
            <label for="f-client">{t('record.client')}</label>
            <select
              id="f-client"
              value={clientId}
              onChange={(e) => {
                setClientId(e.currentTarget.value);
                setLimit(PAGE);
              }}
            >
              <option value="">{t('record.all')}</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-rule">{t('record.rule')}</label>
            <select
              id="f-rule"
              value={rule}
              onChange={(e) => {
                setRule(e.currentTarget.value);
                setLimit(PAGE);
              }}
            >
              <option value="">{t('record.all')}</option>
              {RULE_IDS.map((r) => (
                <option key={r} value={r}>
                  {ruleTitle(r, r)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-outcome">{t('record.outcome')}</label>
            <select
              id="f-outcome"
              value={outcome}
              onChange={(e) => {
                setOutcome(e.currentTarget.value as Outcome | 'all');
                setLimit(PAGE);
              }}
            >
              <option value="all">{t('record.all')}</option>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabels[locale.value][o]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {rows.length === 0 ? (
          <p class="empty">{t('record.empty')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('record.table')}>
            <table class="table record-table">
              <caption class="sr-only">{t('record.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('record.due')}</th>
                  <th scope="col">{t('record.client')}</th>
                  <th scope="col">{t('manager')}</th>
                  <th scope="col">{t('record.rule')}</th>
                  <th scope="col">{t('record.outcome')}</th>
                  <th scope="col">{t('record.done')}</th>
                  <th scope="col" class="num">
                    {t('record.late')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, limit).map((r) => (
                  <tr key={r.obligationId}>
                    <td class="nowrap">{r.dueAt === null ? '—' : dateTime(r.dueAt)}</td>
                    <td>{r.clientName}</td>
                    <td>{r.managerName}</td>
                    <td>{ruleTitle(r.rule, r.title)}</td>
                    <td>
                      <span class={`badge ${badge[r.outcome]}`}>{outcomeLabels[locale.value][r.outcome]}</span>
                    </td>
                    <td class="nowrap">{r.metAt === null ? '—' : dateTime(r.metAt)}</td>
                    <td class="num nowrap">{r.lateBy === null ? '' : duration(r.lateBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div class="table-foot">
          <span class="muted" aria-live="polite">
            {t('record.count', { shown: Math.min(limit, rows.length), total: rows.length })}
          </span>
          {rows.length > limit && (
            <button type="button" class="button secondary" onClick={() => setLimit(limit + PAGE * 4)}>
              {t('record.more')}
            </button>
          )}
        </div>
      </section>
    </>
  );
}
