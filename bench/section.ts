/**
 * One table of the benchmark report: rows are metrics, columns are servers or anything else.
 * A bench module run by `npm run bench` (bench/guard.ts, bench/export.ts, bench/browser.ts)
 * exports `benchSection(): Promise<BenchSection | BenchSection[]>`; `data` goes to the JSON as is.
 */
export interface BenchSection {
  title: string;
  columns: string[];
  rows: { metric: string; values: string[] }[];
  note?: string;
  data?: unknown;
}

export type SectionRunner = () => Promise<BenchSection | BenchSection[]>;

/** Fixed decimals; '–' for a figure that could not be measured. */
export function fmt(n: number | null | undefined, digits = 1): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '–';
}

/** A Markdown table padded for reading in a terminal (Markdown renderers ignore the padding). */
export function renderSection(s: BenchSection): string {
  const head = [s.title, ...s.columns];
  const body = s.rows.map((r) => [r.metric, ...s.columns.map((_, i) => r.values[i] ?? '')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length), 3));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  const table = [line(head), rule, ...body.map(line)].join('\n');
  return s.note ? `${table}\n\n${s.note}` : table;
}
