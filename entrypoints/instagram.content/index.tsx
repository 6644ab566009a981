// Instagram content script: a shadow-root sidebar that follows single-page navigation. Thin:
// the state lives in components/sidebar/controller.ts, the logic in lib/instagram.
import { render } from 'preact';
import { effect } from '@preact/signals-core';
import { instagramMatches } from '@/lib/hosts';
import { createController } from '@/components/sidebar/controller';
import { Sidebar } from '@/components/sidebar/Sidebar';
import '@/components/sidebar/sidebar.css';

export default defineContentScript({
  matches: instagramMatches,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const c = createController();
    let stop: (() => void) | undefined;
    const ui = await createShadowRootUi(ctx, {
      name: 'reglament-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        // Signals read while rendering are tracked: any change re-renders the (small) tree.
        stop = effect(() => render(<Sidebar c={c} />, container));
      },
      onRemove(container) {
        stop?.();
        if (container) render(null, container);
      },
    });
    ui.mount();
    await c.init().catch(() => undefined);
    const go = () => {
      try {
        c.navigate(location.href);
      } catch {
        /* never into the page */
      }
    };
    go();
    ctx.addEventListener(window, 'wxt:locationchange', go);
    // The Navigation API fires as soon as the URL changes (WXT's event polls once a second).
    const nav = (window as { navigation?: EventTarget }).navigation;
    if (nav) ctx.addEventListener(nav as unknown as Window, 'currententrychange' as 'focus', () => setTimeout(go, 0));
    ctx.addEventListener(window, 'popstate', go);
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') c.refresh();
    });
    ctx.addEventListener(window, 'resize', () => c.relayout());
    // Clock states (due → overdue) move with time; this re-renders only, it never asks Instagram.
    ctx.setInterval(() => c.tick(), 60_000);
  },
});
