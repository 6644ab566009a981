// Content plans of one client (three per period, days 1–9, 10–18, 19–30), their state and
// deadline, and the month calendar of every client's plans and posts.
import { useEffect, useState } from 'preact/hooks';
import { dealUrl } from '@/lib/amocrm/url';
import { calendarFor } from '@/lib/calendar';
import { agreementEvent, filledDays, nextStates, PLAN_FORMATS, planFor, planObligation, planRanges } from '@/lib/dashboard/plans';
import type { DashboardMonth } from '@/lib/dashboard/types';
import type { ClientView } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/client';
import type { ContentPlan, PlanFormat, PlanNo, PlanState } from '@/lib/model/plans';
import type { Settings } from '@/lib/playbook/settings';
import { ruleTitleOf } from '@/lib/playbook/rules';
import { locale } from '../common/page-locale';
import { dateTime, shortDate, weekday } from './format';
import { go, planClientId } from './state';
import { t } from './strings';

interface Loaded {
  view: ClientView;
  plans: ContentPlan[];
  settings: Settings;
}

const stateBadge: Record<PlanState, string> = { drafting: 'neutral', sent: 'info', corrections: 'warn', agreed: 'ok' };

export function PlansView({ data }: { data: DashboardMonth }) {
  const clientId = planClientId.value;
  return (
    <div class="plans">
      <section class="card" aria-labelledby="plans-h">
        <div class="card-head">
          <h2 id="plans-h">{t('plans.title')}</h2>
          <label class="inline">
            <span>{t('plans.client')}</span>
            <select
              value={clientId ?? ''}
              onChange={(e) => go('plans', e.currentTarget.value || null)}
              data-testid="plans-client"
            >
              <option value="">{t('plans.chooseClient')}</option>
              {data.clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} · {c.managerName}
                </option>
              ))}
            </select>
          </label>
        </div>
        {clientId ? <ClientPlans key={clientId} clientId={clientId} /> : <p class="muted">{t('plans.chooseClient')}</p>}
      </section>
      <MonthCalendarView data={data} />
    </div>
  );
}

