// Browser glue for the planner: the one `next-wake` alarm, a periodic safety alarm,
// notifications and the badge. Thin on purpose; the decisions live in planner.ts and lib/worker.
import { browser } from 'wxt/browser';
import type { Effects, ShownNotification } from '../worker/service';

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
      const base = {
        type: 'basic' as const,
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: n.title,
        message: n.message,
      };
      try {
        await browser.notifications.create(n.id, {
          ...base,
          buttons: n.buttons.slice(0, 2).map((title) => ({ title })),
          requireInteraction: n.requireInteraction,
          priority: n.requireInteraction ? 2 : 1,
        });
      } catch {
        // Firefox rejects buttons and requireInteraction: the body click still opens the target.
        await browser.notifications.create(n.id, base);
      }
    },
    async badge(count) {
      await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
      await browser.action.setBadgeText({ text: count > 0 ? String(count > 999 ? '999+' : count) : '' });
    },
  };
}

/** The periodic alarm that re-plans even if a `next-wake` was lost; created once, kept across restarts. */
export async function ensureSafetyAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SAFETY_ALARM);
  if (!existing)
    await browser.alarms.create(SAFETY_ALARM, { periodInMinutes: SAFETY_PERIOD_MINUTES, delayInMinutes: SAFETY_PERIOD_MINUTES });
}

/** URL match pattern for finding an open tab of a target (needs host permission, not `tabs`). */
export function tabPatternOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return null;
    return `${u.origin}${u.pathname.replace(/\/$/, '')}*`;
  } catch {
    return null;
  }
}

/** Focuses a tab already showing the target, else opens one. */
export async function openOrFocus(url: string): Promise<void> {
  const pattern = tabPatternOf(url);
  if (pattern) {
    const [tab] = await browser.tabs.query({ url: pattern }).catch(() => []);
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      return;
    }
  }
  await browser.tabs.create({ url });
}
