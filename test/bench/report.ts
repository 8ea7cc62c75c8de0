// The benchmark's figures: each a measurement against its baseline from the same run, the ratio,
// and the target. Printed as a Markdown table (ready for the README) and kept as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatKB, type Closure } from './bundle-sizes.ts';
import { TIMINGS, type SizeSpec, type TimingId } from './figures.ts';
import { median } from './series.ts';

interface FigureBase {
  id: string;
  /** As in the table. */
  figure: string;
  /** What is measured, what the baseline is, and how both are timed or sized. */
  how: string;
  ratio: number;
  meetsTarget: boolean;
}

export interface TimingFigure extends FigureBase {
  unit: 'ms';
  /** Medians. */
  measured: number;
  baseline: number;
  target: { maxRatio: number };
  runs: { measured: number[]; baseline: number[] };
  /** For opens: the URL of the tab the product created (token left out). */
  openedUrl?: string;
}

export interface SizeFigure extends FigureBase {
  unit: 'bytes';
  /** gzip bytes of the closure; baseline: the floor named in `how`. */
  measured: number;
  baseline: number;
  target: { maxBytes: number };
  files: Closure['files'];
  lazy: Closure['lazy'];
}

export type Figure = TimingFigure | SizeFigure;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function timingFigure(
  id: TimingId,
  runs: { measured: number[]; baseline: number[] },
  openedUrl?: string,
): TimingFigure {
  const { figure, how, maxRatio } = TIMINGS[id];
  const measured = median(runs.measured);
  const baseline = median(runs.baseline);
  const ratio = round(measured / baseline, 2);
  return {
    id,
    figure,
    how,
    unit: 'ms',
    measured: round(measured),
    baseline: round(baseline),
    ratio,
    target: { maxRatio },
    meetsTarget: ratio <= maxRatio,
    runs: { measured: runs.measured.map((v) => round(v)), baseline: runs.baseline.map((v) => round(v)) },
    ...(openedUrl !== undefined && { openedUrl }),
  };
}

export function sizeFigure(spec: SizeSpec, closure: Closure, floorBytes: number, maxBytes: number): SizeFigure {
  return {
    id: `${spec.closure}-gzip`,
    figure: spec.figure,
    how: spec.how,
    unit: 'bytes',
    measured: closure.gzipBytes,
    baseline: floorBytes,
    ratio: round(closure.gzipBytes / floorBytes, 2),
    target: { maxBytes },
    meetsTarget: closure.gzipBytes <= maxBytes,
    files: closure.files,
    lazy: closure.lazy,
  };
}

function cells(figure: Figure): string[] {
  const value = (n: number) => (figure.unit === 'ms' ? `${n.toFixed(1)} ms` : formatKB(n));
  const target = 'maxRatio' in figure.target ? `<= ${figure.target.maxRatio}x` : `<= ${formatKB(figure.target.maxBytes)}`;
  const ratio = `${figure.ratio.toFixed(2)}x`;
  return [figure.figure, value(figure.measured), value(figure.baseline), ratio, target, figure.meetsTarget ? 'yes' : 'no'];
}

/** The figures as a Markdown table. */
export function table(figures: Figure[]): string {
  const rows = [['figure', 'measured', 'baseline', 'ratio', 'target', 'met'], ...figures.map(cells)];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function writeJson(file: string, content: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
