import { describe, expect, it } from 'vitest';
import { formatDays, formatRate, jobLabel, jobLabeller, largest } from './report-format';

describe('report figures', () => {
  it('read rates as percentages and days with one decimal', () => {
    expect(formatRate(0.4567, 'en-US')).toBe('45.7%');
    expect(formatRate(1, 'en-US')).toBe('100%');
    expect(formatRate(null, 'en-US')).toBe('—');
    expect(formatDays(12.25, 'en-US')).toBe('12.3 days');
    expect(formatDays(1, 'en-US')).toBe('1 day');
    expect(formatDays(null, 'en-US')).toBe('—');
  });

  it('name a job by its title, else its id', () => {
    expect(jobLabel({ jobId: 'j1', jobTitle: 'Data Analyst' })).toBe('Data Analyst');
    expect(jobLabel({ jobId: 'j1', jobTitle: null })).toBe('Job j1');
    expect(jobLabel({ jobId: null, jobTitle: null })).toBe('No job');
  });

  it('tell apart two jobs that share a title, and only those', () => {
    const label = jobLabeller([
      { jobId: 'j1', jobTitle: 'Account Executive' },
      { jobId: 'j1', jobTitle: 'Account Executive' },
      { jobId: 'j2', jobTitle: 'Account Executive' },
      { jobId: 'j3', jobTitle: 'Designer' },
    ]);
    expect(label({ jobId: 'j1', jobTitle: 'Account Executive' })).toBe('Account Executive (j1)');
    expect(label({ jobId: 'j2', jobTitle: 'Account Executive' })).toBe('Account Executive (j2)');
    expect(label({ jobId: 'j3', jobTitle: 'Designer' })).toBe('Designer');
  });

  it('pick the largest rows for a chart, ties in report order', () => {
    expect(largest([{ n: 1, k: 'a' }, { n: 3, k: 'b' }, { n: 3, k: 'c' }, { n: 2, k: 'd' }], (r) => r.n, 3).map((r) => r.k)).toEqual(['b', 'c', 'd']);
  });
});
