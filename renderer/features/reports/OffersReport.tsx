/** Offers: per job, offers by status, how many were accepted, and how long they took to close. */
import type { OffersReport as Report, OffersRow } from '../../../shared/api/reports';
import { formatCount } from '../../ui/format';
import { BarsAcross, ChartFigure, COLOURS } from './charts';
import { formatDays, formatRate, jobLabeller, largest } from './report-format';
import { NoRows } from './ReportSection';
import { ReportTable, type ReportColumn } from './ReportTable';

const CHART_JOBS = 12;

export function OffersReportBody({ report }: { report: Report }) {
  if (report.rows.length === 0) return <NoRows>No offers in the applications that match these filters.</NoRows>;
  const jobLabel = jobLabeller(report.rows);
  const most = largest(report.rows, (row) => row.offers, CHART_JOBS).map((row) => ({ ...row, job: jobLabel(row) }));
  const columns: ReportColumn<OffersRow>[] = [
    { label: 'Job', cell: (row) => jobLabel(row) },
    { label: 'Offers', cell: (row) => formatCount(row.offers), numeric: true },
    { label: 'In progress', cell: (row) => formatCount(row.inProgress), numeric: true },
    { label: 'Signed', cell: (row) => formatCount(row.signed), numeric: true },
    { label: 'Denied', cell: (row) => formatCount(row.denied), numeric: true },
    { label: 'Deprecated', cell: (row) => formatCount(row.deprecated), numeric: true },
    { label: 'Other', cell: (row) => formatCount(row.other), numeric: true },
    { label: 'Acceptance rate', cell: (row) => formatRate(row.acceptanceRate), numeric: true },
    { label: 'Median time to close', cell: (row) => formatDays(row.medianDaysToClose), numeric: true },
  ];
  const t = report.total;
  return (
    <>
      <ChartFigure
        description={`Offers by job and status: ${most.map((row) => `${row.job} ${row.offers} offers, ${row.signed} signed, ${row.denied} denied`).join('; ')}`}
        caption={report.rows.length > most.length ? `The ${most.length} jobs with the most offers of ${formatCount(report.rows.length)}; the table has them all.` : undefined}
      >
        <BarsAcross
          data={most}
          category="job"
          stacked
          series={[
            { key: 'signed', name: 'Signed', colour: COLOURS.green },
            { key: 'inProgress', name: 'In progress', colour: COLOURS.blue },
            { key: 'denied', name: 'Denied', colour: COLOURS.red },
            { key: 'deprecated', name: 'Deprecated', colour: COLOURS.grey },
            { key: 'other', name: 'Other', colour: COLOURS.purple },
          ]}
        />
      </ChartFigure>
      <ReportTable
        name="Offers report"
        columns={columns}
        rows={report.rows}
        rowKey={(row) => JSON.stringify([row.jobId, row.jobTitle])}
        total={{
          label: 'All jobs',
          cells: [t.offers, t.inProgress, t.signed, t.denied, t.deprecated, t.other].map((n) => formatCount(n)).concat([formatRate(t.acceptanceRate), formatDays(t.medianDaysToClose)]),
        }}
      />
    </>
  );
}
