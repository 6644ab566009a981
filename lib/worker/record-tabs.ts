// The browser's tabs for the team record's tab route (lib/record/tab-route.ts): the amoCRM tabs
// of one account, a message to a tab's top frame (where the `amocrm-api` script runs), a tab's
// current URL. Host permissions let the worker see amoCRM tabs' URLs.
import { browser } from '../browser/api';
import type { TabLike } from '../record/tab-checks';
import type { TabPort } from '../record/tab-route';

const described = (tab: {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
  discarded?: boolean;
}): TabLike => ({
  id: tab.id,
  url: tab.url,
  active: tab.active,
  lastAccessed: tab.lastAccessed,
  discarded: tab.discarded,
});

export function browserTabPort(): TabPort {
  return {
    async query(origin) {
      try {
        return (await browser.tabs.query({ url: `${origin}/*` })).map(described);
      } catch {
        return [];
      }
    },
    send: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    async get(tabId) {
      try {
        return described(await browser.tabs.get(tabId));
      } catch {
        return null;
      }
    },
  };
}
