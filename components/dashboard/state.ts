// The dashboard's state: the chosen month, manager and tab (from the URL hash), the month's data.
import { signal } from '@preact/signals';
import type { DashboardMonth } from '@/lib/dashboard/types';
import type { Settings } from '@/lib/playbook/settings';
import { sendMessage } from '@/lib/messaging/client';
import { currentMonth, settings, zone } from './format';

export type Tab = 'motivation' | 'record' | 'plans';

export const month = signal(currentMonth());
export const managerKey = signal<string>('');
export const tab = signal<Tab>('motivation');
/** Client whose plans are open (`#plans/{clientId}`). */
export const planClientId = signal<string | null>(null);
export const data = signal<DashboardMonth | null>(null);
export const loadError = signal<string | null>(null);
export const loading = signal(false);

/** Whether the manager picked a month (then the zone arriving does not move it). */
let monthPicked = false;
export function pickMonth(m: string): void {
  monthPicked = true;
  month.value = m;
}

/** The zone of the settings: the current month and every date follow it, whatever zone the browser runs in. */
export function applySettings(s: Settings): void {
  settings.value = s;
  if (zone.value === s.calendar.timeZone) return;
  zone.value = s.calendar.timeZone;
  if (!monthPicked) month.value = currentMonth(Date.now(), s.calendar.timeZone);
}

/** First load: the settings (for the zone and the rule texts), then the month. */
export async function start(): Promise<void> {
  try {
    applySettings(await sendMessage('settings.get', {}));
  } catch {
    // the month's data carries the zone too; the default stands until then
  }
  await loadMonth();
}

let seq = 0;
export async function loadMonth(): Promise<void> {
  const mine = ++seq;
  loading.value = true;
  try {
    const result = await sendMessage('dashboard.month', { month: month.value });
    if (mine !== seq) return;
    zone.value = result.timeZone;
    data.value = result;
    loadError.value = null;
    const keys = result.payroll.managers.map((m) => keyOf(m.managerId));
    if (managerKey.value && !keys.includes(managerKey.value) && managerKey.value !== 'all') managerKey.value = '';
    if (!managerKey.value) managerKey.value = keys[0] ?? 'all';
  } catch (error) {
    if (mine === seq) loadError.value = error instanceof Error ? error.message : String(error);
  } finally {
    if (mine === seq) loading.value = false;
  }
}

export const keyOf = (managerId: number | null) => (managerId === null ? 'none' : String(managerId));

/** `#motivation`, `#record`, `#plans`, `#plans/{clientId}` (optionally `?month=YYYY-MM` is not used: the month lives in the page). */
export function readHash(): void {
  const h = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [first, ...rest] = h.split('/');
  if (first === 'record' || first === 'plans' || first === 'motivation') tab.value = first;
  planClientId.value = first === 'plans' && rest.length ? rest.join('/') : planClientId.value;
}

export function go(next: Tab, clientId?: string | null): void {
  tab.value = next;
  if (clientId !== undefined) planClientId.value = clientId;
  const hash = next === 'plans' && planClientId.value ? `#plans/${planClientId.value}` : `#${next}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}
