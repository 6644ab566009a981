// The UI language of the extension pages (popup, options, dashboard): 'ui.locale' in
// browser.storage.local (auto / ru / en), followed live so every open page switches together.
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { localeStorageKey, resolveLocale, type Locale, type LocalePreference } from '@/lib/i18n/locale';

export const localePreference = signal<LocalePreference>('auto');
export const locale = signal<Locale>(resolveLocale('auto', navigator.language));

function apply(pref: unknown): void {
  const p: LocalePreference = pref === 'ru' || pref === 'en' ? pref : 'auto';
  localePreference.value = p;
  locale.value = resolveLocale(p, navigator.language);
  document.documentElement.lang = locale.value;
}

let started: Promise<void> | null = null;

/** Reads the preference once and follows changes made on any page. */
export function startLocale(): Promise<void> {
  started ??= (async () => {
    try {
      const stored = await browser.storage.local.get(localeStorageKey);
      apply(stored[localeStorageKey]);
    } catch {
      apply('auto');
    }
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && localeStorageKey in changes) apply(changes[localeStorageKey]!.newValue);
    });
  })();
  return started;
}

export async function setLocalePreference(pref: LocalePreference): Promise<void> {
  apply(pref);
  await browser.storage.local.set({ [localeStorageKey]: pref });
}
