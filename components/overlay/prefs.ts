// The overlay's preferences in extension storage: the interface language and whether ticks are
// also written to the deal as notes. Read once per page; a reload of the extension under the page
// leaves the defaults.
import { browser } from 'wxt/browser';
import { DEFAULT_LOCALE, localeStorageKey, resolveLocale, type Locale } from '@/lib/i18n/locale';

const WRITE_NOTES_KEY = 'overlay.writeNotes';

export function createOverlayPrefs() {
  const prefs = {
    locale: DEFAULT_LOCALE as Locale,
    writeNotes: false,
    /** Settles once the stored values are read (or could not be). */
    loaded: browser.storage.local.get([localeStorageKey, WRITE_NOTES_KEY]).then(
      (v) => {
        prefs.locale = resolveLocale(v[localeStorageKey]);
        prefs.writeNotes = v[WRITE_NOTES_KEY] === true;
      },
      () => undefined,
    ),
    saveWriteNotes(on: boolean): void {
      prefs.writeNotes = on;
      try {
        void browser.storage.local.set({ [WRITE_NOTES_KEY]: on }).catch(() => undefined);
      } catch {
        // The extension was reloaded under the page (no storage any more): nothing to keep.
      }
    },
  };
  return prefs;
}
