/** Percentiles and the printed table of a bench run. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of `values` (ms); all NaN when empty. */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (p: number) => (n ? sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]! : NaN);
  let sum = 0;
  for (const v of sorted) sum += v;
  return { n, p50: at(50), p95: at(95), p99: at(99), max: n ? sorted[n - 1]! : NaN, mean: n ? sum / n : NaN };
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : '—');
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `×${(a / b).toFixed(1)}` : '—');
export const rate = (v: number, unit: string) => `${v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)} ${unit}`;

/** A markdown table (printed as is: readable on a terminal and pasteable into docs/benchmarks.md). */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Monotonic milliseconds, comparable across worker threads of the process (unlike performance.now()). */
export const now = () => Number(process.hrtime.bigint()) / 1e6;
