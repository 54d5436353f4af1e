/**
 * The Reports view (loaded on demand, with its charting library): the five reports of
 * DESIGN §4 over the list's current filters and search, computed again when they or the
 * data change, each printable and exportable.
 */
import './reports-view.css';
// After the view's own styles, as print overrides them.
import './print.css';
import { useEffect } from 'react';
import { useApp } from '../../app/store';
import { formatDateTime } from '../../ui/format';
import { toApiFilters } from '../filters/view';
import { BomChoice } from '../export/ExportButtons';
import { PrintIcon } from '../export/icons';
import { describeFilters } from './describe-filters';
import { InterviewersReportBody } from './InterviewersReport';
import { OffersReportBody } from './OffersReport';
import { PipelineReportBody } from './PipelineReport';
import { ReportSection } from './ReportSection';
import { SourcesReportBody } from './SourcesReport';
import { TimeToHireReportBody } from './TimeToHireReport';
import { useJobTitles } from './useJobTitles';

export default function ReportsView() {
  const filters = useApp((s) => s.filters);
  // A new overview follows every sync and data change: the reports follow it.
  const overview = useApp((s) => s.overview);
  const loadReports = useApp((s) => s.loadReports);
  useEffect(() => loadReports(), [filters, overview, loadReports]);
  return (
    <main className="reports-area" aria-labelledby="reports-heading">
      {/* Focusable, so the arrow keys scroll the reports rather than move the hidden list's selection. */}
      <div className="reports-scroll" tabIndex={-1}>
        <ReportsHeader />
        <ReportSection kind="pipeline" summary="Where the applications are now, job by job in each job’s stage order; conversion is the share of the stage before that got this far.">
          {(report) => <PipelineReportBody report={report} />}
        </ReportSection>
        <ReportSection kind="sources" summary="How applications from each origin fare: interviewed, offered, hired.">
          {(report) => <SourcesReportBody report={report} />}
        </ReportSection>
        <ReportSection kind="interviewers" summary="Who interviews, how their interviews stand, and the load week by week.">
          {(report) => <InterviewersReportBody report={report} />}
        </ReportSection>
        <ReportSection kind="offers" summary="Offers per job by status, how many were accepted, and how long they took to close.">
          {(report) => <OffersReportBody report={report} />}
        </ReportSection>
        <ReportSection kind="time-to-hire" summary="Days from application to the signed offer, for the applications hired.">
          {(report) => <TimeToHireReportBody report={report} />}
        </ReportSection>
      </div>
    </main>
  );
}

function ReportsHeader() {
  const filters = useApp((s) => s.filters);
  const lastSyncAt = useApp((s) => s.reports.pipeline?.report?.lastSyncAt ?? null);
  const printState = useApp((s) => s.printState);
  const printReports = useApp((s) => s.printReports);
  const dismissPrint = useApp((s) => s.dismissPrint);
  const jobTitles = useJobTitles();
  return (
    <header className="reports-head">
      <div className="reports-title">
        <h1 id="reports-heading">Reports</h1>
        <p className="reports-scope">
          Over <strong>{describeFilters(toApiFilters(filters), jobTitles)}</strong>
          <span className="muted"> · last sync {lastSyncAt === null ? 'never' : formatDateTime(lastSyncAt)}</span>
        </p>
      </div>
      <div className="reports-tools">
        <BomChoice />
        <button type="button" className="btn btn-small" onClick={() => void printReports(null)} disabled={printState.status === 'printing'}>
          <PrintIcon />
          Print all
        </button>
      </div>
      {printState.status === 'saved' && (
        <p className="reports-note" role="status">
          Saved the PDF to {printState.path}
          <button type="button" className="btn btn-link" onClick={dismissPrint}>
            OK
          </button>
        </p>
      )}
      {printState.status === 'failed' && (
        <p className="reports-note is-error" role="alert">
          Printing failed: {printState.message}
          <button type="button" className="btn btn-link" onClick={dismissPrint}>
            OK
          </button>
        </p>
      )}
    </header>
  );
}
