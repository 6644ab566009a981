// The dashboard page: header (month, manager, language, team sync), tabs, and the three views.
import { useEffect } from 'preact/hooks';
import { Motivation } from './Motivation';
import { PlansView } from './Plans';
import { RecordView } from './RecordView';
import { SyncPanel } from './SyncPanel';
import { monthTitle, shiftMonth } from './format';
import { locale } from '../common/page-locale';
import {
  data,
  go,
  keyOf,
  loadError,
  loadMonth,
  loading,
  managerKey,
  month,
  pickMonth,
  readHash,
  start,
  tab,
  type Tab,
} from './state';
import { t } from './strings';

const tabs: Tab[] = ['motivation', 'record', 'plans'];

export function App() {
  useEffect(() => {
    readHash();
    void start();
    const onHash = () => readHash();
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = t('title');
  }, [locale.value]);
  const d = data.value;
  const setMonth = (m: string) => {
    if (!/^\d{4}-\d{2}$/.test(m)) return;
    pickMonth(m);
    void loadMonth();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = tabs.indexOf(tab.value);
    const d2 = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d2) return;
    const next = tabs[(i + d2 + tabs.length) % tabs.length]!;
    go(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div class="page">
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            R
          </span>
          <div>
            <h1>{t('title')}</h1>
            <p class="muted small">{t('subtitle')}</p>
          </div>
        </div>
        <div class="controls">
          <div class="month-picker" role="group" aria-label={t('month')}>
            <button
              type="button"
              class="icon-button"
              aria-label={t('month.prev')}
              onClick={() => setMonth(shiftMonth(month.value, -1))}
            >
              ‹
            </button>
            <label class="month-label">
              <span class="sr-only">{t('month')}</span>
              <input type="month" value={month.value} onChange={(e) => setMonth(e.currentTarget.value)} data-testid="month" />
              <span class="month-name" aria-hidden="true">
                {monthTitle(month.value)}
              </span>
            </label>
            <button
              type="button"
              class="icon-button"
              aria-label={t('month.next')}
              onClick={() => setMonth(shiftMonth(month.value, 1))}
            >
              ›
            </button>
          </div>
          <label class="inline">
            <span>{t('manager')}</span>
            <select value={managerKey.value} onChange={(e) => (managerKey.value = e.currentTarget.value)} data-testid="manager">
              <option value="all">{t('manager.all')}</option>
              {d?.payroll.managers.map((m) => (
                <option key={keyOf(m.managerId)} value={keyOf(m.managerId)}>
                  {m.managerName}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <main class="body">
        <SyncPanel />
        <div class="tabs" role="tablist" aria-label={t('title')}>
          {tabs.map((x) => (
            <button
              key={x}
              id={`tab-${x}`}
              type="button"
              role="tab"
              aria-selected={tab.value === x}
              aria-controls="view"
              tabIndex={tab.value === x ? 0 : -1}
              onClick={() => go(x)}
              onKeyDown={onTabKey}
            >
              {t(`tab.${x}`)}
            </button>
          ))}
        </div>
        <div id="view" class="view" role="tabpanel" aria-labelledby={`tab-${tab.value}`} aria-busy={loading.value}>
          {loadError.value && (
            <p class="error" role="alert">
              {t('error.load', { message: loadError.value })}{' '}
              <button type="button" class="button secondary" onClick={() => void loadMonth()}>
                {t('retry')}
              </button>
            </p>
          )}
          {!d && !loadError.value && <p class="muted">{t('loading')}</p>}
          {d && d.clients.length === 0 && <p class="empty card">{t('empty.team')}</p>}
          {d && tab.value === 'motivation' && <Motivation data={d} />}
          {d && tab.value === 'record' && <RecordView data={d} />}
          {d && tab.value === 'plans' && <PlansView data={d} />}
        </div>
      </main>
    </div>
  );
}
