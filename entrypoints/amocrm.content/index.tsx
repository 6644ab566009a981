// amoCRM content script: the Reglament overlay on deal cards (single-page app: it follows
// location changes and mounts on every card, unmounts when the card is left).
import '@/components/overlay/overlay.css';
import { amocrmMatches } from '@/lib/hosts';
import { startOverlay } from './app';

export default defineContentScript({
  matches: amocrmMatches,
  cssInjectionMode: 'ui',
  main(ctx) {
    document.documentElement.dataset.reglamentInjected = String(performance.now());
    startOverlay(ctx);
  },
});
