import type { ClientEvent, NewClientEvent } from '../../../lib/model/facts';
import type { Obligation, RuleId } from '../../../lib/model/obligations';
import { createCalendar, defaultCalendarSettings } from '../../../lib/calendar';

/** Almaty wall time (UTC+5) → instant, by hand. */
export const kz = (s: string) => Date.parse(`${s.length === 16 ? `${s}:00` : s}+05:00`);
export const cal = createCalendar(defaultCalendarSettings);
export const iso = (t: number | null | undefined) => (t === null || t === undefined ? t : cal.formatIso(t));

type Ev = NewClientEvent extends infer E
  ? E extends NewClientEvent
    ? Omit<E, 'clientId' | 'source' | 'at'> & { at: string }
    : never
  : never;

/** Events from compact literals: times are Almaty wall times. */
export function events(clientId: string, list: Ev[]): ClientEvent[] {
  return list.map((e, i) => ({ ...e, id: `${clientId}:${i}`, clientId, source: 'manager', at: kz(e.at) }) as ClientEvent);
}

export function find(list: Obligation[], rule: RuleId, key?: string): Obligation {
  const o = list.find((x) => x.rule === rule && (key === undefined || x.key === key));
  if (!o) throw new Error(`no ${rule}${key ? `/${key}` : ''} in ${list.map((x) => x.id).join(', ')}`);
  return o;
}
