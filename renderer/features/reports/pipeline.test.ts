import { describe, expect, it } from 'vitest';
import type { PipelineRow } from '../../../shared/api/reports';
import { busiestFunnel, conversionByRow, conversionRate, pipelineFunnels, rowKey } from './pipeline';

function row(jobId: string | null, stage: string, position: number | null, applications: number, reached: number | null): PipelineRow {
  return { jobId, jobTitle: jobId === null ? null : `Title ${jobId}`, stageId: `s-${stage}`, stage, position, applications, reached };
}

describe('stage-to-stage conversion', () => {
  it('is reached[i+1] / reached[i], and nothing for the first stage or from nobody', () => {
    expect(conversionRate(3, 12)).toBe(0.25);
    expect(conversionRate(5, null)).toBeNull();
    expect(conversionRate(0, 0)).toBeNull();
  });
});

describe('pipeline funnels', () => {
  // The report's order: job, then position (nulls last); reached counts this position or later.
  const rows = [
    row('j1', 'Applied', 1, 6, 10),
    row('j1', 'Screen', 2, 2, 4),
    // Position 3 holds nobody now, so it has no row: the funnel goes from 2 to 4.
    row('j1', 'Onsite', 4, 2, 2),
    row('j1', 'Legacy stage', null, 3, null),
    row('j2', 'Applied', 1, 1, 1),
    row(null, 'Applied', null, 4, null),
  ];

  it('group rows per job in report order, stages by position with their conversion', () => {
    const funnels = pipelineFunnels(rows);
    expect(funnels.map((f) => [f.jobId, f.applications])).toEqual([
      ['j1', 13],
      ['j2', 1],
      [null, 4],
    ]);
    expect(funnels[0]!.stages.map((s) => [s.stage, s.reached, s.conversion])).toEqual([
      ['Applied', 10, null],
      ['Screen', 4, 0.4],
      ['Onsite', 2, 0.5],
    ]);
    expect(funnels[0]!.unranked.map((r) => r.stage)).toEqual(['Legacy stage']);
    expect(funnels[2]!.stages).toEqual([]);
  });

  it('sorts stages by position even when rows come out of order', () => {
    const [funnel] = pipelineFunnels([rows[2]!, rows[0]!, rows[1]!]);
    expect(funnel!.stages.map((s) => s.position)).toEqual([1, 2, 4]);
    expect(funnel!.stages.map((s) => s.conversion)).toEqual([null, 0.4, 0.5]);
  });

  it('find each row’s conversion for the table, and the busiest job for the chart', () => {
    const funnels = pipelineFunnels(rows);
    const rates = conversionByRow(funnels);
    expect(rates.get(rowKey('j1', 's-Onsite', 'Onsite', 4))).toBe(0.5);
    expect(rates.get(rowKey('j1', 's-Legacy stage', 'Legacy stage', null))).toBeUndefined();
    expect(busiestFunnel(funnels)?.jobId).toBe('j1');
    expect(busiestFunnel([])).toBeNull();
  });
});
