/** The filters a report was computed with, in words, so a printed report says what it covers. */
import type { ApplicationFilters, FacetChoice } from '../../../shared/api/applications';

const FIELD_NAMES = { status: 'Status', stage: 'Stage', origin: 'Origin', job: 'Job', owner: 'Owner' } as const;

/** `jobTitles` turns job ids into the titles the sidebar shows. */
export function describeFilters(filters: ApplicationFilters, jobTitles: ReadonlyMap<string, string> = new Map()): string {
  const parts: string[] = [];
  const q = filters.q?.trim() ?? '';
  if (q !== '') parts.push(`Search “${q}”`);
  for (const field of ['status', 'stage', 'job', 'origin', 'owner'] as const) {
    const values = filters[field] ?? [];
    if (values.length === 0) continue;
    const label = (value: FacetChoice) => (value === null ? 'not set' : field === 'job' ? (jobTitles.get(value) ?? value) : value);
    parts.push(`${FIELD_NAMES[field]}: ${values.map(label).join(', ')}`);
  }
  if (filters.appliedFrom !== undefined && filters.appliedTo !== undefined) parts.push(`Applied ${filters.appliedFrom} to ${filters.appliedTo}`);
  else if (filters.appliedFrom !== undefined) parts.push(`Applied from ${filters.appliedFrom}`);
  else if (filters.appliedTo !== undefined) parts.push(`Applied up to ${filters.appliedTo}`);
  const text = parts.length === 0 ? 'All applications' : parts.join(' · ');
  return filters.includeDeleted === true ? `${text} · deleted included` : text;
}
