// The agency's texts in the interface language. A text still at its default — the Russian one or
// the English one, whichever was saved — shows the default of the chosen language; a text the
// agency edited shows as written, in both languages (the product cannot translate the agency's
// own words). Only for showing: amoCRM is matched by the stored names.
import { resolveLocale, type Locale } from '../i18n/locale';
import { defaultSettings, defaultTextsEn } from './defaults';
import type { Settings } from './settings-types';

/** The interface language the settings chose (Russian for settings from before the choice existed). */
export function languageOf(settings: { interface?: { language?: unknown } }): Locale {
  return resolveLocale(settings.interface?.language);
}

/** One text as shown in `locale`: the default of that language when the text is still a default. */
export function shownText(value: string, ru: string, en: string, locale: Locale): string {
  return value === ru || value === en ? (locale === 'en' ? en : ru) : value;
}

type Tree = { [key: string]: unknown };
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function localize(value: unknown, ru: unknown, en: unknown, locale: Locale): unknown {
  if (typeof value === 'string' && typeof ru === 'string' && typeof en === 'string') return shownText(value, ru, en, locale);
  if (!isTree(value) || !isTree(ru) || !isTree(en)) return value;
  let out: Tree | null = null;
  for (const key of Object.keys(en)) {
    const next = localize(value[key], ru[key], en[key], locale);
    if (next !== value[key]) (out ??= { ...value })[key] = next;
  }
  return out ?? value;
}

const cache: Record<Locale, WeakMap<object, unknown>> = { ru: new WeakMap(), en: new WeakMap() };

/**
 * The settings with every default text in `locale` (the settings' own language unless told):
 * people, amoCRM names and templates. Cached per settings object; unchanged groups keep identity.
 */
export function shownSettings<S extends Partial<Settings>>(settings: S, locale: Locale = languageOf(settings)): S {
  let shown = cache[locale].get(settings) as S | undefined;
  if (!shown) cache[locale].set(settings, (shown = localize(settings, defaultSettings, defaultTextsEn, locale) as S));
  return shown;
}
