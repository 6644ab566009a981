// The amoCRM API client for the overlay and the board (see lib/amocrm/api-port.ts): runs first,
// leaves its factory. It also serves the team record's requests of the worker when no token is
// bound to the account (lib/record/tab-serve.ts): same-origin, with the manager's session, under
// the browser's one request budget of the account (lib/amocrm/request-budget.ts).
import { createAmoApi } from '@/lib/amocrm/api';
import { provideAmoApi, sharedBuckets, withSharedBuckets } from '@/lib/amocrm/api-port';
import { createAmoClient, type AmoClient } from '@/lib/amocrm/client';
import { browser } from '@/lib/browser/api';
import { amocrmMatches } from '@/lib/hosts';
import { sendMessage } from '@/lib/messaging/client';
import { serveTabRequest } from '@/lib/record/tab-serve';

/** The tab's own request gives up after this long (the worker waits a little longer for the answer). */
const TAB_REQUEST_TIMEOUT_MS = 30_000;

export default defineContentScript({
  matches: amocrmMatches,
  runAt: 'document_start',
  main() {
    // Every request takes a permit of the browser's one budget of this account, held by the worker.
    const bucketOf = sharedBuckets(() => sendMessage('amocrm.permit', {}));
    provideAmoApi(withSharedBuckets(createAmoApi, bucketOf));
    const origin = location.origin;
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
    // One client for the tab's life: it remembers a 429, so a 403 soon after reads as a throttling block.
    let made: AmoClient | null = null;
    const client = () => (made ??= createAmoClient({ origin, bucket: bucketOf(origin), timeoutMs: TAB_REQUEST_TIMEOUT_MS }));
    browser.runtime.onMessage.addListener((message: unknown, sender) =>
      serveTabRequest(message, { id: sender.id, url: sender.url, tab: sender.tab }, { self, origin, client }),
    );
  },
});
