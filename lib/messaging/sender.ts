// Who sent a message, decided from the sender the browser reports (Bitwarden style): pure
// functions, unit-tested with forged senders.
import { isAmocrmOrigin, isInstagramOrigin } from '../hosts';
import type { MessageType } from './protocol';

/** The parts of runtime.MessageSender we rely on. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface Self {
  /** runtime.id */
  id: string;
  /** `chrome-extension://{id}` (runtime.getURL('') without the trailing slash). */
  origin: string;
}

export type SenderKind = { kind: 'page' } | { kind: 'content'; site: 'amocrm' | 'instagram'; host: string };

export type SenderCheck = { ok: true; sender: SenderKind } | { ok: false; reason: string };

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function isOwnUrl(url: string | undefined, self: Self): boolean {
  return !!url && (url === self.origin || url.startsWith(`${self.origin}/`));
}

/** Classifies a sender as one of our extension pages or a content script on an allowed site. */
export function classifySender(sender: SenderInfo, self: Self): SenderCheck {
  if (!sender || sender.id !== self.id) return { ok: false, reason: 'sender is not this extension' };
  if (isOwnUrl(sender.url, self)) {
    // An extension page: the popup (no tab) or a page opened in a tab of our own origin.
    if (!sender.tab || isOwnUrl(sender.tab.url, self) || sender.tab.url === undefined)
      return { ok: true, sender: { kind: 'page' } };
    return { ok: false, reason: 'extension frame inside a foreign tab' };
  }
  if (!sender.tab) return { ok: false, reason: 'content script without a tab' };
  if (sender.frameId !== 0) return { ok: false, reason: 'only the top frame may send messages' };
  const origin = originOf(sender.url);
  if (!origin) return { ok: false, reason: 'sender has no URL' };
  if (sender.origin !== undefined && sender.origin !== origin) return { ok: false, reason: 'sender origin and URL disagree' };
  const host = new URL(origin).hostname.toLowerCase();
  if (isAmocrmOrigin(origin)) return { ok: true, sender: { kind: 'content', site: 'amocrm', host } };
  if (isInstagramOrigin(origin)) return { ok: true, sender: { kind: 'content', site: 'instagram', host } };
  return { ok: false, reason: `origin ${origin} is not allowed` };
}

/**
 * The only messages a content script may send, per site: each gets what its UI uses (the overlay
 * reads and records deals; the sidebar finds clients by Instagram account and records posts,
 * stories and ticks). Settings come as `settings.view`, without pay or fines.
 */
export const contentScriptTypes: Readonly<Record<'amocrm' | 'instagram', ReadonlySet<MessageType>>> = {
  amocrm: new Set<MessageType>([
    'client.sync',
    'event.record',
    'client.view',
    'board.view',
    'board.sync',
    'client.byInstagram',
    'clients.list',
    'agenda.get',
    'settings.view',
    'plan.today',
    'options.open',
    'dashboard.open',
    'amocrm.permit',
  ]),
  instagram: new Set<MessageType>([
    'event.record',
    'client.byInstagram',
    'client.linkInstagram',
    'instagram.read',
    'clients.list',
    'agenda.get',
    'settings.view',
    'plan.today',
    'options.open',
    'dashboard.open',
  ]),
};

export function mayCall(sender: SenderKind, type: MessageType): boolean {
  return sender.kind === 'page' || contentScriptTypes[sender.site].has(type);
}

/** The amoCRM host a client id belongs to (`smmpro.amocrm.ru:1001` → `smmpro.amocrm.ru`). */
export function hostOfClientId(clientId: string): string {
  const i = clientId.lastIndexOf(':');
  return i > 0 ? clientId.slice(0, i).toLowerCase() : '';
}
