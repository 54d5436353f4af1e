/**
 * Search by job, people and the text inside attachments. Extracted text is stored once
 * per blob (by sha256), like the bytes. A contentless FTS5 table cannot gain columns, so
 * `applications_fts` is dropped, recreated, and refilled from the stored rows by `run`.
 */
import { FTS_INSERT_SQL, FTS_SOURCE_SQL, ftsColumns, type FtsSource } from '../fts-document.js';
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
  const source = db.prepare<[number], FtsSource>(FTS_SOURCE_SQL);
  const insert = db.prepare(FTS_INSERT_SQL);
  // Tombstones made before their application was seen never had a full-text row.
  // The keys are read first: better-sqlite3 cannot write while a statement iterates.
  const pks = db.prepare<[], { pk: number }>(
    `SELECT r.app_pk AS pk FROM application_raw r
     WHERE coalesce(r.info, r.current_stage, r.interviews, r.rejection, r.offers, r.attachments) IS NOT NULL ORDER BY r.app_pk`,
  );
  for (const { pk } of pks.all()) insert.run(pk, ...ftsColumns(source.get(pk)!));
}
