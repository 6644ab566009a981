// One row per measured figure, printed as a table with its budget and a verdict.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The budget in the same unit; null when the figure is reported for comparison only. */
  budget: number | null;
}

export function printTable(rows: BenchRow[]): boolean {
  const lines = rows.map((row) => [
    row.name,
    `${round(row.value)} ${row.unit}`,
    row.budget === null ? '—' : `≤ ${round(row.budget)} ${row.unit}`,
    row.budget === null ? '' : row.value <= row.budget ? 'ok' : 'OVER',
  ]);
  const header = ['benchmark', 'measured', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  return rows.every((row) => row.budget === null || row.value <= row.budget);
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
