// The one place where Chrome and Firefox, MV3 and MV2, differ. Everything else uses the polyfilled,
// promise-based `browser` from `wxt/browser` (@wxt-dev/webextension-polyfill) and, for the calls
// below, these helpers. No runtime code touches the `chrome` global: on Firefox it takes callbacks
// only (`chrome.tabs.query(q)` returns undefined there), and MV2 has `browserAction`, not `action`.
import { browser } from 'wxt/browser';

export { browser };

/** What the toolbar button answers to in both manifest versions (`action` in MV3, `browserAction` in MV2). */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  getBadgeText(details: Record<string, never>): Promise<string>;
  setTitle(details: { title: string }): Promise<void>;
}

/** The toolbar button, or null where neither API exists (then there is no badge to set). */
export function toolbarButton(): ToolbarButton | null {
  const b = browser as unknown as { action?: ToolbarButton; browserAction?: ToolbarButton };
  return b.action ?? b.browserAction ?? null;
}

export interface TabInfo {
  id?: number;
  windowId?: number;
  url?: string;
}

/**
 * Tabs matching URL patterns (host permissions let the worker and our pages see those tabs' URLs).
 * A pattern the browser refuses answers an empty list: callers then open a new tab.
 */
export async function queryTabs(url: string | string[]): Promise<TabInfo[]> {
  try {
    const found: unknown = await browser.tabs.query({ url });
    return Array.isArray(found) ? (found as TabInfo[]) : [];
  } catch {
    return [];
  }
}

/** Focuses a tab already showing `pattern`, else opens `url` in a new one. */
export async function focusOrOpen(url: string, pattern: string | null): Promise<void> {
  const [tab] = pattern ? (await queryTabs(pattern)).filter((t) => t.id !== undefined) : [];
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}

export interface NotificationSpec {
  title: string;
  message: string;
  iconUrl: string;
  buttons: string[];
  requireInteraction: boolean;
}

/**
 * Shows a notification with its buttons where the browser has them; Firefox refuses `buttons`,
 * `requireInteraction` and `priority`, so there the plain notification goes (its body click still opens
 * the target).
 */
export async function showNotification(id: string, n: NotificationSpec): Promise<void> {
  const base = { type: 'basic' as const, iconUrl: n.iconUrl, title: n.title, message: n.message };
  try {
    await browser.notifications.create(id, {
      ...base,
      buttons: n.buttons.slice(0, 2).map((title) => ({ title })),
      requireInteraction: n.requireInteraction,
      priority: n.requireInteraction ? 2 : 1,
    });
  } catch {
    await browser.notifications.create(id, base);
  }
}

/**
 * Lets content scripts read and write `storage.session` (Chrome keeps it from them by default). Where
 * the browser has no `setAccessLevel` nothing changes: the sidebar probes the area and falls back to
 * memory per tab when content scripts may not use it.
 */
export async function allowSessionStorageInContentScripts(): Promise<void> {
  const session = (
    browser.storage as { session?: { setAccessLevel?(o: { accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void> } }
  ).session;
  await session?.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
}
