import { describe, expect, it } from 'vitest';
import { defaultExportName, filterSlug, localDay } from './export.js';

const DAY = new Date(2026, 11, 3, 9, 15);

describe('default export names', () => {
  it('say what was exported, over which filters, on which local day', () => {
    expect(defaultExportName('applications', { status: ['ACTIVE'] }, 'csv', DAY)).toBe('applications-active-2026-12-03.csv');
    expect(defaultExportName('applications', {}, 'xlsx', DAY)).toBe('applications-all-2026-12-03.xlsx');
    expect(defaultExportName('time-to-hire-report', { origin: ['REFERRAL'] }, 'pdf', DAY)).toBe('time-to-hire-report-referral-2026-12-03.pdf');
  });

  it('name every filter in the order the sidebar shows them, "not set" choices included', () => {
    expect(filterSlug({ status: ['ACTIVE', 'HIRED'], stage: ['Phone Screen'], owner: [null] })).toBe('active-hired-phone-screen-no-owner');
    expect(filterSlug({ q: 'Zoë  Müller', appliedFrom: '2026-01-01', appliedTo: '2026-03-31T00:00:00Z' })).toBe('search-zoe-muller-from-2026-01-01-to-2026-03-31');
    expect(filterSlug({ includeDeleted: true })).toBe('all-with-deleted');
  });

  it('keep only lower-case ASCII words, so the name is safe on every OS', () => {
    expect(filterSlug({ q: '../../etc/passwd' })).toBe('search-etc-passwd');
    expect(filterSlug({ stage: ['CON', 'a<b>:c|d?*'] })).toBe('con-a-b-c-d');
    // A search without a Latin letter still says the export is a subset.
    expect(filterSlug({ q: '王涛' })).toBe('search');
    expect(filterSlug({ stage: ['王涛'] })).toBe('filtered');
  });

  it('stay short, cut at a word', () => {
    const slug = filterSlug({ job: ['senior-backend-engineer', 'principal-data-scientist', 'staff-product-designer'] });
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toBe('senior-backend-engineer-principal-data-scientist');
  });

  it('use the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
