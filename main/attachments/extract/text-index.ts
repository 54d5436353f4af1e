/**
 * Attachment text into the search index: blobs are extracted after their batch commits,
 * each result written in its own small transaction with the full-text rows of every
 * application holding that blob. A failure is recorded on the text row, never thrown.
 */
import { ApplicationStore } from '../../db/application-store.js';
import type { Db } from '../../db/open.js';
import { AttachmentTexts } from '../texts.js';
import { extractText, type Extract, type Extracted } from './index.js';

export interface TextProgress {
  done: number;
  total: number;
}

export class AttachmentTextIndexer {
  private readonly store: ApplicationStore;
  private readonly readBlob;
  private readonly texts: AttachmentTexts;
  private readonly missing;
  private readonly queued = new Map<string, string>();
  private readonly running = new Set<Promise<void>>();
  private done = 0;
  private total = 0;
  private readonly listeners = new Set<(progress: TextProgress) => void>();
  /** Writes that failed (a broken database, say); extraction failures are on the text rows instead. */
  readonly failures: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly extract: Extract = extractText,
    /** How many blobs are handed to the pool at once (its workers queue the rest). */
    private readonly concurrency = 32,
  ) {
    this.store = new ApplicationStore(db);
    this.readBlob = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM blobs WHERE sha256 = ?');
    this.texts = new AttachmentTexts(db);
    this.missing = db.prepare<[], { sha256: string; mediaType: string | null }>(
      `SELECT b.sha256, (SELECT media_type FROM attachments a WHERE a.sha256 = b.sha256 LIMIT 1) AS mediaType
       FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM attachment_texts t WHERE t.sha256 = b.sha256)`,
    );
  }

  /** Extracts these blobs (sha256 -> media type), in the background. */
  queue(blobs: ReadonlyMap<string, string>): void {
    for (const [sha256, mediaType] of blobs) {
      if (this.queued.has(sha256)) continue;
      this.queued.set(sha256, mediaType);
      this.total++;
    }
    this.pump();
  }

  /** Queues every stored blob that has no text row yet (databases from before extraction). Returns how many. */
  backfill(): number {
    const missing = this.missing.all();
    this.queue(new Map(missing.map((row) => [row.sha256, row.mediaType ?? 'application/octet-stream'])));
    return missing.length;
  }

  onProgress(listener: (progress: TextProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get pending(): number {
    return this.queued.size + this.running.size;
  }

  /** Resolves once everything queued so far (and anything queued meanwhile) is written. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.queued.size > 0) {
      const [sha256, mediaType] = this.queued.entries().next().value as [string, string];
      this.queued.delete(sha256);
      const job = this.index(sha256, mediaType)
        .catch((error: unknown) => {
          this.failures.push(`the text of attachment ${sha256.slice(0, 12)} could not be stored: ${(error as Error).message}`);
        })
        .finally(() => {
        this.running.delete(job);
        this.done++;
        const progress = { done: this.done, total: this.total };
        for (const listener of this.listeners) listener(progress);
        this.pump();
        });
      this.running.add(job);
    }
  }

  private async index(sha256: string, mediaType: string): Promise<void> {
    if (!this.db.open) return;
    const blob = this.readBlob.get(sha256);
    if (blob === undefined) return;
    let result: Extracted;
    try {
      result = await this.extract(blob.bytes, mediaType);
    } catch (error) {
      result = { error: `extraction failed (${(error as Error).message})` };
    }
    // The database may have been closed while the worker ran (the app quitting): nothing to write to.
    if (!this.db.open) return;
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.texts.write(sha256, result, now);
      this.store.reindexBlob(sha256);
    })();
  }
}

/** Extracts every stored blob without a text row yet, and waits for it. Returns how many were extracted. */
export async function extractMissingText(db: Db, onProgress?: (progress: TextProgress) => void): Promise<number> {
  const indexer = new AttachmentTextIndexer(db);
  if (onProgress) indexer.onProgress(onProgress);
  const count = indexer.backfill();
  await indexer.drain();
  return count;
}
