/** Sources: per origin, how many applied, were interviewed, got an offer and were hired. */
import type { SourcesReport as Report, SourcesRow } from '../../../shared/api/reports';
import { formatCount } from '../../ui/format';
import { BarsUp, ChartFigure, COLOURS } from './charts';
import { formatRate, orNone } from './report-format';
import { NoRows } from './ReportSection';
import { ReportTable, type ReportColumn } from './ReportTable';

const originLabel = (row: SourcesRow) => orNone(row.origin, 'No origin');

export function SourcesReportBody({ report }: { report: Report }) {
  if (report.rows.length === 0) return <NoRows>No applications match these filters.</NoRows>;
  const data = report.rows.map((row) => ({ ...row, label: originLabel(row) }));
  const columns: ReportColumn<SourcesRow>[] = [
    { label: 'Origin', cell: originLabel },
    { label: 'Applications', cell: (row) => formatCount(row.applications), numeric: true },
    { label: 'Interviewed', cell: (row) => formatCount(row.interviewed), numeric: true },
    { label: 'Offered', cell: (row) => formatCount(row.offered), numeric: true },
    { label: 'Hired', cell: (row) => formatCount(row.hired), numeric: true },
    { label: 'Interview rate', cell: (row) => formatRate(row.interviewRate), numeric: true },
    { label: 'Offer rate', cell: (row) => formatRate(row.offerRate), numeric: true },
    { label: 'Hire rate', cell: (row) => formatRate(row.hireRate), numeric: true },
  ];
  const t = report.total;
  return (
    <>
      <ChartFigure
        description={`Applications by origin: ${data.map((d) => `${d.label} ${d.applications} applied, ${d.interviewed} interviewed, ${d.offered} offered, ${d.hired} hired`).join('; ')}`}
      >
        <BarsUp
          data={data}
          category="label"
          series={[
            { key: 'applications', name: 'Applications', colour: COLOURS.blue },
            { key: 'interviewed', name: 'Interviewed', colour: COLOURS.teal },
            { key: 'offered', name: 'Offered', colour: COLOURS.amber },
            { key: 'hired', name: 'Hired', colour: COLOURS.green },
          ]}
        />
      </ChartFigure>
      <ReportTable
        name="Sources report"
        columns={columns}
        rows={report.rows}
        rowKey={(row) => JSON.stringify(row.origin)}
        total={{
          label: 'All origins',
          cells: [t.applications, t.interviewed, t.offered, t.hired].map((n) => formatCount(n)).concat([t.interviewRate, t.offerRate, t.hireRate].map((r) => formatRate(r))),
        }}
      />
    </>
  );
}
