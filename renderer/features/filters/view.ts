/** What the recruiter is looking at: filters, search, sort and the open application. */
import type { ApplicationFilters, FacetChoice, FacetField, ListQuery, SortField } from '../../../shared/api/applications';

export type SortOrder = 'asc' | 'desc';

export interface ViewFilters {
  q: string;
  /** Facet choices; null: "not set upstream". */
  status: FacetChoice[];
  stage: FacetChoice[];
  job: FacetChoice[];
  origin: FacetChoice[];
  owner: FacetChoice[];
  /** `YYYY-MM-DD` from a date input, or '' */
  appliedFrom: string;
  appliedTo: string;
  includeDeleted: boolean;
}

export interface ViewState {
  filters: ViewFilters;
  /** null: the list's default order (most recently updated first). */
  sort: SortField | null;
  order: SortOrder | null;
  selectedId: string | null;
}

export const EMPTY_FILTERS: ViewFilters = {
  q: '',
  status: [],
  stage: [],
  job: [],
  origin: [],
  owner: [],
  appliedFrom: '',
  appliedTo: '',
  includeDeleted: false,
};

export const EMPTY_VIEW: ViewState = { filters: EMPTY_FILTERS, sort: null, order: null, selectedId: null };

/** Facets in the order the sidebar shows them. */
export const FACET_ORDER: readonly FacetField[] = ['status', 'stage', 'job', 'origin', 'owner'];

/** The filters as the API takes them: empty choices left out. */
export function toApiFilters(filters: ViewFilters): ApplicationFilters {
  const api: ApplicationFilters = {};
  const q = filters.q.trim();
  if (q !== '') api.q = q;
  for (const field of FACET_ORDER) if (filters[field].length > 0) api[field] = [...filters[field]];
  if (filters.appliedFrom !== '') api.appliedFrom = filters.appliedFrom;
  if (filters.appliedTo !== '') api.appliedTo = filters.appliedTo;
  if (filters.includeDeleted) api.includeDeleted = true;
  return api;
}

export function toListQuery(filters: ViewFilters, sort: SortField | null, order: SortOrder | null): ListQuery {
  const query: ListQuery = toApiFilters(filters);
  if (sort !== null) query.sort = sort;
  if (order !== null) query.order = order;
  return query;
}

/** What the list is sorted by when nobody chose: the API's default. */
export const DEFAULT_SORT: SortField = 'updatedAt';

/** Dates read newest first; names and words from A. */
export function defaultOrder(sort: SortField): SortOrder {
  return sort === 'updatedAt' || sort === 'appliedAt' ? 'desc' : 'asc';
}

/** The sort in effect, with defaults filled in. */
export function effectiveSort(sort: SortField | null, order: SortOrder | null): { sort: SortField; order: SortOrder } {
  const field = sort ?? DEFAULT_SORT;
  return { sort: field, order: order ?? defaultOrder(field) };
}

/** Clicking a column: the same column flips its order, another starts at its natural order. */
export function nextSort(current: { sort: SortField | null; order: SortOrder | null }, clicked: SortField): { sort: SortField; order: SortOrder } {
  const now = effectiveSort(current.sort, current.order);
  if (now.sort === clicked) return { sort: clicked, order: now.order === 'asc' ? 'desc' : 'asc' };
  return { sort: clicked, order: defaultOrder(clicked) };
}

/** True when anything narrows the list (search, a facet, a date); "Show deleted" widens it, so it does not count. */
export function hasActiveFilters(filters: ViewFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    FACET_ORDER.some((field) => filters[field].length > 0) ||
    filters.appliedFrom !== '' ||
    filters.appliedTo !== ''
  );
}

/** Clears search, facets and dates; keeps "Show deleted", which is a way of looking, not a filter. */
export function clearedFilters(filters: ViewFilters): ViewFilters {
  return { ...EMPTY_FILTERS, includeDeleted: filters.includeDeleted };
}

/** True when two views ask the API for the same rows in the same order. */
export function sameQuery(
  a: { filters: ViewFilters; sort: SortField | null; order: SortOrder | null },
  b: { filters: ViewFilters; sort: SortField | null; order: SortOrder | null },
): boolean {
  return JSON.stringify(toListQuery(a.filters, a.sort, a.order)) === JSON.stringify(toListQuery(b.filters, b.sort, b.order));
}
