/** Sync state, history and settings as the sync panel shows them. */
import type { IngestCounts } from './counts.js';

export interface SyncRun extends IngestCounts {
  id: number;
  source: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface RejectedEvent {
  source: string;
  eventId: string | null;
  message: string;
  receivedAt: string;
}

export interface SyncState {
  /** The import running now, with its counts so far. */
  running: (IngestCounts & { id: number; source: string; startedAt: string }) | null;
  /** The most recent finished import. */
  last: SyncRun | null;
  receiver: { url: string; receivedSinceStart: number } | { url: null; error: string | null };
}

export interface Overview {
  applications: number;
  deleted: number;
  jobs: number;
  lastSyncedAt: string | null;
}

export interface Settings {
  feedUrl: string;
  hasFeedToken: boolean;
  hasApiKey: boolean;
  integrationId: string;
  upstreamBaseUrl: string;
  webhookPort: number;
  /** "Remove closed applications (rejected or hired) after N months": 0 is off. */
  retentionMonths: number;
  /** False when secrets cannot be kept in an OS secret store (then they live in memory only). */
  secretsPersisted: boolean;
  /** Why secrets are not persisted, for the warning the user sees. */
  secretsWarning: string | null;
}
