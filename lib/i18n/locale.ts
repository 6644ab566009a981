// The UI speaks Russian unless the manager's browser is English or they chose English.
export type Locale = 'ru' | 'en';
export type LocalePreference = 'auto' | Locale;

export function resolveLocale(preference: LocalePreference | undefined, browserLanguage: string): Locale {
  if (preference === 'ru' || preference === 'en') return preference;
  return browserLanguage.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** Where the preference lives in `browser.storage.local` (a UI choice, not a playbook rule). */
export const localeStorageKey = 'ui.locale';
