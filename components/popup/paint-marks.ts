// Performance marks of the popup's first paints (read by the bench), and the release of the
// first-paint row budget once the worker's whole agenda is on screen: the rest of a long list
// follows a chunk per task, so neither the worker's answer nor a click waits behind a thousand rows.
import { useLayoutEffect, useEffect } from 'preact/hooks';
import { budget } from './state';

/** Rows added per task after the first screen (300 clients ≈ 1 000 rows: about ten short tasks). */
const ROWS_PER_TASK = 100;

let marked = false;
let markedFresh = false;
let growing = false;

function grow(rows: number): void {
  if (budget.value >= rows) {
    budget.value = Number.POSITIVE_INFINITY;
    return;
  }
  budget.value += ROWS_PER_TASK;
  setTimeout(() => grow(rows), 0);
}

/** `rows`: the agenda's rows in all sections (the budget's end); `whole`: not just its first screen. */
export function usePaintMarks(ready: boolean, fresh: boolean, rows: number, whole: boolean): void {
  useLayoutEffect(() => {
    if (ready && !performance.getEntriesByName('list-committed').length) performance.mark('list-committed');
  });
  useEffect(() => {
    if (ready && !marked) {
      marked = true;
      performance.mark('agenda-rendered');
      document.body.dataset.rendered = 'true';
    }
    if (ready && fresh && !markedFresh) {
      markedFresh = true;
      performance.mark('agenda-fresh');
      document.body.dataset.fresh = 'true';
    }
    if (ready && fresh && whole && !growing) {
      growing = true;
      performance.mark('agenda-whole');
      setTimeout(() => grow(rows), 0);
    }
  });
}
