/** The counts of an import (DESIGN §4): every event lands in exactly one of the buckets. */
export interface IngestCounts {
  received: number;
  applied: number;
  duplicates: number;
  stale: number;
  deleted: number;
  rejected: number;
  /** Events of candidates or applications that were erased and are not to come back (issue #9). */
  suppressed: number;
}
