import type { Locale } from './locale';

/** A feature's strings in both locales; each feature keeps its own so content scripts stay small. */
export type Messages<K extends string> = Record<Locale, Record<K, string>>;
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function translator<K extends string>(messages: Messages<K>, locale: Locale): Translate<K> {
  const table = messages[locale];
  return (key, vars) => {
    const text = table[key] || messages.ru[key] || key;
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Picks the form for n: Russian needs [one, few, many] («1 день, 2 дня, 5 дней»), English [one, other, other]. */
export function plural(n: number, forms: readonly [string, string, string], locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(n);
  return category === 'one' ? forms[0] : category === 'few' ? forms[1] : forms[2];
}
