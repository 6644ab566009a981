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

/** `name` is the host element's tag; `entry` names the content script whose CSS is loaded. */
export async function createShadowUi(name: string, entry: 'amocrm' | 'instagram'): Promise<ShadowUi> {
  let css = '';
  try {
    css = await (await fetch((browser.runtime.getURL as (path: string) => string)(`/content-scripts/${entry}.css`))).text();
  } catch {
    // Unstyled beats absent.
  }
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: shadowMode });
  const style = document.createElement('style');
  // `all:initial!important` keeps the page's CSS off the host; the entry's own `:host` rules follow
  // and win (same importance, later).
  style.textContent = `:host{all:initial!important;display:block!important}${css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  return { host, container };
}
