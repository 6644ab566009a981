// Facts written to the deal as amoCRM notes carry a machine-readable marker, so any browser reads
// them back as the same fact (same natural id) and never doubles one.
//
// Version 2 (every shared fact): `[Reglament:2:{type}|{id}|{at}|{field}|{field}…]`, each part
// percent-encoded (so `|` and `]` inside a value cannot break the marker). The deal the note is on
// names the client; the note's author and server time come from amoCRM (lib/amocrm/attribution.ts),
// so the marker's `at` is only a claim.
// Version 1 (ticks only, older builds): `[Reglament:tick:rg|tick|{item}|{key}|{at}]` — still read.
import type { NewClientEvent } from '../model/facts';

export type MarkedEvent = Extract<NewClientEvent, { type: 'tick' | 'untick' }>;
/** The facts Reglament shares through amoCRM: what a manager did or the sidebar saw. */
export type SharedEvent = Extract<NewClientEvent, { type: 'tick' | 'untick' | 'post' | 'story' }> & { id: string };
export type SharedType = SharedEvent['type'];

export const MARKER_VERSION = 2;
const SHARED_TYPES: readonly SharedType[] = ['tick', 'untick', 'post', 'story'];
/** Longest marker text accepted when reading (a value is a few usernames; anything longer is not ours). */
const MAX_MARKER = 2000;
const SAFE = /^[A-Za-z0-9:._-]*$/;

/** Event id of a manager's tick or untick; the same id goes into the note marker. */
export function markedEventId(type: 'tick' | 'untick', item: string, key: string | undefined, at: number): string {
  return `rg|${type}|${item}|${key ?? ''}|${at}`;
}

export function isShared(event: NewClientEvent): event is SharedEvent {
  return typeof event.id === 'string' && event.id.length > 0 && (SHARED_TYPES as readonly string[]).includes(event.type);
}

function fieldsOf(event: SharedEvent): string[] {
  switch (event.type) {
    case 'tick':
      return [event.item, event.key ?? '', event.value ?? ''];
    case 'untick':
      return [event.item, event.key ?? ''];
    case 'post':
      return [event.shortcode ?? ''];
    case 'story':
      return [event.storyId ?? ''];
  }
}

/**
 * The marker of a fact. Its id is the producer's id without the client scope
 * (`smmpro.amocrm.ru:1001|ig:post:Cx1` → `ig:post:Cx1`): the deal the note sits on is the client.
 */
export function markerOf(event: SharedEvent): string {
  const id = event.id.startsWith(`${event.clientId}|`) ? event.id.slice(event.clientId.length + 1) : event.id;
  const parts = [event.type, id, String(Math.round(event.at)), ...fieldsOf(event)].map(encodeURIComponent);
  return `[Reglament:${MARKER_VERSION}:${parts.join('|')}]`;
}

/** One line for people (the deal's feed) and the marker below it. */
export function noteText(event: SharedEvent, title: string): string {
  return `${headline(event, title)}\n${markerOf(event)}`;
}

function headline(event: SharedEvent, title: string): string {
  switch (event.type) {
    case 'tick':
      return `✓ ${title}${event.value ? `: ${event.value.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`;
    case 'untick':
      return `✗ Снята отметка: ${title}`;
    case 'post':
      return `Пост в Instagram${event.shortcode ? ` (${event.shortcode})` : ''}`;
    case 'story':
      return 'Stories в Instagram';
  }
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/**
 * Reads the fact a note claims (null when the note carries no valid marker). The claim is not yet
 * trusted: its time and author are settled by attributeNote (lib/amocrm/attribution.ts).
 */
export function eventFromNote(text: string, clientId: string): SharedEvent | null {
  if (text.length > MAX_MARKER * 4) return null;
  return fromV2(text, clientId) ?? fromV1(text, clientId);
}

function fromV2(text: string, clientId: string): SharedEvent | null {
  const m = /\[Reglament:2:([^\]\s]{1,2000})\]/.exec(text);
  if (!m) return null;
  const parts = m[1]!.split('|').map(decode);
  if (parts.some((p) => p === null)) return null;
  const [type, id, atText, ...fields] = parts as string[];
  if (!(SHARED_TYPES as readonly string[]).includes(type!) || !id || id.length > 300 || !/^\d{1,15}$/.test(atText ?? ''))
    return null;
  const at = Number(atText);
  const base = { id, clientId, at };
  const opt = (k: string, v: string | undefined) => (v ? { [k]: v } : {});
  switch (type as SharedType) {
    case 'tick': {
      const [item, key, value] = fields;
      if (!item || !SAFE.test(item) || !SAFE.test(key ?? '')) return null;
      return { ...base, type: 'tick', source: 'manager', item, ...opt('key', key), ...opt('value', value?.slice(0, 500)) };
    }
    case 'untick': {
      const [item, key] = fields;
      if (!item || !SAFE.test(item) || !SAFE.test(key ?? '')) return null;
      return { ...base, type: 'untick', source: 'manager', item, ...opt('key', key) };
    }
    case 'post': {
      const [shortcode] = fields;
      if (shortcode && !/^[A-Za-z0-9_-]{1,64}$/.test(shortcode)) return null;
      return { ...base, type: 'post', source: shortcode ? 'instagram' : 'manager', ...opt('shortcode', shortcode) };
    }
    case 'story': {
      const [storyId] = fields;
      if (storyId && !/^[0-9A-Za-z_-]{1,64}$/.test(storyId)) return null;
      return { ...base, type: 'story', source: storyId ? 'instagram' : 'manager', ...opt('storyId', storyId) };
    }
  }
}

function fromV1(text: string, clientId: string): SharedEvent | null {
  const m = /\[Reglament:(tick|untick):(rg\|(tick|untick)\|([^|\]]+)\|([^|\]]*)\|(\d{1,15}))\]/.exec(text);
  if (!m || m[1] !== m[3]) return null;
  const [, , id, type, item, key, at] = m;
  if (!SAFE.test(item!) || !SAFE.test(key!)) return null;
  const base = { id: id!, clientId, at: Number(at), source: 'manager' as const, item: item!, ...(key ? { key } : {}) };
  if (type === 'untick') return { ...base, type: 'untick' };
  const value = /^Значение: (.+)$/m.exec(text)?.[1]?.trim();
  return value ? { ...base, type: 'tick', value } : { ...base, type: 'tick' };
}
