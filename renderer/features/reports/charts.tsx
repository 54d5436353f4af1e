/**
 * The reports' charts, drawn by recharts as SVG (sharp at any print size, its labels text).
 * Each is a picture of the table below it, which carries the figures for a screen reader,
 * so the chart is one image with a description rather than a second, clumsier table.
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

/** Mid-tone colours that read on a light page, a dark window and paper alike. */
export const COLOURS = {
  blue: '#4f6bed',
  teal: '#2a9d8f',
  amber: '#e0a030',
  green: '#3c9a5f',
  red: '#d1495b',
  grey: '#8a93a2',
  purple: '#8b6fd6',
} as const;

export interface Series<Datum> {
  key: keyof Datum & string;
  name: string;
  colour: string;
}

const AXIS_TICK = { fontSize: 12 };
const MAX_LABEL = 24;

function shortLabel(value: unknown): string {
  const text = String(value ?? '');
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

export function ChartFigure({ description, caption, children }: { description: string; caption?: string; children: ReactNode }) {
  return (
    <figure className="report-chart">
      <div role="img" aria-label={description}>
        {children}
      </div>
      {caption !== undefined && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

/** Bars across, one category a row: for names (jobs, stages, people) that need room. */
export function BarsAcross<Datum extends object>({
  data,
  category,
  series,
  stacked = false,
  labels,
}: {
  data: readonly Datum[];
  category: keyof Datum & string;
  series: readonly Series<Datum>[];
  stacked?: boolean;
  /** A label at the end of the last series' bars (e.g. a conversion rate). */
  labels?: keyof Datum & string;
}) {
  const height = Math.max(120, data.length * (stacked || series.length === 1 ? 30 : 22 * series.length) + 40);
  return (
    <>
      <BarChart layout="vertical" data={[...data] as Record<string, unknown>[]} responsive style={{ width: '100%', height }} margin={{ top: 4, right: 48, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
        <YAxis type="category" dataKey={category as string} width={200} interval={0} tick={AXIS_TICK} tickFormatter={shortLabel} />
        <Tooltip isAnimationActive={false} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key as string} name={s.name} fill={s.colour} stackId={stacked ? 'stack' : undefined} isAnimationActive={false}>
            {labels !== undefined && i === series.length - 1 && <LabelList dataKey={labels as string} position="right" className="chart-label" />}
          </Bar>
        ))}
      </BarChart>
      <ChartLegend series={series} />
    </>
  );
}

/** Bars up, categories along the bottom: for a few categories or a time line. */
export function BarsUp<Datum extends object>({
  data,
  category,
  series,
  stacked = false,
  formatCategory,
}: {
  data: readonly Datum[];
  category: keyof Datum & string;
  series: readonly Series<Datum>[];
  stacked?: boolean;
  formatCategory?: (value: string) => string;
}) {
  return (
    <>
      <BarChart data={[...data] as Record<string, unknown>[]} responsive style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey={category as string} tick={AXIS_TICK} tickFormatter={formatCategory === undefined ? shortLabel : (value) => formatCategory(String(value))} minTickGap={8} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
        <Tooltip isAnimationActive={false} labelFormatter={formatCategory === undefined ? undefined : (value) => formatCategory(String(value))} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key as string} name={s.name} fill={s.colour} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
      <ChartLegend series={series} />
    </>
  );
}

/**
 * The series' names and colours as page text beside the SVG (not recharts' legend, which
 * is positioned in pixels and would not follow the chart when print scales it).
 */
function ChartLegend<Datum>({ series }: { series: readonly Series<Datum>[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key}>
          <span className="chart-swatch" style={{ background: s.colour }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
