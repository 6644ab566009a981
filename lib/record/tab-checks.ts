// Who may talk on the worker ↔ amoCRM tab channel (Bitwarden-style sender checks, pure):
// the tab's API script obeys only this extension's own worker or pages, never a page script or
// another extension or a content script in some tab; the worker talks only to a tab showing the
// very account it writes to, and believes an answer only while that tab still shows it.
import { isAmocrmOrigin } from '../hosts';

/** The parts of runtime.MessageSender the tab's script relies on. */
export interface WorkerSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface Self {
  /** runtime.id */
  id: string;
  /** `chrome-extension://{id}` */
  origin: string;
}

/** A message from this extension's worker (or one of its pages): same id, no tab, our own URL when one is given. */
export function fromOwnWorker(sender: WorkerSender | undefined, self: Self): boolean {
  if (!sender || !self.id || sender.id !== self.id || sender.tab !== undefined) return false;
  return sender.url === undefined || sender.url === self.origin || sender.url.startsWith(`${self.origin}/`);
}

/** A tab as tabs.query describes it. */
export interface TabLike {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
  discarded?: boolean;
}

export function originOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Whether a tab shows the account `origin` (exactly: another account's tab is not this one's). */
export function showsAccount(tab: TabLike | null | undefined, origin: string): boolean {
  return !!tab && isAmocrmOrigin(origin) && originOfUrl(tab.url) === origin;
}

/**
 * The tab to ask: one showing the account (a discarded tab runs no script), the active one first,
 * then the most recently used. Null when none is open.
 */
export function pickTab(tabs: readonly TabLike[], origin: string): number | null {
  const usable = tabs.filter((t) => t.id !== undefined && !t.discarded && showsAccount(t, origin));
  usable.sort((a, b) => Number(!!b.active) - Number(!!a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return usable[0]?.id ?? null;
}
