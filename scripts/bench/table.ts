// Prints the benchmark table. Column widths count CJK characters as two cells so Chinese labels line up.

export interface BenchRow {
  measure: string;
  value: string;
  /** The ceiling from DESIGN §8, or '—' for an informational row. */
  budget: string;
  /** The ratio to the budget or to the baseline measured in the same run, and the verdict. */
  verdict: string;
}

const HEADER: BenchRow = { measure: 'measure', value: 'value', budget: 'budget', verdict: 'ratio / verdict' };
const COLUMNS = ['measure', 'value', 'budget', 'verdict'] as const;

function cells(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - cells(text)));

/** A Markdown-compatible table, aligned for a terminal. */
export function formatTable(rows: readonly BenchRow[]): string {
  const all = [HEADER, ...rows];
  const widths = COLUMNS.map((c) => Math.max(...all.map((r) => cells(r[c]))));
  const line = (r: BenchRow) => `| ${COLUMNS.map((c, i) => pad(r[c], widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}
