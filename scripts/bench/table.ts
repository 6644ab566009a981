// Bench figures: every row is a list of runs, printed with its median and p90, its budgets, and
// one verdict line per budget after the table (the machine's load beside them: timings on a
// shared machine are only comparable with their load).
import { availableParallelism, loadavg } from 'node:os';

/** A limit on one statistic of a row. */
export interface Budget {
  /** `value`: a row of one figure (a size). */
  stat: 'median' | 'p90' | 'value';
  max: number;
}

export interface BenchRow {
  name: string;
  /** Every run's figure (one for a size). */
  runs: number[];
  unit: string;
  budgets?: Budget[];
  /** Shown after the figures: what the row is compared with (an empty probe measured in the same run). */
  beside?: string;
}

export interface Verdict {
  row: string;
  stat: Budget['stat'];
  value: number;
  max: number;
  unit: string;
  ok: boolean;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile (p in 0…1). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function statOf(row: Pick<BenchRow, 'runs'>, stat: Budget['stat']): number {
  return stat === 'p90' ? percentile(row.runs, 0.9) : median(row.runs);
}

export function verdicts(rows: readonly BenchRow[]): Verdict[] {
  return rows.flatMap((row) =>
    (row.budgets ?? []).map((b) => {
      const value = statOf(row, b.stat);
      return { row: row.name, stat: b.stat, value, max: b.max, unit: row.unit, ok: value <= b.max };
    }),
  );
}

/** The machine the figures come from. */
export function machineLine(): string {
  const [one, five, fifteen] = loadavg().map((x) => x.toFixed(1));
  return `machine: ${availableParallelism()} cores, load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min)`;
}

/** Prints the table and the verdicts; returns whether every budget holds. */
export function printTable(rows: readonly BenchRow[]): boolean {
  const lines = rows.map((row) => {
    const one = row.runs.length === 1;
    return [
      row.name,
      String(row.runs.length),
      `${fmt(median(row.runs))} ${row.unit}`,
      one ? '' : `${fmt(percentile(row.runs, 0.9))} ${row.unit}`,
      (row.budgets ?? []).map((b) => `${b.stat === 'value' ? '' : `${b.stat} `}≤ ${fmt(b.max)}`).join(', ') || '—',
      row.beside ?? '',
    ];
  });
  const header = ['benchmark', 'runs', 'median', 'p90', 'budget', 'beside it'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(machineLine());
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  const all = verdicts(rows);
  console.log('');
  for (const v of all)
    console.log(
      `${v.ok ? 'ok  ' : 'OVER'}  ${v.row}: ${v.stat === 'value' ? '' : `${v.stat} `}${fmt(v.value)} ${v.unit} (budget ≤ ${fmt(v.max)} ${v.unit})`,
    );
  return all.every((v) => v.ok);
}

function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
