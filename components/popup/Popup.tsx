// The popup «Сегодня»: every client's obligations in one list — overdue first, then today by
// time, then tomorrow — with the engagement round, what was missed while away, and the ticks.
import { signal, computed } from '@preact/signals';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { Agenda, AgendaEntry, ClientSummary, Round } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/client';
import { formatDuration, formatInZone } from '@/lib/i18n/format';
import { translator } from '@/lib/i18n/translate';
import { locale } from '../common/page-locale';
import { popupMessages, type PopupKey } from './strings';
import { groupByClient, openTargetOf, pendingFacts, ruleTitle, tickEvent, tickablesOf, type ClientGroup, type Tickable } from './agenda-model';
import { extensionUrl, openOrFocus } from './open';
import { DEFAULT_TIME_ZONE } from '@/lib/calendar/default-zone';
import type { Settings } from '@/lib/playbook/settings';
import { readSnapshot, writeSnapshot, type Totals } from './snapshot';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; agenda: Agenda; clients: number; /** false while showing the last visit's snapshot */ fresh: boolean; totals?: Totals };

const load = signal<Load>({ state: 'loading' });
/** The away list is shown once: keep the first one seen in this popup session. */
const missed = signal<AgendaEntry[]>([]);
/** The agency zone: the last visit's, then the settings' (the default only before either is known). */
const zone = signal(DEFAULT_TIME_ZONE);
/** The settings once fetched: English rule titles carry their numbers from them. */
const settings = signal<Settings | null>(null);
/** Offset between this page's clock and the worker's `agenda.now`, plus a ticking clock. */
const clock = signal(Date.now());
let skew = 0;
const busy = signal<Set<string>>(new Set());
/** Ticks sent but not yet confirmed by a fresh agenda: shown as the manager set them. */
const optimistic = signal<Map<string, boolean>>(new Map());
/** Rows rendered in the first paint; the rest follow right after (300 clients ≈ 1 000 rows). */
const FIRST_PAINT_ROWS = 24;
const budget = signal(FIRST_PAINT_ROWS);

function isChecked(id: string, done: boolean): boolean {
  return optimistic.value.get(id) ?? done;
}
const notice = signal<string | null>(null);

const t = computed(() => translator(popupMessages, locale.value));
const tr = (key: PopupKey, vars?: Record<string, string | number>) => t.value(key, vars);

function nowMs(): number {
  return clock.value + skew;
}

const ZONE_KEY = 'reglament.popup.zone';

