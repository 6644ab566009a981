// Shared fixtures for the worker, store and alarm tests.
import 'fake-indexeddb/auto';
import type { Locale } from '../../../lib/i18n/locale';
import type { Client, NewClientEvent } from '../../../lib/model/facts';
import { openStore } from '../../../lib/store/db';
import type { Effects, ShownNotification } from '../../../lib/worker/effects';
import { createWorker } from '../../../lib/worker/service';

/** Wall time in Almaty (UTC+5) → epoch ms. */
export const almaty = (iso: string) => Date.parse(`${iso}+05:00`);

export function client(leadId: number, extra: Partial<Client> = {}): Client {
  return {
    id: `smmpro.amocrm.ru:${leadId}`,
    host: 'smmpro.amocrm.ru',
    leadId,
    name: `Клиент ${leadId}`,
    service: 'management',
    payer: 'individual',
    managerId: 1,
    managerName: 'Анна',
    instagram: `client${leadId}`,
    credentialsFilled: true,
    stageName: null,
    updatedAt: 0,
    ...extra,
  };
}

export function ev(c: Client, type: string, at: number, extra: Record<string, unknown> = {}): NewClientEvent {
  return { clientId: c.id, type, at, source: 'amocrm', ...extra } as NewClientEvent;
}

let n = 0;
export const freshDb = () => openStore(`test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);

export function fakeEffects() {
  const shown: ShownNotification[] = [];
  const wakes: (number | null)[] = [];
  const badges: number[] = [];
  const titles: string[] = [];
  const languages: Locale[] = [];
  const effects: Effects = {
    scheduleWake: async (at) => void wakes.push(at),
    show: async (n) => void shown.push(n),
    badge: async (c, title) => void (badges.push(c), titles.push(title)),
    language: async (l) => void languages.push(l),
  };
  return { effects, shown, wakes, badges, titles, languages };
}

/** No network in unit tests: amoCRM is unreachable unless a test serves a fake. */
export const offline = (async () => {
  throw new TypeError('offline');
}) as typeof fetch;

/** A worker over a fresh database with a clock the test moves. */
export async function setupWorker(start: number) {
  const db = await freshDb();
  let now = start;
  const fx = fakeEffects();
  const worker = createWorker({
    db: async () => db,
    now: () => now,
    effects: fx.effects,
    agendaUrl: 'chrome-extension://x/popup.html',
    record: { fetch: offline, later: () => undefined },
  });
  return { db, worker, fx, setNow: (t: number) => (now = t) };
}

/** How an extension page is seen by the handlers. */
export const page = { sender: { kind: 'page' as const } };
