// The one way our content scripts put UI into a page: a custom element with a shadow root, the
// entry's CSS inside it (cssInjectionMode 'ui' keeps it out of the page), the page's CSS kept off
// the host, and keys typed in our UI kept from the page's shortcuts. Smaller than WXT's
// createShadowRootUi (~3 KB gzip of auto-mount code we do not use).
import { shadowMode } from './build-mode';
import { browser } from 'wxt/browser';

export interface ShadowUi {
  host: HTMLElement;
  container: HTMLElement;
}

type Entry = 'amocrm' | 'instagram';

/** Where the entry's CSS is kept between page loads. */
const cssKey = (entry: Entry) => `ui.css:${entry}`;

async function fetchCss(entry: Entry): Promise<string | null> {
  try {
    return await (await fetch((browser.runtime.getURL as (path: string) => string)(`/content-scripts/${entry}.css`))).text();
  } catch {
    return null;
  }
}

async function storedCss(entry: Entry): Promise<string | null> {
  try {
    const css = (await browser.storage.local.get(cssKey(entry)))[cssKey(entry)];
    return typeof css === 'string' ? css : null;
  } catch {
    return null;
  }
}

const hostCss = (css: string) =>
  // `all:initial!important` keeps the page's CSS off the host; the entry's own `:host` rules follow
  // and win (same importance, later).
  `:host{all:initial!important;display:block!important}${css.replaceAll(':root', ':host')}`;

/**
 * `name` is the host element's tag; `entry` names the content script whose CSS is loaded. While the
 * page loads, fetching the CSS file took 60–150 ms, longer than the rest of the first paint
 * (scripts/bench/pages.ts): the last page's copy in extension storage comes in one short read, and
 * the file's fetch then replaces it when it changed (an update of the extension).
 */
export async function createShadowUi(name: string, entry: Entry): Promise<ShadowUi> {
  const fetched = fetchCss(entry);
  const stored = await storedCss(entry);
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: shadowMode });
  const style = document.createElement('style');
  const first = stored ?? (await fetched) ?? '';
  style.textContent = hostCss(first);
  void fetched.then((css) => {
    if (css === null || css === stored) return;
    if (css !== first) style.textContent = hostCss(css);
    browser.storage.local.set({ [cssKey(entry)]: css }).catch(() => undefined);
  });
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  return { host, container };
}
