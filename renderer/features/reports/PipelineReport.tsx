/** Pipeline: per job, a funnel through its stages in the job's order, with stage-to-stage conversion. */
import { useId, useMemo, useState } from 'react';
import type { PipelineReport as Report, PipelineRow } from '../../../shared/api/reports';
import { formatCount, UNKNOWN } from '../../ui/format';
import { BarsAcross, ChartFigure, COLOURS } from './charts';
import { busiestFunnel, conversionByRow, pipelineFunnels, rowKey, type Funnel } from './pipeline';
import { formatFigure, formatRate, jobLabeller, orNone } from './report-format';
import { NoRows } from './ReportSection';
import { ReportTable, type ReportColumn } from './ReportTable';

function funnelKey(funnel: Funnel): string {
  return JSON.stringify([funnel.jobId, funnel.jobTitle]);
}

export function PipelineReportBody({ report }: { report: Report }) {
  const funnels = useMemo(() => pipelineFunnels(report.rows), [report.rows]);
  const conversions = useMemo(() => conversionByRow(funnels), [funnels]);
  const jobLabel = useMemo(() => jobLabeller(report.rows), [report.rows]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  if (report.rows.length === 0) return <NoRows>No applications match these filters.</NoRows>;
  const shown = funnels.find((funnel) => funnelKey(funnel) === chosen) ?? busiestFunnel(funnels)!;
  const data = shown.stages.map((stage) => ({
    stage: `${stage.position}. ${orNone(stage.stage, 'No stage name')}`,
    reached: stage.reached,
    conversion: stage.conversion === null ? '' : formatRate(stage.conversion),
    label: stage.conversion === null ? formatCount(stage.reached) : `${formatCount(stage.reached)} · ${formatRate(stage.conversion)}`,
  }));
  const columns: ReportColumn<PipelineRow>[] = [
    { label: 'Job', cell: (row) => jobLabel(row) },
    { label: 'Stage', cell: (row) => orNone(row.stage, 'No stage') },
    { label: 'Position', cell: (row) => formatFigure(row.position), numeric: true },
    { label: 'In this stage', cell: (row) => formatCount(row.applications), numeric: true },
    { label: 'Reached', cell: (row) => formatFigure(row.reached), numeric: true },
    {
      label: 'Conversion',
      cell: (row) => formatRate(conversions.get(rowKey(row.jobId, row.stageId, row.stage, row.position)) ?? null),
      numeric: true,
    },
  ];
  return (
    <>
      <div className="report-chart-controls">
        <label htmlFor={selectId}>Funnel for</label>
        <select id={selectId} value={funnelKey(shown)} onChange={(event) => setChosen(event.target.value)}>
          {funnels.map((funnel) => (
            <option key={funnelKey(funnel)} value={funnelKey(funnel)}>
              {jobLabel(funnel)} ({formatCount(funnel.applications)})
            </option>
          ))}
        </select>
      </div>
      {data.length === 0 ? (
        <NoRows>{jobLabel(shown)} has no stage order from the ATS, so its applications cannot be put in a funnel.</NoRows>
      ) : (
        <ChartFigure
          description={`Funnel for ${jobLabel(shown)}: ${data.map((d) => `${d.stage} reached by ${d.reached}${d.conversion === '' ? '' : ` (${d.conversion} of the stage before)`}`).join('; ')}`}
          caption={`${jobLabel(shown)}: applications that reached each stage, and the share of the stage before that got there.${shown.unranked.length > 0 ? ` ${formatCount(shown.unranked.reduce((n, row) => n + row.applications, 0))} in stages outside the job’s order are in the table only.` : ''}`}
        >
          <BarsAcross data={data} category="stage" series={[{ key: 'reached', name: 'Reached', colour: COLOURS.blue }]} labels="label" />
        </ChartFigure>
      )}
      <ReportTable
        name="Pipeline report"
        columns={columns}
        rows={report.rows}
        rowKey={(row) => rowKey(row.jobId, row.stageId, row.stage, row.position)}
        total={{ label: 'All jobs', cells: ['', '', formatCount(report.total.applications), UNKNOWN, ''] }}
      />
    </>
  );
}
