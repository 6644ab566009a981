// amoCRM content script: the Reglament overlay on deal cards (single-page app: it follows
// location changes and mounts on every card, unmounts when the card is left). The state lives in
// lib/amocrm/session.ts, the mount in components/overlay/mount.tsx.
import '@/components/overlay/overlay.css';
import { amocrmMatches } from '@/lib/hosts';
import { mountOverlay } from '@/components/overlay/mount';
import { markForTests } from '@/components/common/build-mode';

export default defineContentScript({
  matches: amocrmMatches,
  cssInjectionMode: 'ui',
  // From the document's start, so the deal's last known state is read while the page still loads
  // (components/overlay/mount.tsx); nothing touches the card before it is parsed.
  runAt: 'document_start',
  main(ctx) {
    // The bench's start mark (test build only: the shipped build leaves no marks on the page).
    markForTests(document.documentElement, 'reglamentInjected', String(performance.now()));
    mountOverlay(ctx);
  },
});
