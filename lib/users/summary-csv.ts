import type { SummaryLine } from './batch-summary';
import type { Delimiter } from './csv';

/** The summary as a CSV file's text: a BOM (so spreadsheets read Chinese as UTF-8), then line, user, result, reason. */
export function summaryCsv(lines: readonly SummaryLine[], reasonText: (line: SummaryLine) => string): string {
  const rows = lines.map((l) => [String(l.line), l.user, l.result.replace('-', ' '), reasonText(l)]);
  return `\uFEFF${toCsv([['line', 'user', 'result', 'reason'], ...rows])}\r\n`;
}

/** One field as a spreadsheet writes it: quoted when it holds a quote, the delimiter, a line break or edge spaces. */
function csvField(value: string, delimiter: Delimiter = ','): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ','): string {
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter)).join('\r\n');
}
