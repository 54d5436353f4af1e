/**
 * The `attachment_texts` rows: one per blob (by sha256), holding its extracted text or why
 * there is none. Written by the import (texts extracted ahead of their batch) and by the
 * background indexer, through this one statement.
 */
import type { Db } from '../db/open.js';
import type { Extracted } from './extract/index.js';
import { EXTRACTOR_VERSION } from './extract/limits.js';

export class AttachmentTexts {
  private readonly upsert;
  private readonly exists;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO attachment_texts (sha256, text, truncated, error, extractor_version, extracted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET text = excluded.text, truncated = excluded.truncated, error = excluded.error,
         extractor_version = excluded.extractor_version, extracted_at = excluded.extracted_at`,
    );
    this.exists = db.prepare<[string], number>('SELECT 1 FROM attachment_texts WHERE sha256 = ?').pluck();
  }

  /** Whether the blob's text (or the reason it has none) is stored. */
  has(sha256: string): boolean {
    return this.exists.get(sha256) !== undefined;
  }

  write(sha256: string, result: Extracted, now: string): void {
    if ('error' in result) this.upsert.run(sha256, null, 0, result.error, EXTRACTOR_VERSION, now);
    else this.upsert.run(sha256, result.text, result.truncated ? 1 : 0, null, EXTRACTOR_VERSION, now);
  }
}
