// validateSettings speaks English to developers; the options page speaks to the agency. This maps
// each engine message to a sentence in the chosen language, per field path. Unknown messages pass
// through unchanged (better a technical message than none).
import type { Locale } from '../i18n/locale';
import { FIELD_BY_PATH } from './fields';

export interface FieldError {
  path: string;
  message: string;
}

function labelOf(path: string, locale: Locale): string {
  const f = FIELD_BY_PATH.get(path);
  if (!f) return path;
  return locale === 'ru' ? `«${f.label.ru}»` : `“${f.label.en}”`;
}

type Rule = [RegExp, (m: RegExpExecArray, locale: Locale) => string];

const RULES: Rule[] = [
  [
    /^must be HH:MM$/,
    (_, l) => (l === 'ru' ? 'Укажите время в формате ЧЧ:ММ, например 11:00.' : 'Enter a time as HH:MM, e.g. 11:00.'),
  ],
  [
    /^must be a whole number from (-?\d+) to (-?\d+)$/,
    (m, l) => (l === 'ru' ? `Нужно целое число от ${m[1]} до ${m[2]}.` : `Enter a whole number from ${m[1]} to ${m[2]}.`),
  ],
  [
    /^must be a whole amount of tenge ≥ 0$/,
    (_, l) => (l === 'ru' ? 'Нужна целая сумма в тенге, не меньше 0.' : 'Enter a whole amount of tenge, 0 or more.'),
  ],
  [/^must not be empty$/, (_, l) => (l === 'ru' ? 'Поле не может быть пустым.' : 'This cannot be empty.')],
  [
    /^must be a list of at most (\d+) YYYY-MM-DD dates$/,
    (m, l) => (l === 'ru' ? `Нужны даты в формате ГГГГ-ММ-ДД, не больше ${m[1]}.` : `Enter at most ${m[1]} dates as YYYY-MM-DD.`),
  ],
  [
    /^must be an IANA time zone/,
    (_, l) => (l === 'ru' ? 'Неизвестный часовой пояс. Пример: Asia/Almaty.' : 'Unknown time zone. Example: Asia/Almaty.'),
  ],
  [
    /^must list distinct ISO weekdays/,
    (_, l) => (l === 'ru' ? 'Выберите хотя бы один рабочий день.' : 'Choose at least one working day.'),
  ],
  [
    /^must be (first-post or start-date-field|ru or en)$/,
    (_, l) => (l === 'ru' ? 'Выберите один из вариантов.' : 'Choose one of the options.'),
  ],
  [
    /^must be three day counts$/,
    (_, l) =>
      l === 'ru'
        ? 'Нужны три целых числа дней через запятую, например 9, 9, 12.'
        : 'Enter three whole day counts, e.g. 9, 9, 12.',
  ],
  [
    /^must be a list of at most (\d+) distinct HH:MM times$/,
    (m, l) =>
      l === 'ru'
        ? `Нужно время ЧЧ:ММ через запятую, без повторов (не больше ${m[1]}), например 11:00, 19:00.`
        : `Enter at most ${m[1]} distinct HH:MM times separated by commas, e.g. 11:00, 19:00.`,
  ],
  [
    /^must be an e-mail address$/,
    (_, l) =>
      l === 'ru'
        ? 'Нужен адрес электронной почты, например service@smmpro.agency.'
        : 'Enter an e-mail address, e.g. service@smmpro.agency.',
  ],
  [
    /^must be letters, digits or dashes$/,
    (_, l) =>
      l === 'ru'
        ? 'Только латинские буквы, цифры и дефис — например smmpro.'
        : 'Only Latin letters, digits and dashes — e.g. smmpro.',
  ],
  [
    /^must be later than ([\w.]+)$/,
    (m, l) => (l === 'ru' ? `Должно быть позже, чем ${labelOf(m[1]!, l)}.` : `Must be later than ${labelOf(m[1]!, l)}.`),
  ],
  [
    /^must fall inside the period \(([\w.]+)\)$/,
    (m, l) => (l === 'ru' ? `Должно быть меньше, чем ${labelOf(m[1]!, l)}.` : `Must be less than ${labelOf(m[1]!, l)}.`),
  ],
  [/^must be a finite number$|^must be a number$/, (_, l) => (l === 'ru' ? 'Нужно число.' : 'Enter a number.')],
  [
    /^must be at most (\d+) characters$/,
    (m, l) => (l === 'ru' ? `Слишком длинный текст: не больше ${m[1]} знаков.` : `Too long: at most ${m[1]} characters.`),
  ],
  [/^must be a string$/, (_, l) => (l === 'ru' ? 'Нужен текст.' : 'Enter text.')],
  [/^must be a boolean$/, (_, l) => (l === 'ru' ? 'Нужно «да» или «нет».' : 'Must be yes or no.')],
  [/^is missing$/, (_, l) => (l === 'ru' ? 'Значение не задано.' : 'No value given.')],
  [/^unknown setting$/, (_, l) => (l === 'ru' ? 'Неизвестная настройка.' : 'Unknown setting.')],
  [/^must be an object$/, (_, l) => (l === 'ru' ? 'Нужна группа настроек.' : 'Must be a group of settings.')],
  [/^forbidden key$/, (_, l) => (l === 'ru' ? 'Недопустимое имя настройки.' : 'Not an allowed setting name.')],
];

export function localizeError(message: string, locale: Locale): string {
  for (const [re, make] of RULES) {
    const m = re.exec(message);
    if (m) return make(m, locale);
  }
  return message;
}

/** Errors by path, in the chosen language; several errors on one path are joined. */
export function errorsByPath(errors: readonly FieldError[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const text = localizeError(e.message, locale);
    out[e.path] = out[e.path] ? `${out[e.path]} ${text}` : text;
  }
  return out;
}
