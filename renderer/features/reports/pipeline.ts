/**
 * The pipeline report as funnels: per job, its stages in the job's stage order with how
 * many applications reached each and the conversion from the stage before
 * (reached[i+1] / reached[i]); stages the job's order does not know come after, unranked.
 */
import type { PipelineRow } from '../../../shared/api/reports';

export interface FunnelStage {
  stageId: string | null;
  stage: string | null;
  position: number;
  applications: number;
  reached: number;
  /** reached / reached of the stage before; null for the first stage. */
  conversion: number | null;
}

export interface Funnel {
  jobId: string | null;
  jobTitle: string | null;
  /** In the job's stage order. Stages no application is in now have no row in the report, so none here. */
  stages: FunnelStage[];
  /** Current stages outside the job's known order (position null). */
  unranked: PipelineRow[];
  applications: number;
}

/** reached[i] / reached[i-1], or null when there is nothing to convert from. */
export function conversionRate(reached: number, previous: number | null): number | null {
  if (previous === null || previous <= 0) return null;
  return reached / previous;
}

/** Groups the report's rows (ordered by job, then position) into one funnel per job, in that order. */
export function pipelineFunnels(rows: readonly PipelineRow[]): Funnel[] {
  const funnels: Funnel[] = [];
  const byJob = new Map<string, Funnel>();
  for (const row of rows) {
    const key = JSON.stringify([row.jobId, row.jobId === null ? row.jobTitle : null]);
    let funnel = byJob.get(key);
    if (funnel === undefined) {
      funnel = { jobId: row.jobId, jobTitle: row.jobTitle, stages: [], unranked: [], applications: 0 };
      byJob.set(key, funnel);
      funnels.push(funnel);
    }
    funnel.applications += row.applications;
    if (row.position === null || row.reached === null) {
      funnel.unranked.push(row);
      continue;
    }
    funnel.stages.push({
      stageId: row.stageId,
      stage: row.stage,
      position: row.position,
      applications: row.applications,
      reached: row.reached,
      conversion: null,
    });
  }
  for (const funnel of funnels) {
    funnel.stages.sort((a, b) => a.position - b.position);
    funnel.stages.forEach((stage, i) => {
      stage.conversion = conversionRate(stage.reached, i === 0 ? null : funnel.stages[i - 1]!.reached);
    });
  }
  return funnels;
}

/** The row's conversion from the stage before it in its job's funnel (null for the first or an unranked stage). */
export function conversionByRow(funnels: readonly Funnel[]): Map<string, number | null> {
  const rates = new Map<string, number | null>();
  for (const funnel of funnels) {
    for (const stage of funnel.stages) rates.set(rowKey(funnel.jobId, stage.stageId, stage.stage, stage.position), stage.conversion);
  }
  return rates;
}

export function rowKey(jobId: string | null, stageId: string | null, stage: string | null, position: number | null): string {
  return JSON.stringify([jobId, stageId, stage, position]);
}

/** The funnel shown first: the job with the most applications (the first such in report order). */
export function busiestFunnel(funnels: readonly Funnel[]): Funnel | null {
  let best: Funnel | null = null;
  for (const funnel of funnels) if (best === null || funnel.applications > best.applications) best = funnel;
  return best;
}
