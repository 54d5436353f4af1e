/**
 * One report: its heading, what it was computed over and when the data last synced (so a
 * print or export can be reproduced), Print and Export, then its chart and table.
 */
import { useId, type ReactNode } from 'react';
import { REPORT_TITLES, type ReportKind, type ReportOfKind } from '../../../shared/api/reports';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { formatDateTime } from '../../ui/format';
import { ExportButtons } from '../export/ExportButtons';
import { PrintIcon } from '../export/icons';
import { describeFilters } from './describe-filters';
import { useJobTitles } from './useJobTitles';

export function ReportSection<K extends ReportKind>({
  kind,
  summary,
  children,
}: {
  kind: K;
  /** One sentence on what the report counts. */
  summary: string;
  children: (report: ReportOfKind<K>) => ReactNode;
}) {
  const headingId = useId();
  const entry = useApp((s) => s.reports[kind]);
  const loadReport = useApp((s) => s.loadReport);
  const printReports = useApp((s) => s.printReports);
  const printing = useApp((s) => s.printState.status === 'printing');
  const exportReport = useApp((s) => s.exportReport);
  const jobTitles = useJobTitles();
  const report = (entry?.report ?? null) as ReportOfKind<K> | null;
  const title = REPORT_TITLES[kind];
  return (
    <section className={`report-section${entry?.loading === true ? ' is-loading' : ''}`} data-report={kind} aria-labelledby={headingId} aria-busy={entry?.loading === true || undefined}>
      <header className="report-head">
        <div className="report-title">
          <h2 id={headingId}>{title}</h2>
          <p className="report-summary">{summary}</p>
        </div>
        <div className="report-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void printReports(kind)} disabled={printing || report === null}>
            <PrintIcon />
            Print
          </button>
          <ExportButtons onExport={(format) => void exportReport(kind, format)} disabled={report === null} />
        </div>
      </header>
      {report !== null && (
        <p className="report-meta">
          <span>
            Computed over: <strong>{describeFilters(report.filters, jobTitles)}</strong>
          </span>
          <span>Last sync: {report.lastSyncAt === null ? 'never' : formatDateTime(report.lastSyncAt)}</span>
          <span>Computed: {formatDateTime(report.generatedAt)}</span>
        </p>
      )}
      {entry?.error != null && <ErrorAlert message={`The ${title.toLowerCase()} report could not be computed: ${entry.error.message}`} onRetry={() => loadReport(kind)} />}
      {report === null && entry?.error == null && (
        <div className="report-skeleton" aria-hidden="true">
          <span className="skeleton-bar" />
          <span className="skeleton-bar" />
          <span className="skeleton-bar" />
        </div>
      )}
      {report !== null && children(report)}
    </section>
  );
}

/** What a report with no rows says instead of an empty chart and table. */
export function NoRows({ children }: { children: ReactNode }) {
  return <p className="report-empty">{children}</p>;
}
