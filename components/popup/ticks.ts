// Ticking from the popup: the checkbox shows the manager's choice at once, stays disabled while
// the worker records it, and the fresh agenda then takes over.
import { signal } from '@preact/signals';
import { sendMessage } from '@/lib/messaging/client';
import { tickEvent, type Tickable } from './agenda-model';
import { notice, nowMs, refresh, tr } from './state';

const busy = signal<Set<string>>(new Set());
/** Ticks sent but not yet confirmed by a fresh agenda: shown as the manager set them. */
const optimistic = signal<Map<string, boolean>>(new Map());

export function isChecked(id: string, done: boolean): boolean {
  return optimistic.value.get(id) ?? done;
}

export function isBusy(id: string): boolean {
  return busy.value.has(id);
}

export async function toggle(clientId: string, tick: Pick<Tickable, 'id' | 'item' | 'key'>, done: boolean): Promise<void> {
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
