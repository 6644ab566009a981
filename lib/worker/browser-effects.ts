// The worker's browser effects: the one `next-wake` alarm, a periodic safety alarm,
// notifications and the badge. Thin on purpose; the decisions live in lib/alarms/planner.ts and ./notify.ts.
import { browser, showNotification, toolbarButton } from '../browser/api';
import { localeStorageKey } from '../i18n/locale';
import type { Effects, ShownNotification } from './effects';

export const WAKE_ALARM = 'next-wake';
export const SAFETY_ALARM = 'safety';
export const SAFETY_PERIOD_MINUTES = 30;
export const BADGE_COLOR = '#d93025';

export function browserEffects(): Effects {
  return {
    async scheduleWake(at) {
      if (at === null) {
        await browser.alarms.clear(WAKE_ALARM);
        return;
      }
      const existing = await browser.alarms.get(WAKE_ALARM);
      if (existing && existing.scheduledTime === at) return;
      // A time in the past fires as soon as Chrome allows (about once the worker is idle).
      await browser.alarms.create(WAKE_ALARM, { when: at });
    },
    async show(n: ShownNotification) {
      await showNotification(n.id, { ...n, iconUrl: browser.runtime.getURL('/icon/128.png') });
    },
    async badge(count, title) {
      // A browser without a toolbar button API: the count still lives in the agenda.
      const button = toolbarButton();
      if (!button) return;
      await button.setBadgeBackgroundColor({ color: BADGE_COLOR });
      await button.setBadgeText({ text: count > 0 ? String(count > 999 ? '999+' : count) : '' });
      // The manifest's title follows the browser's language; the agency's choice replaces it.
      await button.setTitle({ title });
    },
    async language(locale) {
      const stored = await browser.storage.local.get(localeStorageKey);
      if (stored[localeStorageKey] !== locale) await browser.storage.local.set({ [localeStorageKey]: locale });
    },
  };
}

/** The periodic alarm that re-plans even if a `next-wake` was lost; created once, kept across restarts. */
export async function ensureSafetyAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SAFETY_ALARM);
  if (!existing)
    await browser.alarms.create(SAFETY_ALARM, { periodInMinutes: SAFETY_PERIOD_MINUTES, delayInMinutes: SAFETY_PERIOD_MINUTES });
}
