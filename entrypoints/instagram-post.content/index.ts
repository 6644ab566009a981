// Post pages (`/p/{code}/`, `/{username}/p/{code}/`, reels alike): the post the manager opens is
// recorded for its client through the worker. A script of its own (the sidebar's is at its size
// budget); it tells the sidebar what came of it through lib/instagram/post-page's channel.
import { instagramMatches } from '@/lib/hosts';
import { sendMessage } from '@/lib/messaging/client';
import { readPostDom } from '@/lib/instagram/dom';
import { postPageChannel, recordPostPage, type PostPageReport } from '@/lib/instagram/post-page';
import { parseInstagramUrl } from '@/lib/instagram/url';

export default defineContentScript({
  matches: instagramMatches,
  main(ctx) {
    let visit = 0;
    let shown = '';
    const go = () => {
      const page = parseInstagramUrl(location.href);
      const key = page.kind === 'post' ? page.shortcode : '';
      if (key === shown) return;
      shown = key;
      const id = ++visit;
      if (page.kind !== 'post') return;
      recordPostPage({
        read: () => readPostDom(document, page.shortcode, page.username),
        // Instagram renders a moment after the URL changes: read again for a few seconds.
        wait: () => new Promise((resolve) => setTimeout(resolve, 250)),
        tries: 24,
        clientByInstagram: (username) => sendMessage('client.byInstagram', { username }),
        record: (event) => sendMessage('event.record', { event }),
        current: () => id === visit && ctx.isValid,
      })
        .then((outcome) => {
          if (!outcome || id !== visit) return;
          const detail: PostPageReport = { shortcode: page.shortcode, outcome };
          postPageChannel().dispatchEvent(new CustomEvent('report', { detail }));
        })
        .catch(() => undefined);
    };
    go();
    ctx.addEventListener(window, 'wxt:locationchange', go);
    ctx.addEventListener(window, 'popstate', go);
    // The Navigation API fires as soon as the URL changes (WXT's event polls once a second).
    const nav = (window as { navigation?: EventTarget }).navigation;
    if (nav) ctx.addEventListener(nav as unknown as Window, 'currententrychange' as 'focus', () => setTimeout(go, 0));
  },
});
