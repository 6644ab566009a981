// The dashboard's UI language: 'ui.locale' in browser.storage.local (auto / ru / en), followed live.
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { localeStorageKey, resolveLocale, type Locale, type LocalePreference } from '@/lib/i18n/locale';

export const locale = signal<Locale>(resolveLocale('auto', navigator.language));

function apply(pref: unknown): void {
  const p: LocalePreference = pref === 'ru' || pref === 'en' ? pref : 'auto';
  locale.value = resolveLocale(p, navigator.language);
  document.documentElement.lang = locale.value;
}

export async function startLocale(): Promise<void> {
  try {
    apply((await browser.storage.local.get(localeStorageKey))[localeStorageKey]);
  } catch {
    apply('auto');
  }
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && localeStorageKey in changes) apply(changes[localeStorageKey]!.newValue);
  });
}

export async function setLocale(next: Locale): Promise<void> {
  apply(next);
  await browser.storage.local.set({ [localeStorageKey]: next });
}
