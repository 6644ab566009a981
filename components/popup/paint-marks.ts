// Performance marks of the popup's first paints (read by the e2e timing test), and the release
// of the first-paint row budget once the first screen is on.
import { useLayoutEffect, useEffect } from 'preact/hooks';
import { budget } from './state';

let marked = false;
let markedFresh = false;

export function usePaintMarks(l: { state: string; fresh?: boolean }): void {
  useLayoutEffect(() => {
    if (l.state === 'ready' && !performance.getEntriesByName('list-committed').length) performance.mark('list-committed');
  });
  useEffect(() => {
    if (l.state === 'ready' && !marked) {
      marked = true;
      performance.mark('agenda-rendered');
      document.body.dataset.rendered = 'true';
      // The first screen is on; the rest of a long list follows in the next task.
      setTimeout(() => (budget.value = Number.POSITIVE_INFINITY), 0);
    }
    if (l.state === 'ready' && l.fresh && !markedFresh) {
      markedFresh = true;
      performance.mark('agenda-fresh');
      document.body.dataset.fresh = 'true';
    }
  });
}
