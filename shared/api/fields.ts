/**
 * The list's sort fields and row fields as plain constants, without zod, so the renderer
 * can use them at run time (applications.ts builds the schemas from them).
 */
export const SORT_FIELDS = [
  'updatedAt',
  'appliedAt',
  'candidateName',
  'jobTitle',
  'stage',
  'status',
  'origin',
  'owner',
  'id',
  'relevance',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** The fields of a list row, in their default column order. */
export const LIST_FIELDS = [
  'id',
  'candidateId',
  'candidateName',
  'email',
  'jobId',
  'jobTitle',
  'stage',
  'status',
  'origin',
  'owner',
  'appliedAt',
  'updatedAt',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];
