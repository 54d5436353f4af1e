/** What every source hands the pipeline, and what an import reports. */
import type { IngestCounts } from '../../shared/api/counts.js';

/** One event as read from a source: a parsed JSON value, or why it could not be read. */
export type SourceItem =
  | { source: string; value: unknown; /** the exact text received, kept when the event is rejected */ body?: string }
  | { source: string; error: string; body?: string };

export interface IngestError {
  /** Where the event came from: `<file name>:<line>`, `webhook`, `<feed url>#<n>`. */
  source: string;
  message: string;
}

/**
 * Every received event lands in exactly one of applied, duplicates, stale, deleted,
 * rejected and suppressed, so received is their sum.
 */
export interface IngestResult extends IngestCounts {
  errors: IngestError[];
}

export type Outcome = 'applied' | 'duplicates' | 'stale' | 'deleted' | 'rejected' | 'suppressed';

export function emptyResult(): IngestResult {
  return { received: 0, applied: 0, duplicates: 0, stale: 0, deleted: 0, rejected: 0, suppressed: 0, errors: [] };
}

export function addResult(into: IngestResult, from: IngestResult): IngestResult {
  into.received += from.received;
  into.applied += from.applied;
  into.duplicates += from.duplicates;
  into.stale += from.stale;
  into.deleted += from.deleted;
  into.rejected += from.rejected;
  into.suppressed += from.suppressed;
  into.errors.push(...from.errors);
  return into;
}
