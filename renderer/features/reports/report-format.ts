/** How report figures read: rates as percentages, days with one decimal, missing as a dash. */
import { formatCount, UNKNOWN } from '../../ui/format';

const percent = new Map<string | undefined, Intl.NumberFormat>();

/** 0.4567 -> "45.7%"; null -> "—". */
export function formatRate(rate: number | null, locale?: string): string {
  if (rate === null || !Number.isFinite(rate)) return UNKNOWN;
  let format = percent.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    percent.set(locale, format);
  }
  return format.format(rate);
}

const dayNumbers = new Map<string | undefined, Intl.NumberFormat>();

/** 12.25 -> "12.3 days"; 1 -> "1 day"; null -> "—". */
export function formatDays(days: number | null, locale?: string): string {
  if (days === null || !Number.isFinite(days)) return UNKNOWN;
  let format = dayNumbers.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    dayNumbers.set(locale, format);
  }
  const text = format.format(days);
  return `${text} ${text === format.format(1) ? 'day' : 'days'}`;
}

export function formatFigure(n: number | null, locale?: string): string {
  return n === null ? UNKNOWN : formatCount(n, locale);
}

/** A job as the reports name it: its title, else its id, else that it has none. */
export function jobLabel(job: { jobId: string | null; jobTitle: string | null }): string {
  if (job.jobTitle !== null && job.jobTitle.trim() !== '') return job.jobTitle;
  return job.jobId === null ? 'No job' : `Job ${job.jobId}`;
}

/**
 * Job labels for one report's rows: two jobs with the same title (an ATS allows it) are
 * told apart by their ids, so their rows never read as one job.
 */
export function jobLabeller(rows: readonly { jobId: string | null; jobTitle: string | null }[]): (job: { jobId: string | null; jobTitle: string | null }) => string {
  const idsByLabel = new Map<string, Set<string | null>>();
  for (const row of rows) {
    const label = jobLabel(row);
    const ids = idsByLabel.get(label) ?? new Set();
    ids.add(row.jobId);
    idsByLabel.set(label, ids);
  }
  return (job) => {
    const label = jobLabel(job);
    return (idsByLabel.get(label)?.size ?? 0) > 1 && job.jobId !== null && job.jobTitle !== null ? `${label} (${job.jobId})` : label;
  };
}

/** Values as received, or what "none" reads as. */
export function orNone(value: string | null, none: string): string {
  return value === null || value.trim() === '' ? none : value;
}

/** The `count` largest rows by `by` (ties keep report order), for a chart that stays readable. */
export function largest<T>(rows: readonly T[], by: (row: T) => number, count: number): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => by(b.row) - by(a.row) || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.row);
}
