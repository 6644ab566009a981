// The amoCRM API client for the overlay and the board (see lib/amocrm/api-port.ts): runs first, leaves its factory.
import { createAmoApi } from '@/lib/amocrm/api';
import { provideAmoApi, withSharedBuckets } from '@/lib/amocrm/api-port';
import { amocrmMatches } from '@/lib/hosts';

export default defineContentScript({
  matches: amocrmMatches,
  runAt: 'document_start',
  main() {
    provideAmoApi(withSharedBuckets(createAmoApi));
  },
});
