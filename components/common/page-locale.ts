// The interface language of the extension pages (popup, options, dashboard): the agency's choice in
// settings, which the worker mirrors to 'ui.locale' in browser.storage.local; followed live so
// every open page switches together when the options page changes it.
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { DEFAULT_LOCALE, localeStorageKey, resolveLocale, type Locale } from '@/lib/i18n/locale';

export const locale = signal<Locale>(DEFAULT_LOCALE);
/** The page's tab title in each language (the HTML file's title is Russian). */
let titles: Record<Locale, string> | null = null;

/** Sets the page's language (also what a page that has just read the settings knows best). */
export function applyLocale(choice: unknown): void {
  locale.value = resolveLocale(choice);
  document.documentElement.lang = locale.value;
  if (titles) document.title = titles[locale.value];
}

let started: Promise<void> | null = null;

/** Reads the mirrored choice once and follows changes made on any page. */
export function startLocale(pageTitles?: Record<Locale, string>): Promise<void> {
  titles = pageTitles ?? titles;
  started ??= (async () => {
    try {
      const stored = await browser.storage.local.get(localeStorageKey);
      applyLocale(stored[localeStorageKey]);
    } catch {
      applyLocale(DEFAULT_LOCALE);
    }
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && localeStorageKey in changes) applyLocale(changes[localeStorageKey]!.newValue);
    });
  })();
  return started;
}
