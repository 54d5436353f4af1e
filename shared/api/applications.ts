/** Browsing applications: the filters, sorts and row shape shared by every face. */
import { z } from 'zod';
import { SORT_FIELDS, type ListField } from './fields.js';

export { LIST_FIELDS, SORT_FIELDS, type ListField, type SortField } from './fields.js';

export type ApplicationListItem = { [K in ListField]: K extends 'id' ? string : string | null } & {
  /** Present only on applications deleted upstream (shown with --include-deleted). */
  deletedAt?: string;
  /** With a search: where it matched, when no column of the row shows it. */
  match?: SearchMatch;
};

/** A search hit outside the list's columns: in an attachment (its place and an excerpt), an interview, the rejection, the people. */
export interface SearchMatch {
  field: 'attachment' | 'attachmentName' | 'interviews' | 'rejection' | 'people';
  attachment?: { n: number; name: string | null };
  snippet?: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const dateFilter = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a date like 2026-03-31 or an ISO-8601 time' });

/**
 * A facet filter's choices: values as stored, or null for "not set upstream" (e.g. no
 * owner, no stage), which the facets count like any other value.
 */
const valueList = z.array(z.string().trim().min(1).nullable()).optional();
export type FacetChoice = string | null;

export const applicationFiltersSchema = z.strictObject({
  q: z.string().max(500).optional(),
  status: valueList,
  stage: valueList,
  origin: valueList,
  job: valueList,
  owner: valueList,
  appliedFrom: dateFilter.optional(),
  appliedTo: dateFilter.optional(),
  includeDeleted: z.boolean().optional(),
});
export type ApplicationFilters = z.infer<typeof applicationFiltersSchema>;

export const MAX_PAGE_SIZE = 1000;

export const listQuerySchema = applicationFiltersSchema.extend({
  sort: z.enum(SORT_FIELDS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.number().int().min(0).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface ListResult {
  total: number;
  items: ApplicationListItem[];
}

export const FACET_FIELDS = ['status', 'stage', 'origin', 'job', 'owner'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
export interface FacetValue {
  /** The value to filter on (null: not set upstream). */
  value: string | null;
  /** What to show, e.g. the job's title for a job id. */
  label: string | null;
  count: number;
}
export type Facets = Record<FacetField, FacetValue[]>;

/**
 * The inclusive upper bound of an applied-to filter: a bare day means the whole day.
 * Returns an exclusive ISO bound.
 */
export function appliedToBound(value: string): string {
  if (isoDay.test(value)) {
    const next = new Date(`${value}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString();
  }
  return new Date(Date.parse(value) + 1).toISOString();
}

export function appliedFromBound(value: string): string {
  return new Date(isoDay.test(value) ? `${value}T00:00:00.000Z` : value).toISOString();
}
