// Tabs: focus the one already showing a page, else open it. Used by the worker (notification
// clicks) and the popup (its links), so both find an open tab the same way.
import { browser, focusOrOpen } from './api';

/** Schemes whose tabs we may look for: sites (host permission, not `tabs`) and our own pages. */
const FINDABLE = new Set(['https:', 'chrome-extension:', 'moz-extension:']);

/** URL match pattern for finding an open tab of a target; query and hash do not matter. */
export function tabPatternOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!FINDABLE.has(u.protocol)) return null;
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/$/, '')}*`;
  } catch {
    return null;
  }
}

/** Focuses a tab already showing the target, else opens one. */
export async function openOrFocus(url: string): Promise<void> {
  await focusOrOpen(url, tabPatternOf(url));
}

/** An absolute URL of one of the extension's own pages (`/options.html#amocrm`). */
export function extensionUrl(page: string): string {
  return (browser.runtime.getURL as (path: string) => string)(page);
}
