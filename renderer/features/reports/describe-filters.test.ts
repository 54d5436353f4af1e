import { describe, expect, it } from 'vitest';
import { describeFilters } from './describe-filters';

describe('what a report was computed over, in words', () => {
  it('is all applications without filters', () => {
    expect(describeFilters({})).toBe('All applications');
    expect(describeFilters({ includeDeleted: true })).toBe('All applications · deleted included');
  });

  it('names the search, each facet (job titles for ids, "not set" for null) and the dates', () => {
    const titles = new Map([['job_1', 'Data Analyst']]);
    expect(describeFilters({ q: ' mar ', status: ['ACTIVE', 'HIRED'], job: ['job_1', 'job_2'], owner: [null], appliedFrom: '2026-01-01' }, titles)).toBe(
      'Search “mar” · Status: ACTIVE, HIRED · Job: Data Analyst, job_2 · Owner: not set · Applied from 2026-01-01',
    );
    expect(describeFilters({ appliedFrom: '2026-01-01', appliedTo: '2026-03-31' })).toBe('Applied 2026-01-01 to 2026-03-31');
    expect(describeFilters({ appliedTo: '2026-03-31' })).toBe('Applied up to 2026-03-31');
  });
});