/** Only agenda.get stands between opening and the list: the zone comes from the last visit, the client count only matters for an empty agenda. */
export async function refresh(first = false): Promise<void> {
  try {
    if (first) {
      zone.value = localStorage.getItem(ZONE_KEY) ?? zone.value;
      const cached = readSnapshot(zone.value);
      if (cached) {
        performance.mark('snapshot-read');
        skew = 0;
        load.value = { state: 'ready', agenda: cached.agenda, clients: cached.clients, fresh: false, totals: cached.totals };
      }
    }
    const agenda = await sendMessage('agenda.get', {});
    if (first) performance.mark('agenda-received');
    const empty = agenda.overdue.length + agenda.today.length + agenda.tomorrow.length === 0 && !agenda.round;
    const clients = first && empty ? (await sendMessage('clients.list', {})).length : load.value.state === 'ready' ? load.value.clients : 1;
    skew = agenda.now - Date.now();
    clock.value = Date.now();
    if (first) missed.value = agenda.missedWhileAway;
    load.value = { state: 'ready', agenda, clients, fresh: true };
    writeSnapshot(agenda, clients, zone.value);
    if (first)
      void sendMessage('settings.get', {}).then(
        (s) => {
          settings.value = s;
          zone.value = s.calendar.timeZone;
          localStorage.setItem(ZONE_KEY, s.calendar.timeZone);
        },
        () => undefined,
      );
  } catch (error) {
    load.value = { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

async function toggle(clientId: string, tick: Pick<Tickable, 'id' | 'item' | 'key'>, done: boolean): Promise<void> {
  busy.value = new Set(busy.value).add(tick.id);
  optimistic.value = new Map(optimistic.value).set(tick.id, done);
  try {
    await sendMessage('event.record', { event: tickEvent(clientId, tick, done, nowMs()) });
    await refresh();
  } catch (error) {
    notice.value = tr('tickFailed', { message: error instanceof Error ? error.message : String(error) });
  } finally {
    const next = new Set(busy.value);
    next.delete(tick.id);
    busy.value = next;
    const left = new Map(optimistic.value);
    left.delete(tick.id);
    optimistic.value = left;
  }
}

function ServiceBadge({ service }: { service: ClientSummary['service'] }) {
  if (!service) return null;
  return <span class={`badge badge-${service}`}>{tr(`service.${service}`)}</span>;
}

function OpenLink({ client, entry }: { client: ClientSummary; entry: AgendaEntry | null }) {
  const target = openTargetOf(client, entry?.obligation ?? null);
  const label = target.kind === 'instagram' ? tr('open.instagram', { name: client.instagram ?? '' }) : tr('open.deal', { name: client.name });
  return (
    <a
      class="open"
      href={target.url}
      title={label}
      onClick={(e) => {
        e.preventDefault();
        void openOrFocus(target.url);
      }}
    >
      {target.kind === 'instagram' ? 'Instagram' : 'amoCRM'}
      <span aria-hidden="true"> ↗</span>
      <span class="sr-only">: {label}</span>
    </a>
  );
}

function when(entry: AgendaEntry, section: 'overdue' | 'today' | 'tomorrow'): { text: string; tone: string } {
  const o = entry.obligation;
  if (o.dueAt === null) return { text: tr('noDeadline'), tone: 'muted' };
  const now = nowMs();
  const time = formatInZone(o.dueAt, zone.value, locale.value);
  if (o.dueAt <= now) return { text: tr('overdueFor', { d: formatDuration(now - o.dueAt, locale.value) }), tone: 'bad' };
  if (section === 'tomorrow') return { text: tr('tomorrowAt', { time }), tone: 'muted' };
  const left = o.dueAt - now;
  return { text: `${tr('dueAt', { time })} · ${tr('dueIn', { d: formatDuration(left, locale.value) })}`, tone: left < 3_600_000 ? 'warn' : 'ok' };
}

/** «Пост в ленте за день» needs its day when it is not today's (overdue days pile up). */
function titleOf(o: AgendaEntry['obligation']): string {
  const title = ruleTitle(o, locale.value, settings.value);
  if (o.rule !== 'daily-post' || !/^\d{4}-\d{2}-\d{2}$/.test(o.key)) return title;
  const [y, m, d] = o.key.split('-').map(Number);
  const day = new Intl.DateTimeFormat(locale.value === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(Date.UTC(y!, m! - 1, d!));
  return tr('dailyPostOf', { day });
}

function EntryRow({ entry, section }: { entry: AgendaEntry; section: 'overdue' | 'today' | 'tomorrow' }) {
  const o = entry.obligation;
  const w = when(entry, section);
  const ticks = tickablesOf(o);
  const facts = pendingFacts(o);
  const single = ticks.length === 1 && ticks[0]!.title === null ? ticks[0]! : null;
  return (
    <li class={`entry tone-${w.tone}`} data-rule={o.rule}>
      <div class="entry-head">
        {single ? (
          <label class="check">
            <input
              type="checkbox"
              checked={isChecked(single.id, single.done)}
              disabled={busy.value.has(single.id)}
              onChange={(e) => toggle(entry.client.id, single, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span class="entry-title">{titleOf(o)}</span>
          </label>
        ) : (
          <span class="entry-title">{titleOf(o)}</span>
        )}
        <span class={`when when-${w.tone}`} data-testid="when">
          {w.text}
        </span>
      </div>
      {!single && ticks.length > 0 && (
        <ul class="items">
          {ticks.map((tk) => (
            <li key={tk.id}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={isChecked(tk.id, tk.done)}
                  disabled={busy.value.has(tk.id)}
                  onChange={(e) => toggle(entry.client.id, tk, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span class={isChecked(tk.id, tk.done) ? 'done' : ''}>{tk.title}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {facts.length > 0 && (
        <ul class="facts">
          {facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ClientBlock({ group, section }: { group: ClientGroup; section: 'overdue' | 'today' | 'tomorrow' }) {
  return (
    <li class="client" data-client={group.client.id}>
      <div class="client-head">
        <span class="client-name">{group.client.name}</span>
        <ServiceBadge service={group.client.service} />
        <OpenLink client={group.client} entry={group.entries[0] ?? null} />
      </div>
      <ul class="entries">
        {group.entries.map((e) => (
          <EntryRow key={e.obligation.id} entry={e} section={section} />
        ))}
      </ul>
    </li>
  );
}

function Section({ id, title, entries, section, limit, total }: { id: string; title: string; entries: AgendaEntry[]; section: 'overdue' | 'today' | 'tomorrow'; limit: number; total?: number }) {
  if (entries.length === 0) return null;
  const groups = groupByClient(limit < entries.length ? entries.slice(0, Math.max(limit, 1)) : entries);
  return (
    <section class={`section section-${section}`} aria-labelledby={`h-${id}`} data-testid={`section-${section}`}>
      <h2 id={`h-${id}`}>
        {title} <span class="count">{total ?? entries.length}</span>
      </h2>
      <ul class="clients">
        {groups.map((g) => (
          <ClientBlock key={g.client.id} group={g} section={section} />
        ))}
      </ul>
    </section>
  );
}

function RoundRow({ round }: { round: Round }) {
  const now = nowMs();
  const slot = formatInZone(round.at, zone.value, locale.value);
  const done = round.accounts.filter((a) => a.done).length;
  const status =
    round.state === 'done'
      ? tr('round.done')
      : round.state === 'upcoming'
        ? tr('round.upcoming', { d: formatDuration(round.at - now, locale.value) })
        : round.state === 'overdue' || round.dueAt <= now
          ? tr('round.overdue', { d: formatDuration(now - round.dueAt, locale.value) })
          : tr('round.due', { time: formatInZone(round.dueAt, zone.value, locale.value) });
  const tone = round.state === 'done' ? 'ok' : round.state === 'overdue' || round.dueAt <= now ? 'bad' : round.state === 'due' ? 'warn' : 'muted';
  return (
    <section class={`round tone-${tone}`} aria-labelledby="h-round" data-testid="round" data-slot={round.slot}>
      <div class="round-head">
        <h2 id="h-round">{tr('round')}</h2>
        <span class={`when when-${tone}`}>
          {slot} · {status}
        </span>
        <span class="count">{tr('round.progress', { done, total: round.accounts.length })}</span>
      </div>
      <ul class="accounts">
        {round.accounts.map((a) => {
          const id = `${round.slot}|${a.client.id}`;
          const name = a.client.instagram ? `@${a.client.instagram}` : a.client.name;
          return (
            <li key={id}>
              <label class="chip" title={a.client.name}>
                <input
                  type="checkbox"
                  checked={isChecked(id, a.done)}
                  disabled={busy.value.has(id)}
                  onChange={(e) => toggle(a.client.id, { id, item: 'engagement-round', key: round.slot }, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span>{name}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Missed({ entries }: { entries: AgendaEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="missed" aria-labelledby="h-missed" data-testid="missed">
      <h2 id="h-missed">{tr('missed')}</h2>
      <p class="hint">{tr('missed.hint')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.obligation.id}>
            <span class="client-name">{e.client.name}</span> — {ruleTitle(e.obligation, locale.value, settings.value)}
            {e.obligation.dueAt !== null && <span class="when when-bad"> · {formatInZone(e.obligation.dueAt, zone.value, locale.value, true)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FirstRun() {
  return (
    <section class="first-run" data-testid="first-run" aria-labelledby="h-first">
      <h2 id="h-first">{tr('firstRun.title')}</h2>
      <p>{tr('firstRun.body')}</p>
      <ol>
        <li>{tr('firstRun.step1')}</li>
        <li>{tr('firstRun.step2')}</li>
        <li>{tr('firstRun.step3')}</li>
      </ol>
      <button type="button" class="button" onClick={() => openOrFocus(extensionUrl('/options.html#amocrm'))}>
        {tr('firstRun.open')}
      </button>
    </section>
  );
}

function AllDone() {
  return (
    <section class="all-done" data-testid="all-done" aria-live="polite">
      <div class="all-done-mark" aria-hidden="true">
        ✓
      </div>
      <h2>{tr('allDone')}</h2>
      <p>{tr('allDone.hint')}</p>
    </section>
  );
}

function Header({ agenda, totals }: { agenda: Agenda | null; totals?: Totals }) {
  const date = new Intl.DateTimeFormat(locale.value === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: zone.value, weekday: 'short', day: 'numeric', month: 'long' }).format(nowMs());
  const overdue = agenda ? (totals?.overdue ?? agenda.overdue.length) + (agenda.round?.state === 'overdue' ? 1 : 0) : 0;
  const today = agenda ? (totals?.today ?? agenda.today.length) : 0;
  return (
    <header class="top">
      <div>
        <h1>{tr('title')}</h1>
        <p class="sub">{date}</p>
        {agenda && (
          <p class="sum">
            {overdue > 0 && <span class="sum-bad">{tr('summary.overdue', { n: overdue })}</span>}
            {today > 0 && <span class="sum-today">{tr('summary.today', { n: today })}</span>}
            {overdue === 0 && today === 0 && <span class="sum-ok">{tr('summary.clear')}</span>}
          </p>
        )}
      </div>
      <nav class="top-links" aria-label="Reglament">
        <a
          href={extensionUrl('/dashboard.html')}
          onClick={(e) => {
            e.preventDefault();
            void openOrFocus(extensionUrl('/dashboard.html'));
          }}
        >
          {tr('dashboard')}
        </a>
        <a
          href={extensionUrl('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            void openOrFocus(extensionUrl('/options.html'));
          }}
        >
          {tr('options')}
        </a>
      </nav>
    </header>
  );
}

let marked = false;
let markedFresh = false;

export function Popup() {
  useEffect(() => {
    const timer = setInterval(() => (clock.value = Date.now()), 20_000);
    return () => clearInterval(timer);
  }, []);
  const l = load.value;
  useLayoutEffect(() => {
    if (l.state === 'ready' && !performance.getEntriesByName('list-committed').length) performance.mark('list-committed');
  });
  useEffect(() => {
    if (l.state === 'ready' && !marked) {
      marked = true;
      performance.mark('agenda-rendered');
      document.body.dataset.rendered = 'true';
      // The first screen is on; the rest of a long list follows in the next task.
      setTimeout(() => (budget.value = Number.POSITIVE_INFINITY), 0);
    }
    if (l.state === 'ready' && l.fresh && !markedFresh) {
      markedFresh = true;
      performance.mark('agenda-fresh');
      document.body.dataset.fresh = 'true';
    }
  });
  let body;
  if (l.state === 'loading') body = <p class="loading" role="status">{tr('loading')}</p>;
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
    const nothingNow = (l.totals?.overdue ?? a.overdue.length) === 0 && (l.totals?.today ?? a.today.length) === 0 && (!a.round || a.round.state === 'done' || a.round.state === 'upcoming');
    body =
      l.clients === 0 && a.overdue.length + a.today.length + a.tomorrow.length === 0 ? (
        <FirstRun />
      ) : (
        <div class="agenda" data-testid="agenda-list" aria-busy={l.fresh ? undefined : 'true'}>
          <Missed entries={missed.value} />
          {nothingNow && <AllDone />}
          <Section id="overdue" title={tr('overdue')} entries={a.overdue} section="overdue" limit={budget.value} total={l.totals?.overdue} />
          {a.round && a.round.accounts.length > 0 && <RoundRow round={a.round} />}
          <Section id="today" title={tr('today')} entries={a.today} section="today" limit={budget.value - a.overdue.length} total={l.totals?.today} />
          <Section id="tomorrow" title={tr('tomorrow')} entries={a.tomorrow} section="tomorrow" limit={budget.value - a.overdue.length - a.today.length} total={l.totals?.tomorrow} />
        </div>
      );
  }
  return (
    <div class="popup">
      <Header agenda={l.state === 'ready' && l.clients > 0 ? l.agenda : null} totals={l.state === 'ready' ? l.totals : undefined} />
      <main>{body}</main>
      {notice.value && (
        <p class="notice" role="alert">
          {notice.value}
        </p>
      )}
    </div>
  );
}
