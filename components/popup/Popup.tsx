// The popup «Сегодня»: every client's obligations in one list — overdue first, then today by
// time, then tomorrow — with the engagement round, what was missed while away, and the ticks.
import { useEffect } from 'preact/hooks';
import { isFirstRun, nothingDueNow, sectionLimits } from './agenda-model';
import { AllDone, FirstRun } from './EmptyStates';
import { Header } from './Header';
import { Missed } from './Missed';
import { usePaintMarks } from './paint-marks';
import { RoundRow } from './RoundRow';
import { Section } from './Section';
import { Unsent } from './Unsent';
import { budget, clock, load, missed, notice, refresh, tr } from './state';

export function Popup() {
  useEffect(() => {
    const timer = setInterval(() => (clock.value = Date.now()), 20_000);
    return () => clearInterval(timer);
  }, []);
  const l = load.value;
  usePaintMarks(
    l.state === 'ready',
    l.state === 'ready' && l.fresh,
    l.state === 'ready' ? l.agenda.overdue.length + l.agenda.today.length + l.agenda.tomorrow.length : 0,
    l.state === 'ready' && !l.agenda.totals,
  );
  let body;
  if (l.state === 'loading')
    body = (
      <p class="loading" role="status">
        {tr('loading')}
      </p>
    );
  else if (l.state === 'error')
    body = (
      <div class="error" role="alert">
        <p>{tr('error', { message: l.message })}</p>
        <button type="button" class="button" onClick={() => refresh(true)}>
          {tr('retry')}
        </button>
      </div>
    );
  else {
    const a = l.agenda;
    const limit = sectionLimits(budget.value, a);
    body = isFirstRun(l.clients, a) ? (
      <FirstRun />
    ) : (
      <div class="agenda" data-testid="agenda-list" aria-busy={l.fresh ? undefined : 'true'}>
        <Missed entries={missed.value} />
        {nothingDueNow(a, l.totals) && <AllDone />}
        <Section title={tr('overdue')} entries={a.overdue} section="overdue" limit={limit.overdue} total={l.totals?.overdue} />
        {a.round && a.round.accounts.length > 0 && <RoundRow round={a.round} />}
        <Section title={tr('today')} entries={a.today} section="today" limit={limit.today} total={l.totals?.today} />
        <Section
          title={tr('tomorrow')}
          entries={a.tomorrow}
          section="tomorrow"
          limit={limit.tomorrow}
          total={l.totals?.tomorrow}
        />
      </div>
    );
  }
  return (
    <div class="popup">
      <Header
        agenda={l.state === 'ready' && l.clients > 0 ? l.agenda : null}
        totals={l.state === 'ready' ? l.totals : undefined}
      />
      <main>{body}</main>
      {l.state === 'ready' && <Unsent status={l.agenda.record} />}
      {notice.value && (
        <p class="notice" role="alert">
          {notice.value}
        </p>
      )}
    </div>
  );
}
