// Subscribes a component to a Readable (lib/amocrm/store.ts): re-renders when it changes.
import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { Readable } from '@/lib/amocrm/store';

export function useStore<T>(source: Readable<T>): T {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const value = source.get();
  // A layout effect subscribes right after the render commits. A plain effect waits for the next
  // animation frame, and Chromium runs none while a long page is still parsing: the deal's view,
  // answered by then, stayed off the card until after DOMContentLoaded.
  useLayoutEffect(() => {
    // A change between render and subscription is caught here.
    if (!Object.is(source.get(), value)) bump(0);
    return source.subscribe(() => bump(0));
  }, [source]);
  return value;
}
