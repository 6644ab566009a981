// The popup's state: the agenda (the last visit's snapshot first, then the worker's), the clock,
// the agency zone and the settings; refresh() is the only way they are loaded.
import { signal, computed } from '@preact/signals';
import type { Agenda, AgendaEntry } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/client';
import { translator } from '@/lib/i18n/translate';
import { DEFAULT_TIME_ZONE } from '@/lib/calendar/default-zone';
import type { Settings } from '@/lib/playbook/settings';
import { locale } from '../common/page-locale';
import { popupMessages, type PopupKey } from './strings';
import { FIRST_SCREEN_ROWS, readSnapshot, writeSnapshot, type Totals } from './snapshot';
import type { TextEnv } from './agenda-text';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | {
      state: 'ready';
      agenda: Agenda;
      clients: number;
      /** false while showing the last visit's snapshot */ fresh: boolean;
      totals?: Totals;
    };

export const load = signal<Load>({ state: 'loading' });
/** The away list is shown once: keep the first one seen in this popup session. */
export const missed = signal<AgendaEntry[]>([]);
/** The agency zone: the last visit's, then the settings' (the default only before either is known). */
export const zone = signal(DEFAULT_TIME_ZONE);
/** The settings once fetched: English rule titles carry their numbers from them. */
export const settings = signal<Settings | null>(null);
/** Offset between this page's clock and the worker's `agenda.now`, plus a ticking clock. */
export const clock = signal(Date.now());
let skew = 0;
/** Rows rendered in the first paint; the rest follow right after (300 clients ≈ 1 000 rows). */
const FIRST_PAINT_ROWS = 24;
export const budget = signal(FIRST_PAINT_ROWS);
export const notice = signal<string | null>(null);

const t = computed(() => translator(popupMessages, locale.value));
export const tr = (key: PopupKey, vars?: Record<string, string | number>) => t.value(key, vars);

export function nowMs(): number {
  return clock.value + skew;
}

/** What the pure text helpers need; read during render so the component follows the clock, zone and language. */
export function textEnv(): TextEnv {
  return { t: tr, locale: locale.value, zone: zone.value, now: nowMs() };
}

const ZONE_KEY = 'reglament.popup.zone';

/**
 * Only agenda.get stands between opening and the list: the zone comes from the last visit, the
 * client count only matters for an empty agenda. At the opening the worker answers with the
 * first screen and the lists' totals (a long agenda is hundreds of KB to send and parse), and the
 * whole agenda follows at once.
 */
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
    const agenda = await sendMessage('agenda.get', first ? { limit: FIRST_SCREEN_ROWS } : {});
    if (first) performance.mark('agenda-received');
    const empty = agenda.overdue.length + agenda.today.length + agenda.tomorrow.length === 0 && !agenda.round;
    const clients =
      first && empty ? (await sendMessage('clients.list', {})).length : load.value.state === 'ready' ? load.value.clients : 1;
    skew = agenda.now - Date.now();
    clock.value = Date.now();
    if (first) missed.value = agenda.missedWhileAway;
    load.value = { state: 'ready', agenda, clients, fresh: true, ...(agenda.totals ? { totals: agenda.totals } : {}) };
    writeSnapshot(agenda, clients, zone.value);
    if (agenda.totals) void whole(clients);
    // The team's record after the first paint: colleagues' new notes bring a second list.
    if (first)
      void sendMessage('record.pull', {}).then(
        ({ added }) => (added > 0 ? refresh() : undefined),
        () => undefined,
      );
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

/** The whole agenda after its first screen; a failure leaves the first screen (the totals say there is more). */
async function whole(clients: number): Promise<void> {
  try {
    const agenda = await sendMessage('agenda.get', {});
    // A later refresh (a tick, the team's notes) may have answered first: its list stands.
    if (load.value.state !== 'ready' || load.value.agenda.now > agenda.now) return;
    load.value = { state: 'ready', agenda, clients, fresh: true };
  } catch {
    // The first screen stays; the next opening asks again.
  }
}
