/** Time to hire: per job, the median and 90th percentile of days from application to signed offer. */
import type { TimeToHireReport as Report, TimeToHireRow } from '../../../shared/api/reports';
import { formatCount } from '../../ui/format';
import { BarsAcross, ChartFigure, COLOURS } from './charts';
import { formatDays, jobLabeller, largest } from './report-format';
import { NoRows } from './ReportSection';
import { ReportTable, type ReportColumn } from './ReportTable';

const CHART_JOBS = 12;

export function TimeToHireReportBody({ report }: { report: Report }) {
  if (report.rows.length === 0) return <NoRows>No hired applications match these filters.</NoRows>;
  const jobLabel = jobLabeller(report.rows);
  const measured = report.rows.filter((row) => row.measured > 0);
  const most = largest(measured, (row) => row.hired, CHART_JOBS).map((row) => ({ ...row, job: jobLabel(row) }));
  const columns: ReportColumn<TimeToHireRow>[] = [
    { label: 'Job', cell: (row) => jobLabel(row) },
    { label: 'Hired', cell: (row) => formatCount(row.hired), numeric: true },
    { label: 'Measured', cell: (row) => formatCount(row.measured), numeric: true },
    { label: 'Median', cell: (row) => formatDays(row.medianDays), numeric: true },
    { label: '90th percentile', cell: (row) => formatDays(row.p90Days), numeric: true },
  ];
  const t = report.total;
  return (
    <>
      {most.length > 0 ? (
        <ChartFigure
          description={`Days from application to signed offer by job: ${most.map((row) => `${row.job} median ${formatDays(row.medianDays)}, 90th percentile ${formatDays(row.p90Days)}`).join('; ')}`}
          caption={`Days from application to the signed offer's close, for hires with one${measured.length > most.length ? `; the ${most.length} jobs with the most hires of ${formatCount(measured.length)}` : ''}.`}
        >
          <BarsAcross
            data={most}
            category="job"
            series={[
              { key: 'medianDays', name: 'Median days', colour: COLOURS.teal },
              { key: 'p90Days', name: '90th percentile days', colour: COLOURS.blue },
            ]}
          />
        </ChartFigure>
      ) : (
        <NoRows>No hire has a signed offer with a close date, so no time to hire can be measured.</NoRows>
      )}
      <ReportTable
        name="Time to hire report"
        columns={columns}
        rows={report.rows}
        rowKey={(row) => JSON.stringify([row.jobId, row.jobTitle])}
        total={{ label: 'All jobs', cells: [formatCount(t.hired), formatCount(t.measured), formatDays(t.medianDays), formatDays(t.p90Days)] }}
      />
    </>
  );
}
