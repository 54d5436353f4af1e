/** Runs an import: batches source items through the pipeline and records the run. */
import { TextPrefetch, type BatchTexts } from '../attachments/extract/prefetch.js';
import { AttachmentTextIndexer } from '../attachments/extract/text-index.js';
import type { Db } from '../db/open.js';
import { parsedEvents, SyncPipeline, type PreparedBatch } from './apply.js';
import { addResult, emptyResult, type IngestResult, type SourceItem } from './types.js';

export const DEFAULT_BATCH_SIZE = 1000;

export interface ImportOptions {
  /** What the import history shows, e.g. `file resumes.ndjson`, `demo`, `feed https://…`. */
  source: string;
  batchSize?: number;
  onProgress?: (soFar: IngestResult) => void;
  /** Called with the import's id (its row in `imports`) as soon as it exists. */
  onStart?: (importPk: number) => void;
  /** Extract attachment text (on unless false: the bench measures ingest alone). */
  extractText?: boolean;
  /** While the import waits for attachment text after its last batch. */
  onTextProgress?: (progress: { done: number; total: number }) => void;
}

/** Lets timers and sockets run between batches (a web face stays responsive during a sync). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ImportRecorder {
  private readonly start;
  private readonly finish;
  private readonly counts;
  constructor(db: Db) {
    this.start = db.prepare('INSERT INTO imports (source, started_at) VALUES (?, ?)');
    this.counts = db.prepare(
      'UPDATE imports SET received = ?, applied = ?, duplicates = ?, stale = ?, deleted = ?, rejected = ?, suppressed = ? WHERE pk = ?',
    );
    this.finish = db.prepare(
      `UPDATE imports SET finished_at = ?, received = ?, applied = ?, duplicates = ?, stale = ?, deleted = ?, rejected = ?, suppressed = ?, error = ?
       WHERE pk = ?`,
    );
  }
  begin(source: string): number {
    return Number(this.start.run(source, new Date().toISOString()).lastInsertRowid);
  }
  /** Running totals of an import still going on (a webhook receiver's lifetime). */
  progress(pk: number, result: IngestResult): void {
    this.counts.run(result.received, result.applied, result.duplicates, result.stale, result.deleted, result.rejected, result.suppressed, pk);
  }
  end(pk: number, result: IngestResult, error: string | null = null): void {
    this.finish.run(
      new Date().toISOString(), result.received, result.applied, result.duplicates, result.stale, result.deleted,
      result.rejected, result.suppressed, error, pk,
    );
  }
}

/**
 * Imports everything `items` yields. Batches already committed stay if the source fails later.
 *
 * With text extraction on, each full batch is parsed and its new attachments handed to the
 * extraction workers, then the batch before it is applied with its texts, so the workers
 * read one batch while this thread writes the other and each full-text row is written once.
 * Texts not extracted that way (a blob the batch did not decode) are left to the indexer,
 * which the import waits for: done means searchable.
 */
export async function runImport(
  db: Db,
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  options: ImportOptions,
  pipeline = new SyncPipeline(db),
): Promise<IngestResult> {
  const recorder = new ImportRecorder(db);
  const importPk = recorder.begin(options.source);
  options.onStart?.(importPk);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const extracting = options.extractText !== false;
  const ownIndexer = pipeline.textIndexer === null && extracting;
  if (ownIndexer) pipeline.textIndexer = new AttachmentTextIndexer(db);
  const indexer = extracting ? pipeline.textIndexer : null;
  const prefetch = extracting ? new TextPrefetch(db) : null;
  const stopListening = indexer !== null && options.onTextProgress ? indexer.onProgress(options.onTextProgress) : () => {};
  const total = emptyResult();
  let batch: SourceItem[] = [];
  /** The batch read last, waiting for its texts. */
  let ahead: { prepared: PreparedBatch; texts: Promise<BatchTexts> } | null = null;
  const applyAhead = async () => {
    if (ahead === null) return;
    const { prepared, texts } = ahead;
    ahead = null;
    const extracted = await texts;
    addResult(total, pipeline.applyBatch(prepared, { importPk, texts: extracted }));
    prefetch?.settle(extracted);
    options.onProgress?.(total);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const prepared = pipeline.prepare(batch);
    batch = [];
    const texts = prefetch === null ? Promise.resolve<BatchTexts>(new Map()) : prefetch.start(parsedEvents(prepared));
    await applyAhead();
    ahead = { prepared, texts };
  };
  try {
    try {
      for await (const item of items) {
        batch.push(item);
        if (batch.length >= batchSize) {
          await flush();
          await breathe();
        }
      }
      await flush();
    } finally {
      // A source that fails keeps every whole batch read before the failure.
      await applyAhead();
    }
    await indexer?.drain();
  } catch (error) {
    recorder.end(importPk, total, (error as Error).message);
    throw error;
  } finally {
    stopListening();
    if (ownIndexer) pipeline.textIndexer = null;
  }
  recorder.end(importPk, total);
  return total;
}
