/** The bench's figures and how they are printed: a table, or one JSON document. */
import type { Latency } from './stats.js';

export interface Figure {
  section: 'ingest' | 'queries' | 'reports' | 'export' | 'rss' | 'ui' | 'encryption';
  name: string;
  /** Unit of `ours` and `ideal`: events/s (higher is better), ms, MB or KiB (lower is better). */
  unit: 'events/s' | 'ms' | 'MB' | 'KiB' | 'rows';
  /** The headline figure: events/s, p95 latency, or peak RSS. */
  ours: number;
  ideal: number;
  /** ours / ideal. */
  ratio: number;
  /** The target from the issue, as text (e.g. "p95 <= 5 ms", "ratio >= 0.50"). */
  target: string;
  /** null: informational, no target. */
  pass: boolean | null;
  /** p50 latencies for query figures (the headline is p95). */
  oursP50?: number;
  idealP50?: number;
  note?: string;
}

/** A latency figure: p95 is the headline, p50 rides along; no target makes it informational. */
export function latencyFigure(
  section: Figure['section'],
  name: string,
  ours: Latency,
  ideal: Latency,
  targetMs: number | null,
  note?: string,
): Figure {
  return {
    section,
    name,
    unit: 'ms',
    ours: ours.p95,
    ideal: ideal.p95,
    oursP50: ours.p50,
    idealP50: ideal.p50,
    ratio: ours.p95 / ideal.p95,
    target: targetMs === null ? '-' : `p95 <= ${targetMs} ms`,
    pass: targetMs === null ? null : ours.p95 <= targetMs,
    ...(note === undefined ? {} : { note }),
  };
}

export interface Report {
  meta: Record<string, string | number | boolean>;
  figures: Figure[];
}

function fmt(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'events/s') return Math.round(value).toLocaleString('en-US');
  if (unit === 'MB' || unit === 'rows') return value.toFixed(0);
  if (unit === 'KiB') return value.toFixed(1);
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function cell(figure: Figure, which: 'ours' | 'ideal'): string {
  const p50 = which === 'ours' ? figure.oursP50 : figure.idealP50;
  const headline = fmt(figure[which], figure.unit);
  return p50 === undefined ? headline : `${fmt(p50, figure.unit)} / ${headline}`;
}

function unitLabel(figure: Figure): string {
  return figure.oursP50 === undefined ? figure.unit : 'ms p50 / p95';
}

export function renderTable(report: Report): string {
  const header = ['figure', 'unit', 'ours', 'ideal', 'ours/ideal', 'target', 'ok'];
  const rows = report.figures.map((f) => [
    `${f.section}: ${f.name}`,
    unitLabel(f),
    cell(f, 'ours'),
    cell(f, 'ideal'),
    Number.isFinite(f.ratio) ? f.ratio.toFixed(2) : 'n/a',
    f.target,
    f.pass === null ? '-' : f.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const notes = report.figures.filter((f) => f.note !== undefined).map((f) => `  ${f.section}: ${f.name}: ${f.note}`);
  if (notes.length > 0) out.push('', 'notes:', ...notes);
  out.push('', Object.entries(report.meta).map(([k, v]) => `${k}=${v}`).join('  '));
  return out.join('\n');
}
