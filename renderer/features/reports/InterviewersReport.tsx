/** Interviewers: each one's interviews by status, and the interview load per week. */
import type { InterviewersReport as Report, InterviewersRow } from '../../../shared/api/reports';
import { formatCount, formatDate } from '../../ui/format';
import { BarsAcross, BarsUp, ChartFigure, COLOURS } from './charts';
import { largest } from './report-format';
import { NoRows } from './ReportSection';
import { ReportTable, type ReportColumn } from './ReportTable';

/** More people than this make a chart of slivers; the table has them all. */
const CHART_PEOPLE = 12;

const weekLabel = (week: string) => formatDate(`${week}T12:00:00Z`);

export function InterviewersReportBody({ report }: { report: Report }) {
  if (report.rows.length === 0) return <NoRows>No interviews in the applications that match these filters.</NoRows>;
  const busiest = largest(report.rows, (row) => row.interviews, CHART_PEOPLE);
  const weeks = report.interviewLoad ?? [];
  const columns: ReportColumn<InterviewersRow>[] = [
    { label: 'Interviewer', cell: (row) => row.interviewer },
    { label: 'Interviews', cell: (row) => formatCount(row.interviews), numeric: true },
    { label: 'Scheduled', cell: (row) => formatCount(row.scheduled), numeric: true },
    { label: 'Awaiting feedback', cell: (row) => formatCount(row.awaitingFeedback), numeric: true },
    { label: 'Complete', cell: (row) => formatCount(row.complete), numeric: true },
    { label: 'Cancelled', cell: (row) => formatCount(row.cancelled), numeric: true },
    { label: 'Other', cell: (row) => formatCount(row.other), numeric: true },
    { label: 'Upcoming', cell: (row) => formatCount(row.upcoming), numeric: true },
  ];
  const t = report.total;
  return (
    <>
      <div className="report-charts">
        <ChartFigure
          description={`Interviews by interviewer and status, the ${busiest.length} busiest: ${busiest.map((row) => `${row.interviewer} ${row.interviews}`).join('; ')}`}
          caption={report.rows.length > busiest.length ? `The ${busiest.length} busiest of ${formatCount(report.rows.length)} interviewers; the table has them all.` : undefined}
        >
          <BarsAcross
            data={busiest}
            category="interviewer"
            stacked
            series={[
              { key: 'complete', name: 'Complete', colour: COLOURS.green },
              { key: 'awaitingFeedback', name: 'Awaiting feedback', colour: COLOURS.amber },
              { key: 'scheduled', name: 'Scheduled', colour: COLOURS.blue },
              { key: 'cancelled', name: 'Cancelled', colour: COLOURS.red },
              { key: 'other', name: 'Other', colour: COLOURS.grey },
            ]}
          />
        </ChartFigure>
        {weeks.length > 0 && (
          <ChartFigure
            description={`Interviews per week: ${weeks.map((week) => `week of ${weekLabel(week.week)} ${week.interviews}`).join('; ')}`}
            caption="Load per week: interviews scheduled in each week (from Monday), once for each interviewer on them."
          >
            <BarsUp data={weeks} category="week" formatCategory={weekLabel} series={[{ key: 'interviews', name: 'Interviews', colour: COLOURS.purple }]} />
          </ChartFigure>
        )}
      </div>
      <ReportTable
        name="Interviewers report"
        columns={columns}
        rows={report.rows}
        rowKey={(row) => row.interviewer}
        total={{ label: 'All interviewers', cells: [t.interviews, t.scheduled, t.awaitingFeedback, t.complete, t.cancelled, t.other, t.upcoming].map((n) => formatCount(n)) }}
      />
    </>
  );
}
