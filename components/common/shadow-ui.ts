// A minimal shadow-root host (WXT's createShadowRootUi pulls ~3 KB gzip of auto-mount code we do
// not use). The entry's CSS (cssInjectionMode 'ui' keeps it out of the page) is loaded once.
import { browser } from 'wxt/browser';

export interface ShadowUi {
  host: HTMLElement;
  container: HTMLElement;
}

export async function createShadowUi(name: string): Promise<ShadowUi> {
  let css = '';
  try {
    css = await (await fetch((browser.runtime.getURL as (path: string) => string)('/content-scripts/amocrm.css'))).text();
  } catch {
    // Unstyled beats absent.
  }
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // `all:initial!important` keeps the page's CSS off the host; an inner `!important` also beats the
  // host's inline style, so the floating placement (no widget column on the page) lives here too.
  style.textContent = `:host{all:initial!important;display:block!important}:host([data-floating=true]){position:fixed!important;right:16px!important;bottom:16px!important;width:320px!important;max-height:80vh!important;overflow:auto!important;z-index:2147483000!important}${css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the overlay must not reach amoCRM's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  return { host, container };
}
