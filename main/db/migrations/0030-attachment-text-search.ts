/**
 * Search by job, people and the text inside attachments. Extracted text is stored once
 * per blob (by sha256), like the bytes. A contentless FTS5 table cannot gain columns, so
 * `applications_fts` is dropped, recreated, and refilled from the stored rows by `run`.
 */
import { refillFullText } from '../fts-document.js';
import type { Db } from '../open.js';

export const sql = `
CREATE TABLE attachment_texts (
  sha256 TEXT PRIMARY KEY,
  -- Null when nothing could be extracted; why is in error.
  text TEXT,
  truncated INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  extractor_version INTEGER NOT NULL,
  extracted_at TEXT NOT NULL
);
-- Which applications to re-index when a blob's text arrives.
CREATE INDEX attachments_by_sha256 ON attachments(sha256) WHERE sha256 IS NOT NULL;

DROP TABLE applications_fts;
CREATE VIRTUAL TABLE applications_fts USING fts5(
  name, email, phone, location, stage, interviews, rejection, attachments, job, people, attachment_text,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2',
  prefix='1 2 3'
);
`;

export function run(db: Db): void {
  refillFullText(db);
}
