// Instagram content script: the sidebar, following Instagram's single-page navigation. The state
// lives in lib/instagram/session.ts, the mount in components/sidebar/mount.tsx.
import { instagramMatches } from '@/lib/hosts';
import { mountSidebar } from '@/components/sidebar/mount';
import '@/components/sidebar/sidebar.css';

export default defineContentScript({
  matches: instagramMatches,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const sidebar = await mountSidebar(ctx);
    const { c } = sidebar;
    const go = () => {
      try {
        sidebar.navigate(location.href);
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
