/** What the export notice says, in words a recruiter reads at a glance. */
import { formatCount } from '../../ui/format';
import type { ExportJob } from './export-slice';

const FORMAT_NAMES = { csv: 'CSV', xlsx: 'Excel' } as const;

function rowsOf(job: ExportJob): string {
  const rows = `${formatCount(job.rows)} ${job.rows === 1 ? 'row' : 'rows'}`;
  return job.subject === 'applications' ? `${formatCount(job.rows)} ${job.rows === 1 ? 'application' : 'applications'}` : `${job.subject} (${rows})`;
}

/** The status line: what is happening or what happened. */
export function exportStatusText(job: ExportJob): string {
  switch (job.phase) {
    case 'running':
      return job.cancelling ? `Cancelling the ${FORMAT_NAMES[job.format]} export…` : `Exporting ${job.subject} to ${FORMAT_NAMES[job.format]}…`;
    case 'saved':
      return `Exported ${rowsOf(job)} to ${job.fileName ?? 'the file'}`;
    case 'downloaded':
      return `Downloaded ${job.fileName ?? 'the export'}`;
    case 'cancelled':
      return 'Export cancelled: nothing was saved.';
    case 'failed':
      return `The export failed: ${job.message ?? 'no reason given'}`;
  }
}

/** The progress bar's words: "1,000 of 2,300 rows", or "Starting…" before main has counted. */
export function exportProgressText(job: ExportJob): string {
  if (job.total === null) return 'Starting…';
  return `${formatCount(job.rows)} of ${formatCount(job.total)} rows`;
}
