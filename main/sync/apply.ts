/**
 * The apply pipeline: parsed upstream events -> SQLite, one transaction per batch.
 * Holds every semantic of DESIGN §2: idempotent by eventId, absent models untouched,
 * stale record events ignored whole, tombstones for deletions, sync runs recorded.
 */
import { parseEvent, type AtsEvent, type ParsedEvent, type SyncRunEvent } from '../../shared/ats/events.js';
import type { Extracted } from '../attachments/extract/index.js';
import type { AttachmentTextIndexer } from '../attachments/extract/text-index.js';
import { ApplicationStore } from '../db/application-store.js';
import type { Db } from '../db/open.js';
import { Suppressions } from '../privacy/suppression.js';
import { emptyResult, type IngestResult, type Outcome, type SourceItem } from './types.js';

export interface PipelineOptions {
  /** The clock, for synced/deleted timestamps (tests pin it). */
  now?: () => string;
  /** Extracts the text of new attachments once their batch is committed (none: left to a later backfill). */
  textIndexer?: AttachmentTextIndexer | null;
}

/** A batch read and parsed, not applied yet (an import parses the next batch while it waits for texts). */
export interface PreparedBatch {
  items: readonly SourceItem[];
  /** Each item's parse, in order; undefined for an item that could not be read. */
  parsed: readonly (ParsedEvent | undefined)[];
}

export interface ApplyOptions {
  importPk?: number | null;
  /** Runs inside the batch's transaction, after its events (e.g. a feed cursor). */
  alsoInTransaction?: () => void;
  /** Attachment texts extracted ahead (sha256 -> text): stored with their blobs, indexed with their applications. */
  texts?: ReadonlyMap<string, Extracted>;
}

/** The events a prepared batch could parse. */
export function parsedEvents(batch: PreparedBatch): AtsEvent[] {
  return batch.parsed.flatMap((parsed) => (parsed?.ok ? [parsed.event] : []));
}

/** A rejected event's body is kept for inspection, up to this many characters. */
const MAX_KEPT_BODY = 64 * 1024;

export class SyncPipeline {
  private readonly store: ApplicationStore;
  private readonly now: () => string;
  private readonly isApplied;
  private readonly markApplied;
  private readonly upsertSyncRun;
  private readonly keepRejected;
  private readonly suppressions: Suppressions;
  textIndexer: AttachmentTextIndexer | null;

