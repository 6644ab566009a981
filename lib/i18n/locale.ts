// The interface language is the agency's choice, kept in its settings (`interface.language`):
// Russian unless the agency chose English, whatever language the manager's browser speaks (the
// playbook and the agency's own texts are Russian; a page half in each language helps nobody).
export type Locale = 'ru' | 'en';

export const DEFAULT_LOCALE: Locale = 'ru';

/** The language a stored choice stands for: English only when English was chosen. */
export function resolveLocale(choice: unknown): Locale {
  return choice === 'en' ? 'en' : DEFAULT_LOCALE;
}

/**
 * Where the worker mirrors `settings.interface.language` in `browser.storage.local`, so content
 * scripts and pages learn it (and follow a change live) without asking the worker. The settings
 * are the truth; the worker rewrites the mirror on every start and every settings change.
 */
export const localeStorageKey = 'ui.locale';
