/** Erasure (issue #9): what "Erase candidate" removes, as counts only (no personal data). */
export interface ErasureCounts {
  applications: number;
  attachments: number;
  /** Attachment files (by content) that no other application shares. */
  files: number;
  bytes: number;
  /** Kept bodies of refused sync events that mention the candidate. */
  rejectedEvents: number;
  relayEvents: number;
}

export interface ErasurePlan extends ErasureCounts {
  /** False when nothing of the candidate is stored (their future events are still dropped). */
  candidateKnown: boolean;
}

export interface ErasureResult extends ErasureCounts {
  erasedAt: string;
  /** False when another connection kept the log from being emptied at once. */
  checkpointed: boolean;
}

export interface RetentionPreview extends ErasureCounts {
  /** Closed applications last updated before this moment would go. */
  before: string;
}