  constructor(
    private readonly db: Db,
    options: PipelineOptions = {},
  ) {
    this.store = new ApplicationStore(db);
    this.now = options.now ?? (() => new Date().toISOString());
    this.textIndexer = options.textIndexer ?? null;
    this.suppressions = new Suppressions(db);
    this.isApplied = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM applied_events WHERE event_id = ?');
    this.markApplied = db.prepare('INSERT INTO applied_events (event_id) VALUES (?)');
    this.upsertSyncRun = db.prepare(
      `INSERT INTO sync_runs (sync_run_id, sync_job_id, sync_type, data_type, status, processed, emitted, consumed,
         started_at, processed_at, complete, all_consumed, received_at)
       VALUES (@syncRunId, @syncJobId, @syncType, @dataType, @status, @processed, @emitted, @consumed,
         @startedAt, @processedAt, @complete, @allConsumed, @now)
       ON CONFLICT (sync_run_id) DO UPDATE SET
         sync_job_id = coalesce(excluded.sync_job_id, sync_job_id),
         sync_type = coalesce(excluded.sync_type, sync_type),
         data_type = coalesce(excluded.data_type, data_type),
         status = coalesce(excluded.status, status),
         processed = coalesce(excluded.processed, processed),
         emitted = coalesce(excluded.emitted, emitted),
         consumed = coalesce(excluded.consumed, consumed),
         started_at = coalesce(excluded.started_at, started_at),
         processed_at = coalesce(excluded.processed_at, processed_at),
         complete = coalesce(excluded.complete, complete),
         all_consumed = max(all_consumed, excluded.all_consumed),
         received_at = excluded.received_at`,
    );
    this.keepRejected = db.prepare(
      'INSERT INTO rejected_events (import_pk, source, event_id, message, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * Applies a batch in ONE transaction: either all of it (and `alsoInTransaction`,
   * e.g. a feed cursor) is committed, or none. Events that cannot be applied are
   * rejected one by one without touching the others.
   */
  applyBatch(batch: readonly SourceItem[] | PreparedBatch, options: ApplyOptions = {}): IngestResult {
    const { items, parsed } = 'items' in batch ? batch : { items: batch, parsed: [] };
    const result = emptyResult();
    try {
      this.db.transaction(() => {
        const now = this.now();
        this.store.useAheadTexts(options.texts ?? null, now);
        items.forEach((item, i) => {
          result.received++;
          const outcome = this.applyItem(item, parsed[i], now, options.importPk ?? null, result);
          result[outcome]++;
        });
        options.alsoInTransaction?.();
      })();
    } catch (error) {
      this.store.forgetWrites();
      throw error;
    } finally {
      this.store.useAheadTexts(null, '');
    }
    const blobs = this.store.takeNewBlobs();
    if (blobs.size > 0) this.textIndexer?.queue(blobs);
    return result;
  }

  /** Parses a batch without applying it. */
  prepare(items: readonly SourceItem[]): PreparedBatch {
    return { items, parsed: items.map((item) => ('error' in item ? undefined : parseEvent(item.value))) };
  }

  private applyItem(item: SourceItem, prepared: ParsedEvent | undefined, now: string, importPk: number | null, result: IngestResult): Outcome {
    const reject = (eventId: string | null, message: string): Outcome => {
      result.errors.push({ source: item.source, message });
      const body = item.body ?? ('value' in item ? safeStringify(item.value) : null);
      this.keepRejected.run(importPk, item.source, eventId, message, body === null ? null : body.slice(0, MAX_KEPT_BODY), now);
      return 'rejected';
    };
    if ('error' in item) return reject(null, item.error);
    const parsed = prepared ?? parseEvent(item.value);
    if (!parsed.ok) return reject(parsed.eventId, parsed.reason);
    const event = parsed.event;
    // An erased candidate's events are dropped before anything of them is written.
    if (this.isSuppressed(event)) return 'suppressed';
    if (this.isApplied.get(event.eventId) !== undefined) return 'duplicates';
    const outcome = this.applyEvent(event, now);
    this.markApplied.run(event.eventId);
    return outcome;
  }

  private isSuppressed(event: AtsEvent): boolean {
    if (event.kind === 'application.upsert') return this.suppressions.isSuppressed(event.applicationId, event.models.info?.candidate?.id ?? null);
    if (event.kind === 'application.deleted') return this.suppressions.isSuppressed(event.applicationId, event.candidateId);
    return false;
  }

  private applyEvent(event: AtsEvent, now: string): Outcome {
    switch (event.kind) {
      case 'application.upsert': {
        const existing = this.store.findApplication(event.applicationId);
        const incoming = event.models.info?.updatedAt ?? null;
        if (existing && incoming !== null && existing.updated_at !== null && incoming < existing.updated_at) return 'stale';
        this.store.upsertApplication(event.applicationId, existing, event.models, event.raw, {
          eventId: event.eventId,
          now,
          revive: event.eventType === 'record.new',
        });
        return 'applied';
      }
      case 'application.deleted': {
        const existing = this.store.findApplication(event.applicationId);
        this.store.tombstone(event.applicationId, existing, {
          eventId: event.eventId,
          now,
          candidateId: event.candidateId,
          jobId: event.jobId,
        });
        return 'deleted';
      }
      case 'job.upsert':
        this.store.upsertJob(event.jobId, event.models, event.raw, now, event.eventType === 'record.new');
        return 'applied';
      case 'job.deleted':
        this.store.deleteJob(event.jobId, now);
        return 'deleted';
      case 'sync.run':
        this.recordSyncRun(event, now);
        return 'applied';
    }
  }

  private recordSyncRun(event: SyncRunEvent, now: string): void {
    // Events without a run id still count; key them by their own event id.
    this.upsertSyncRun.run({
      syncRunId: event.syncRunId ?? `event:${event.eventId}`,
      syncJobId: event.syncJobId,
      syncType: event.syncType,
      dataType: event.dataType,
      status: event.status,
      processed: event.processed,
      emitted: event.emitted,
      consumed: event.consumed,
      startedAt: event.startedAt,
      processedAt: event.processedAt,
      complete: event.complete === null ? null : event.complete ? 1 : 0,
      allConsumed: event.eventType === 'sync.events.allConsumed' ? 1 : 0,
      now,
    });
  }
}

function safeStringify(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}
