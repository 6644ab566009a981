// The sidebar's own preferences: collapsed or open (remembered apart for wide and narrow windows),
// where the panel fits (measured from Instagram's layout), the interface language.
import { signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import { isContextInvalidated } from '@/lib/messaging/client';
import { DEFAULT_LOCALE, localeStorageKey, resolveLocale, type Locale } from '@/lib/i18n/locale';
import { measureLayout, type PanelLayout } from './layout';

const collapsedKey = 'sidebar.collapsed';
type CollapsedPref = { wide?: boolean; narrow?: boolean };

export function createSidebarPrefs() {
  const collapsed = signal(true);
  const layout = signal<PanelLayout>({ docked: false, width: 300, top: 16 });
  const locale = signal<Locale>(DEFAULT_LOCALE);
  let pref: CollapsedPref = {};
  /** When the manager last opened or folded the panel (performance.now()). */
  let toggledAt = Number.NEGATIVE_INFINITY;

  /**
   * Re-measures where the panel fits; the default (or the remembered choice) follows. A choice the
   * manager made after `since` (the navigation this re-measure follows) is kept, and remembered for
   * the layout measured now: a click while the new page was rendering is not undone.
   */
  function relayout(since = Number.POSITIVE_INFINITY): void {
    const next = measureLayout();
    const prev = layout.value;
    if (next.docked !== prev.docked || next.width !== prev.width || next.top !== prev.top) layout.value = next;
    const kind = next.docked ? 'wide' : 'narrow';
    if (toggledAt >= since) remember({ ...pref, [kind]: collapsed.value });
    else collapsed.value = pref[kind] ?? !next.docked;
  }

  function remember(next: CollapsedPref): void {
    pref = next;
    try {
      browser.storage.local.set({ [collapsedKey]: pref }).catch(() => undefined);
    } catch {
      /* the extension was reloaded under the page */
    }
  }

  /** Reads the stored preferences; rejects when the extension was reloaded under the page. */
  async function load(): Promise<void> {
    try {
      const got = await browser.storage.local.get([collapsedKey, localeStorageKey]);
      // A toggle made while this read was under way is the manager's newer choice: it wins.
      pref = { ...((got[collapsedKey] as CollapsedPref | undefined) ?? {}), ...pref };
      locale.value = resolveLocale(got[localeStorageKey]);
    } catch (error) {
      if (isContextInvalidated(error)) throw error;
    }
    relayout();
  }

  function toggle(): void {
    collapsed.value = !collapsed.value;
    toggledAt = performance.now();
    remember({ ...pref, [layout.value.docked ? 'wide' : 'narrow']: collapsed.value });
  }

  return { collapsed, layout, locale, load, relayout, toggle };
}

export type SidebarPrefs = ReturnType<typeof createSidebarPrefs>;
