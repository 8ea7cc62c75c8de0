import type { SummaryLine } from './batch-summary';
import { toCsv } from './csv';

/** The summary as a CSV file's text: a BOM (so spreadsheets read Chinese as UTF-8), then line, user, result, reason. */
export function summaryCsv(lines: readonly SummaryLine[], reasonText: (line: SummaryLine) => string): string {
  const rows = lines.map((l) => [String(l.line), l.user, l.result.replace('-', ' '), reasonText(l)]);
  return `\uFEFF${toCsv([['line', 'user', 'result', 'reason'], ...rows])}\r\n`;
}
