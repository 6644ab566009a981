// The last agenda the popup showed, kept in the extension origin's localStorage so the next
// opening paints at once (countdowns use the live clock) while the worker re-derives the fresh
// one, which replaces it a moment later. Old snapshots (another day, or hours old) are ignored.
import type { Agenda, AgendaTotals } from '@/lib/messaging/protocol';
import { cutAgenda } from '@/lib/messaging/agenda-cut';
import { HOUR } from '@/lib/calendar/time';

const KEY = 'reglament.popup.snapshot';
const MAX_AGE = 6 * HOUR;

export type Totals = AgendaTotals;

interface Snapshot {
  savedAt: number;
  day: string;
  clients: number;
  /** Only the first screen of rows: the rest arrives with the fresh agenda. */
  agenda: Agenda;
  totals: Totals;
}

/** Rows kept: enough for the first screen, small enough to parse in a millisecond or two. */
export const FIRST_SCREEN_ROWS = 60;

function dayOf(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function readSnapshot(timeZone: string, now = Date.now()): { agenda: Agenda; clients: number; totals: Totals } | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const s = JSON.parse(text) as Snapshot;
    if (!s || !s.totals || s.clients === 0 || now - s.savedAt > MAX_AGE || now < s.savedAt || s.day !== dayOf(now, timeZone))
      return null;
    return { agenda: s.agenda, clients: s.clients, totals: s.totals };
  } catch {
    return null;
  }
}

export function writeSnapshot(agenda: Agenda, clients: number, timeZone: string): void {
  const save = () => {
    try {
      const cut = { ...cutAgenda(agenda, FIRST_SCREEN_ROWS), missedWhileAway: [] };
      const s: Snapshot = { savedAt: Date.now(), day: dayOf(agenda.now, timeZone), clients, agenda: cut, totals: cut.totals };
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      // Quota or private mode: the popup just waits for the worker next time.
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(save, { timeout: 2000 });
  else setTimeout(save, 200);
}

/** After a restore or «Удалить все данные» the snapshot must not show the old data. */
export function clearSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
