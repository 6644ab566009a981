// The worker's door to the pure engine (lib/sla) and the settings module: its handlers and the
// re-plan go through here. (The dashboard's month and the payroll call lib/sla directly.)
import type { Client, ClientEvent, Instant } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { Settings } from '../playbook/settings';
import { computeObligations, periodOf } from '../sla';
import type { Period } from '../messaging/protocol';

/** `horizon`: see computeObligations (now + 1 day unless a later moment is to be served too). */
export function obligationsOf(
  client: Client,
  events: ClientEvent[],
  settings: Settings,
  now: Instant,
  horizon?: Instant,
): Obligation[] {
  return computeObligations(client, events, settings, now, horizon);
}

export function periodOfClient(client: Client, events: ClientEvent[], settings: Settings, now: Instant): Period | null {
  const p = periodOf(client, events, settings, now);
  return p ? { index: p.index, start: p.start, end: p.end, day: p.day, length: p.length } : null;
}

export { obligationsAt } from '../sla';
export { calendarFor } from '../calendar';
export { defaultSettings, type Settings } from '../playbook/settings';
