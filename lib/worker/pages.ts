// Opening the extension's own pages for a content script (content scripts cannot open them).
import { HandlerError } from '../messaging/errors';
import { optionsAnchor } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';

export type ExtensionPage = 'options.html' | 'dashboard.html';

/** Opens one of the extension's pages in a tab, at an element id (`#new-clients`) or at the top. */
export type OpenPage = (page: ExtensionPage, anchor: string | null) => Promise<void>;

export function createPageHandlers(openPage: OpenPage | undefined): Pick<Handlers, 'options.open' | 'dashboard.open'> {
  return {
    'options.open': async ({ section }) => {
      if (!openPage) throw new HandlerError('failed', 'Cannot open the options page here');
      await openPage('options.html', section ? optionsAnchor(section) : null);
      return { opened: true };
    },
    'dashboard.open': async ({ clientId }) => {
      if (!openPage) throw new HandlerError('failed', 'Cannot open the dashboard here');
      await openPage('dashboard.html', clientId ? `plans/${clientId}` : null);
      return { opened: true };
    },
  };
}
