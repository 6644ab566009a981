// The head's view of the month: kept on time / late / missed per manager and rule, and the
// proposed best manager with the reason, which the head confirms.
import { useState } from 'preact/hooks';
import type { DashboardMonth } from '@/lib/dashboard/types';
import { sendMessage } from '@/lib/messaging/client';
import { ruleTitle } from './format';
import { loadMonth } from './state';
import { t } from './strings';

export function TeamMonth({ data }: { data: DashboardMonth }) {
  const [busy, setBusy] = useState(false);
  const { managers, best } = data.team;
  if (!managers.length) return null;
  const confirmed = data.bestConfirmed;
  const confirm = (managerId: number) => {
    setBusy(true);
    void sendMessage('dashboard.best.confirm', { month: data.month, managerId })
      .then(() => loadMonth())
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  return (
    <section class="card" aria-labelledby="team-month-h" data-testid="team-month">
      <div class="card-head">
        <div>
          <h2 id="team-month-h">{t('team.title')}</h2>
          <p class="muted">{t('team.hint')}</p>
        </div>
      </div>
      {best && (
        <p data-testid="best-proposal" data-manager={best.managerId}>
          ★ {t('team.best')}: <b>{best.reason}</b>
          {best.tie && <span class="muted"> ({best.tie})</span>}{' '}
          {confirmed?.managerId === best.managerId ? (
            <span class="badge ok">{t('team.confirmed')}</span>
          ) : (
            <button type="button" class="button" disabled={busy} onClick={() => confirm(best.managerId)}>
              {t('team.confirm')}
            </button>
          )}
        </p>
      )}
      {confirmed && confirmed.managerId !== best?.managerId && (
        <p class="muted">{t('team.confirmedOther', { name: confirmed.managerName })}</p>
      )}
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('team.manager')}</th>
            <th scope="col">{t('record.rule')}</th>
            <th scope="col">{t('team.kept')}</th>
            <th scope="col">{t('team.late')}</th>
            <th scope="col">{t('team.missed')}</th>
          </tr>
        </thead>
        <tbody>
          {managers.flatMap((m) => [
            <tr key={`${m.managerId}`} data-manager={m.managerId} class="team-total-row">
              <th scope="row">{m.managerName}</th>
              <td>{t('team.all')}</td>
              <td data-testid={`kept-${m.managerId}`}>{m.kept}</td>
              <td>{m.late}</td>
              <td>{m.missed}</td>
            </tr>,
            ...m.rules.map((r) => (
              <tr key={`${m.managerId}-${r.rule}`}>
                <td />
                <td>{ruleTitle(r.rule, r.title)}</td>
                <td>{r.kept}</td>
                <td>{r.late}</td>
                <td>{r.missed}</td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </section>
  );
}
