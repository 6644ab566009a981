// Mounts the Instagram sidebar: the session with the browser's access, the panel's preferences,
// one shadow-root UI at the end of <body>, re-rendered on any signal it reads.
import { render } from 'preact';
import { effect } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import { memoryStore, type KeyValue } from '@/lib/instagram/api';
import { readProfileDom } from '@/lib/instagram/dom';
import { createSidebarSession } from '@/lib/instagram/session';
import { isContextInvalidated, sendMessage } from '@/lib/messaging/client';
import { createShadowUi } from '../common/shadow-ui';
import type { Controller } from './controller';
import { createSidebarPrefs } from './prefs';
import { Sidebar } from './Sidebar';

/** Instagram renders the new page a moment after the URL changes: measure again after this. */
const RELAYOUT_AFTER_MS = 400;

/** `browser.storage.session` when content scripts may use it, else memory (per tab). */
async function sessionStore(): Promise<KeyValue> {
  const session = (
    browser.storage as {
      session?: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    }
  ).session;
  if (session) {
    try {
      await session.get('ig.probe');
      return {
        get: async <T,>(key: string) => (await session.get(key))[key] as T | undefined,
        set: (key, value) => session.set({ [key]: value }),
      };
    } catch {
      /* not exposed to content scripts */
    }
  }
  return memoryStore();
}

const csrfToken = () => /(?:^|;\s*)csrftoken=([^;]+)/.exec(document.cookie)?.[1] ?? null;

export interface MountedSidebar {
  c: Controller;
  /** Follows the page to a new URL (a no-op when the page did not change). */
  navigate(href: string): void;
}

export async function mountSidebar(ctx: ContentScriptContext): Promise<MountedSidebar> {
  const session = createSidebarSession({
    send: sendMessage,
    isInvalidated: isContextInvalidated,
    fetch: (...a) => fetch(...a),
    store: sessionStore,
    csrfToken,
    readPage: () => readProfileDom(document),
    href: () => location.href,
  });
  const prefs = createSidebarPrefs();
  const c: Controller = { ...session, ...prefs };
  const ui = await createShadowUi('reglament-sidebar', 'instagram');
  document.body.append(ui.host);
  // Signals read while rendering are tracked: any change re-renders the (small) tree.
  const stop = effect(() => render(<Sidebar c={c} />, ui.container));
  ctx.onInvalidated(() => {
    stop();
    render(null, ui.container);
    ui.host.remove();
  });
  try {
    await prefs.load();
    session.loadSettings();
  } catch (error) {
    session.invalidated(error);
  }
  return {
    c,
    navigate(href) {
      if (!session.navigate(href)) return;
      const at = performance.now();
      ctx.setTimeout(() => prefs.relayout(at), RELAYOUT_AFTER_MS);
    },
  };
}
