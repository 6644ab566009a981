// Opens a URL in a tab, focusing an existing tab of the same page when there is one.
import { browser } from 'wxt/browser';

export async function openOrFocus(url: string): Promise<void> {
  try {
    const base = url.replace(/[?#].*$/, '');
    const tabs = await browser.tabs.query({ url: `${base}*` });
    const tab = tabs.find((t) => t.id !== undefined);
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      return;
    }
  } catch {
    // Query patterns may be refused for some URLs; a new tab is fine then.
  }
  await browser.tabs.create({ url });
}

export function extensionUrl(page: string): string {
  return browser.runtime.getURL(page as '/popup.html');
}
