// The chip of one deal card as text: tone, countdown, accessible label. Pure (Intl only), so the
// board paints it without asking anyone and tests check it without a browser.
import { formatDuration } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import type { BoardEntry } from '../../model/board';

export type ChipTone = 'calm' | 'warn' | 'breach';

export interface ChipModel {
  tone: ChipTone;
  /** The countdown as shown: «2 ч 10 мин», «просрочено на 3 ч». */
  text: string;
  /** The clock stands still (working-time rule outside working hours). */
  paused: boolean;
  /** The obligation's title (hover and focus). */
  title: string;
  /** Overdue obligations, shown as a small count when there are several. */
  overdue: number;
  /** The whole chip in words, for screen readers. */
  label: string;
}

export const CHIP_TEXT = {
  ru: {
    overdue: 'просрочено на {time}',
    left: 'осталось {time}',
    paused: 'часы стоят: нерабочее время',
    several: 'просрочено обязательств: {count}',
    label: 'Reglament: {title}',
    column: 'просрочено: {count}',
    columnLabel: 'Просрочено сделок в этапе: {count}',
    offline: 'Reglament: amoCRM не отвечает, показаны сохранённые сроки',
    listColumn: 'Регламент',
  },
  en: {
    overdue: 'overdue by {time}',
    left: '{time} left',
    paused: 'clock stopped: outside working hours',
    several: 'overdue obligations: {count}',
    label: 'Reglament: {title}',
    column: 'overdue: {count}',
    columnLabel: 'Overdue deals in this stage: {count}',
    offline: 'Reglament: amoCRM is not answering, showing saved deadlines',
    listColumn: 'Reglament',
  },
} as const;

export type ChipTextKey = keyof (typeof CHIP_TEXT)['ru'];

export function chipText(locale: Locale, key: ChipTextKey, values: Record<string, string | number> = {}): string {
  return CHIP_TEXT[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const HOUR = 3_600_000;

/** The chip of an entry at `now`; null when the deal has nothing open with a deadline. `working`: working hours now. */
export function chipOf(entry: BoardEntry, now: number, working: boolean, locale: Locale): ChipModel | null {
  const top = entry.top;
  if (!top) return null;
  const left = top.dueAt - now;
  const tone: ChipTone = left < 0 ? 'breach' : left < HOUR ? 'warn' : 'calm';
  const paused = !working && top.workingTime && left >= 0;
  const time = formatDuration(left, locale);
  const text = left < 0 ? chipText(locale, 'overdue', { time }) : time;
  const parts = [chipText(locale, 'label', { title: top.title }), left < 0 ? text : chipText(locale, 'left', { time })];
  if (paused) parts.push(chipText(locale, 'paused'));
  if (entry.overdue > 1) parts.push(chipText(locale, 'several', { count: entry.overdue }));
  return { tone, text, paused, title: top.title, overdue: entry.overdue, label: parts.join('. ') };
}

/** Deals of a column with something overdue (the column head's summary). */
export function overdueDeals(entries: Iterable<BoardEntry | undefined>, now: number): number {
  let n = 0;
  for (const e of entries) if (e && (e.overdue > 0 || (e.top !== null && e.top.dueAt < now))) n++;
  return n;
}
