// Formatting for the load benchmarks' reports (bench/notes.ts, bench/cluster.ts).
import os from 'node:os';

export const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
export const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
export const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '-');
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
export const quad = (s: { p50: number; p95: number; p99: number; max: number }) => `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)} / ${f(s.max)}`;

/** Prints a table: the first column left-aligned (labels), the others right-aligned. */
export function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}
