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
  style.textContent = `:host{all:initial!important;display:block!important}${css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the overlay must not reach amoCRM's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  return { host, container };
}
