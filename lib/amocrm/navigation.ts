// Notices single-page navigation fast: the Navigation API (pushState, back/forward), popstate and
// a MutationObserver on the page (the SPA renders the card a moment after the URL changes).
// WXT's wxt:locationchange (polled once a second) stays as the safety net in the entrypoint.

interface NavigationLike {
  addEventListener(type: 'navigate' | 'navigatesuccess', listener: () => void, options?: { signal?: AbortSignal }): void;
}

/** Calls `check` (coalesced to one call per microtask) whenever the location or the page may have changed. */
export function watchPage(check: () => void, signal: AbortSignal): void {
  let queued = false;
  const schedule = () => {
    if (queued || signal.aborted) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!signal.aborted) check();
    });
  };
  const nav = (globalThis as { navigation?: NavigationLike }).navigation;
  // `navigate` fires before the URL commits; `navigatesuccess` after.
  nav?.addEventListener('navigate', () => setTimeout(schedule, 0), { signal });
  nav?.addEventListener('navigatesuccess', schedule, { signal });
  window.addEventListener('popstate', schedule, { signal });
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
