// CSV export of a month. Format (for Excel in ru/kz locales):
// - UTF-8 with a byte-order mark (U+FEFF first), so Excel opens Cyrillic correctly;
// - `;` as the separator (Excel in ru locales expects it: `,` is the decimal comma there);
// - CRLF line ends; a field is quoted ("…", inner quotes doubled) when it holds `;`, `"`, CR or LF;
// - amounts are plain integers in tenge (no spaces, no ₸) so Excel sums them; dates are local
//   `YYYY-MM-DD HH:mm` in the agency zone.
import type { Locale } from '../i18n/locale';
import { plural } from '../i18n/translate';
import type { PayrollLineKind } from '../payroll/types';
import type { DashboardMonth, Outcome, RecordRow } from './types';

export const BOM = '\uFEFF';
export const SEP = ';';

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return BOM + rows.map((r) => r.map(csvField).join(SEP)).join('\r\n') + '\r\n';
}

/** Parses what toCsv writes (tests, and checking a download against the screen). */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === SEP) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && src[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const lineLabels: Record<Locale, Record<PayrollLineKind | 'total', string>> = {
  ru: {
    base: 'Оклад',
    renewals: 'Продления',
    losses: 'Потерянные клиенты',
    refunds: 'Возвраты в первые {days}',
    kept: 'Без возврата после {daysGen}',
    fines: 'Штрафы',
    'best-manager': 'Лучший менеджер месяца',
    total: 'Итого',
  },
  en: {
    base: 'Base salary',
    renewals: 'Renewals',
    losses: 'Lost clients',
    refunds: 'Refunds within {days}',
    kept: 'Kept past day {n}',
    fines: 'Fines',
    'best-manager': 'Best manager of the month',
    total: 'Total',
  },
};

/** A payroll line's label; the refund window comes from settings.motivation.refundWindowDays. */
export function lineLabel(locale: Locale, kind: PayrollLineKind | 'total', refundWindowDays: number): string {
  const n = refundWindowDays;
  const days = locale === 'ru' ? `${n} ${plural(n, ['день', 'дня', 'дней'], locale)}` : `${n} ${n === 1 ? 'day' : 'days'}`;
  const daysGen = `${n} ${plural(n, ['дня', 'дней', 'дней'], locale)}`;
  return lineLabels[locale][kind].replace('{days}', days).replace('{daysGen}', daysGen).replace('{n}', String(n));
}

export const outcomeLabels: Record<Locale, Record<Outcome, string>> = {
  ru: { met: 'Выполнено', 'met-late': 'С опозданием', missed: 'Пропущено', open: 'В работе' },
  en: { met: 'Met', 'met-late': 'Met late', missed: 'Missed', open: 'Open' },
};

const head: Record<Locale, { section1: string[]; section2: string[]; month: string; manager: string }> = {
  ru: {
    month: 'Месяц',
    manager: 'Менеджер',
    section1: ['Менеджер', 'Статья', 'Количество', 'Сумма, ₸', 'Клиенты'],
    section2: ['Клиент', 'Менеджер', 'Правило', 'Обязательство', 'Срок', 'Выполнено', 'Итог', 'Опоздание, мин'],
  },
  en: {
    month: 'Month',
    manager: 'Manager',
    section1: ['Manager', 'Item', 'Count', 'Amount, ₸', 'Clients'],
    section2: ['Client', 'Manager', 'Rule', 'Obligation', 'Due', 'Done', 'Outcome', 'Late by, min'],
  },
};

/** `YYYY-MM-DD HH:mm` in the zone. */
export function localStamp(at: number | null, timeZone: string): string {
  if (at === null) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * The month's CSV: the payroll of the chosen managers (one row per line and a total row each),
 * an empty row, then the record rows given (already filtered as on screen).
 */
export function monthCsv(
  data: DashboardMonth,
  options: { locale: Locale; managerIds?: Array<number | null>; record?: readonly RecordRow[] },
): string {
  const { locale } = options;
  const h = head[locale];
  const names = new Map(data.clients.map((c) => [c.id, c.name]));
  const managers = options.managerIds
    ? data.payroll.managers.filter((m) => options.managerIds!.includes(m.managerId))
    : data.payroll.managers;
  const rows: Array<Array<string | number | null>> = [[h.month, data.month], h.section1];
  for (const m of managers) {
    for (const l of m.lines)
      rows.push([
        m.managerName,
        lineLabel(locale, l.kind, data.refundWindowDays),
        l.count,
        l.amount,
        l.clientIds.map((id) => names.get(id) ?? id).join(', '),
      ]);
    rows.push([m.managerName, lineLabel(locale, 'total', data.refundWindowDays), null, m.total, null]);
  }
  rows.push([]);
  rows.push(h.section2);
  for (const r of options.record ?? data.record) {
    rows.push([
      r.clientName,
      r.managerName,
      r.rule,
      r.title,
      localStamp(r.dueAt, data.timeZone),
      localStamp(r.metAt, data.timeZone),
      outcomeLabels[locale][r.outcome],
      r.lateBy === null ? null : Math.floor(r.lateBy / 60_000),
    ]);
  }
  return toCsv(rows);
}

export function csvFileName(month: string, managerName?: string): string {
  const who = managerName ? `-${managerName.replace(/[^\p{L}\p{N}]+/gu, '_')}` : '';
  return `reglament-${month}${who}.csv`;
}