function ClientPlans({ clientId }: { clientId: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [planNo, setPlanNo] = useState<PlanNo>(1);
  const reload = async () => {
    try {
      const [view, plans, settings] = await Promise.all([
        sendMessage('client.view', { clientId }),
        sendMessage('plans.list', { clientId }),
        sendMessage('settings.get', {}),
      ]);
      if (!view) throw new Error(`No client ${clientId}`);
      setLoaded({ view, plans, settings });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => void reload(), [clientId]);
  if (error)
    return (
      <p class="error" role="alert">
        {t('error.load', { message: error })}
      </p>
    );
  if (!loaded) return <p class="muted">{t('loading')}</p>;
  const { view, plans, settings } = loaded;
  const cal = calendarFor(settings.calendar);
  const provisional = view.period === null;
  const startDate = view.period
    ? cal.localDateOf(view.period.start)
    : cal.localDateOf(cal.atLocal(cal.dayNumOf(view.now) + 1, 0));
  const periodStart = cal.atLocal(startDate, 0);
  const ranges = planRanges(startDate, settings.currentClients.planLengths);
  const range = ranges[planNo - 1]!;
  const existing = plans.find((p) => p.periodStart === periodStart && p.planNo === planNo);
  const plan = planFor(existing, clientId, periodStart, range, view.now);
  const obligation = planObligation(planNo, view.obligations, startDate);
  return (
    <div class="client-plans">
      <p class="period muted">
        <a class="deal" href={dealUrl(view.client)} target="_blank" rel="noreferrer">
          {view.client.name}
        </a>
        {' · '}
        {provisional
          ? t('plans.period.provisional', { start: shortDate(startDate) })
          : t('plans.period.current', { index: view.period!.index, start: shortDate(startDate) })}
      </p>
      <div role="tablist" aria-label={t('plans.title')} class="segmented">
        {ranges.map((r) => {
          const p = plans.find((x) => x.periodStart === periodStart && x.planNo === r.planNo);
          const selected = r.planNo === planNo;
          return (
            <button
              key={r.planNo}
              type="button"
              role="tab"
              id={`plan-tab-${r.planNo}`}
              aria-selected={selected}
              aria-controls="plan-panel"
              tabIndex={selected ? 0 : -1}
              class={selected ? 'selected' : ''}
              onClick={() => setPlanNo(r.planNo)}
              onKeyDown={(e) => {
                const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!d) return;
                const next = ((((planNo - 1 + d) % 3) + 3) % 3) + 1;
                setPlanNo(next as PlanNo);
                document.getElementById(`plan-tab-${next}`)?.focus();
              }}
            >
              <span class="seg-title">{t('plans.plan', { no: r.planNo })}</span>
              <span class="seg-sub">
                {shortDate(r.dates[0]!)}–{shortDate(r.dates[r.dates.length - 1]!)}
              </span>
              <span class={`badge ${stateBadge[p?.state ?? 'drafting']}`}>{t(`state.${p?.state ?? 'drafting'}`)}</span>
            </button>
          );
        })}
      </div>
      <PlanEditor
        key={`${periodStart}-${planNo}-${existing?.updatedAt ?? 0}`}
        plan={plan}
        startDate={startDate}
        deadline={
          obligation?.dueAt != null
            ? `${t('plans.deadline', { at: dateTime(obligation.dueAt) })}${obligation.state === 'overdue' ? ' ⚠' : ''}`
            : planNo === 1
              ? t('plans.deadline.none', { rule: ruleTitleOf('first-post-72h', settings, locale.value) })
              : t('plans.deadline.unknown')
        }
        overdue={obligation?.state === 'overdue'}
        onSaved={reload}
      />
    </div>
  );
}

function PlanEditor({
  plan,
  startDate,
  deadline,
  overdue,
  onSaved,
}: {
  plan: ContentPlan;
  startDate: string;
  deadline: string;
  overdue: boolean;
  onSaved: () => Promise<void>;
}) {
  const [draft, setDraft] = useState(plan);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setDay = (i: number, patch: Partial<{ format: PlanFormat; topic: string }>) =>
    setDraft({ ...draft, days: draft.days.map((d, k) => (k === i ? { ...d, ...patch } : d)) });
  const save = async (state: PlanState = draft.state) => {
    setBusy(true);
    try {
      const next = { ...draft, state };
      const saved = await sendMessage('plans.save', { plan: next });
      const tick = agreementEvent(saved, plan.state, startDate, Date.now());
      if (tick) await sendMessage('event.record', { event: tick });
      setStatus(t('plans.saved'));
      await onSaved();
    } catch (e) {
      setStatus(t('error.load', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div id="plan-panel" role="tabpanel" aria-labelledby={`plan-tab-${plan.planNo}`} class="plan-panel">
      <div class="plan-head">
        <div>
          <div class={`deadline${overdue ? ' overdue' : ''}`}>{deadline}</div>
          <div class="muted">{t('plans.filled', { filled: filledDays(draft), total: draft.days.length })}</div>
          {plan.author && (
            <div class="muted" data-testid="plan-author">
              {t('plans.by', { name: plan.author.name ?? `#${plan.author.id}`, at: dateTime(plan.updatedAt) })}
            </div>
          )}
        </div>
        <div class="actions">
          {nextStates(plan.state).map((s) => (
            <button
              key={s}
              type="button"
              class={`button ${s === 'agreed' ? '' : 'secondary'}`}
              disabled={busy}
              onClick={() => void save(s)}
            >
              {s === 'agreed' ? '✓ ' : ''}
              {t(`plans.to.${s}` as 'plans.to.sent')}
            </button>
          ))}
          <button type="button" class="button secondary" disabled={busy} onClick={() => void save()}>
            {t('plans.save')}
          </button>
        </div>
      </div>
      <p class="status" role="status">
        {status ?? ''}
      </p>
      <table class="table plan-table">
        <caption class="sr-only">{t('plans.plan', { no: plan.planNo })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.date')}</th>
            <th scope="col">{t('plans.format')}</th>
            <th scope="col">{t('plans.topic')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.days.map((d, i) => (
            <tr key={d.date}>
              <th scope="row" class="nowrap">
                <span class="wd">{weekday(d.date)}</span> {shortDate(d.date)}
              </th>
              <td>
                <select
                  aria-label={`${t('plans.format')} ${shortDate(d.date)}`}
                  value={d.format}
                  onChange={(e) => setDay(i, { format: e.currentTarget.value as PlanFormat })}
                >
                  {PLAN_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`format.${f}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <textarea
                  rows={1}
                  aria-label={`${t('plans.topic')} ${shortDate(d.date)}`}
                  value={d.topic}
                  maxLength={2000}
                  onInput={(e) => setDay(i, { topic: e.currentTarget.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const formatMark: Record<PlanFormat, string> = { post: 'П', carousel: 'К', reels: 'R' };
const formatMarkEn: Record<PlanFormat, string> = { post: 'P', carousel: 'C', reels: 'R' };

function MonthCalendarView({ data }: { data: DashboardMonth }) {
  const { calendar } = data;
  const marks = document.documentElement.lang === 'en' ? formatMarkEn : formatMark;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: data.timeZone }).format(data.now);
  return (
    <section class="card" aria-labelledby="cal-h">
      <div class="card-head">
        <div>
          <h2 id="cal-h">{t('plans.calendar')}</h2>
          <p class="muted">{t('plans.calendar.hint')}</p>
        </div>
        <div class="legend">
          {PLAN_FORMATS.map((f) => (
            <span key={f}>
              <b class={`fmt ${f}`}>{marks[f]}</b> {t(`format.${f}`)}
            </span>
          ))}
          <span>
            <b class="fmt posted">✓</b> {t('plans.posted')}
          </span>
        </div>
      </div>
      {calendar.rows.length === 0 ? (
        <p class="empty">{t('plans.calendar.empty')}</p>
      ) : (
        <div class="table-wrap cal-wrap" tabIndex={0} role="region" aria-label={t('plans.calendar.hint')}>
          <table class="cal">
            <caption class="sr-only">{t('plans.calendar')}</caption>
            <thead>
              <tr>
                <th scope="col" class="cal-client">
                  {t('plans.client')}
                </th>
                {calendar.dates.map((d) => (
                  <th scope="col" key={d} class={d === today ? 'today' : ''}>
                    <span class="wd">{weekday(d)}</span>
                    {Number(d.slice(8))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {calendar.rows.map((row) => (
                <tr key={row.clientId}>
                  <th scope="row" class="cal-client">
                    <a
                      href={`#plans/${row.clientId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        go('plans', row.clientId);
                        window.scrollTo({ top: 0 });
                      }}
                    >
                      {row.clientName}
                    </a>
                  </th>
                  {calendar.dates.map((d) => {
                    const c = row.cells[d];
                    const label = c
                      ? [c.format ? t(`format.${c.format}`) : '', c.topic ?? '', c.posted ? t('plans.posted') : '']
                          .filter(Boolean)
                          .join(' · ')
                      : '';
                    return (
                      <td key={d} class={d === today ? 'today' : ''} title={label || undefined}>
                        {c?.format && (
                          <b class={`fmt ${c.format}${c.planState === 'agreed' ? ' agreed' : ''}`}>{marks[c.format]}</b>
                        )}
                        {c?.posted && <b class="fmt posted">✓</b>}
                        {label && <span class="sr-only">{label}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
