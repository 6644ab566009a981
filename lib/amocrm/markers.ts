// Ticks written to the deal as amoCRM notes carry a marker, so they are read back as the same
// fact (same id) and never doubled: `[Reglament:tick:rg|tick|{item}|{key}|{at}]`.
import type { NewClientEvent } from '../model/facts';

export type MarkedEvent = Extract<NewClientEvent, { type: 'tick' | 'untick' }>;

const SAFE = /^[A-Za-z0-9:._-]*$/;

/** Event id of a manager's tick or untick; the same id goes into the note marker. */
export function markedEventId(type: 'tick' | 'untick', item: string, key: string | undefined, at: number): string {
  return `rg|${type}|${item}|${key ?? ''}|${at}`;
}

export function markerOf(id: string): string {
  const type = id.startsWith('rg|untick|') ? 'untick' : 'tick';
  return `[Reglament:${type}:${id}]`;
}

/** The note text: a line for people, the value on its own line, the marker last. */
export function noteText(event: MarkedEvent, title: string): string {
  const head = event.type === 'tick' ? `✓ ${title}` : `✗ Снята отметка: ${title}`;
  const value = event.type === 'tick' && event.value ? `\nЗначение: ${event.value.replace(/\n/g, ' ')}` : '';
  return `${head}${value}\n${markerOf(event.id!)}`;
}

/** Reads a note back into its fact; null when the note carries no valid marker. */
export function eventFromNote(text: string, clientId: string): MarkedEvent | null {
  const m = /\[Reglament:(tick|untick):(rg\|(tick|untick)\|([^|\]]+)\|([^|\]]*)\|(\d{1,15}))\]/.exec(text);
  if (!m || m[1] !== m[3]) return null;
  const [, , id, type, item, key, at] = m;
  if (!SAFE.test(item) || !SAFE.test(key)) return null;
  const base = { id, clientId, at: Number(at), source: 'manager' as const, item, ...(key ? { key } : {}) };
  if (type === 'untick') return { ...base, type: 'untick' };
  const value = /^Значение: (.+)$/m.exec(text)?.[1]?.trim();
  return value ? { ...base, type: 'tick', value } : { ...base, type: 'tick' };
}
