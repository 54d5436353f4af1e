/**
 * Erasure (issue #9). Suppressions hold a keyed hash (HMAC-SHA256 under a random key of
 * this database) of a forgotten candidate's id and of their applications' ids, never
 * the ids, so later syncs can drop their events. Erasures record when and how much was
 * erased, with no personal data. The full-text index is recreated to remove a deleted
 * document's entries at once (FTS5 `secure-delete`) instead of leaving them in older
 * segments, and
 * `secure_delete` (set on every connection) zeroes deleted rows. A database written
 * before this migration may hold old copies in free space, so it is vacuumed once.
 */
import { randomBytes } from 'node:crypto';
import { refillFullText } from '../fts-document.js';
import type { Db } from '../open.js';

export const sql = `
CREATE TABLE erasures (
  pk INTEGER PRIMARY KEY,
  erased_at TEXT NOT NULL,
  -- 'forget' (a person asked) or 'retention' (closed applications past the set age).
  reason TEXT NOT NULL,
  applications INTEGER NOT NULL,
  attachments INTEGER NOT NULL,
  files INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  rejected_events INTEGER NOT NULL,
  relay_events INTEGER NOT NULL
);

CREATE TABLE suppressions (
  hash TEXT PRIMARY KEY,
  -- 'candidate' or 'application': which id was hashed.
  kind TEXT NOT NULL,
  -- The candidate's hash for an application's entry, so unforget lifts them together.
  candidate_hash TEXT,
  erasure_pk INTEGER NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX suppressions_by_candidate ON suppressions(candidate_hash);

CREATE INDEX applications_by_candidate ON applications(candidate_id);

ALTER TABLE imports ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;

-- FTS5's secure-delete does not reach contentless_delete tables (their deletes are
-- tombstones until a merge), so the index keeps its own copy of each document and
-- removes a deleted one's entries at once.
DROP TABLE applications_fts;
CREATE VIRTUAL TABLE applications_fts USING fts5(
  name, email, phone, location, stage, interviews, rejection, attachments, job, people, attachment_text,
  tokenize='unicode61 remove_diacritics 2',
  prefix='1 2 3'
);
INSERT INTO applications_fts(applications_fts, rank) VALUES ('secure-delete', 1);
`;

export const SUPPRESSION_KEY_SETTING = 'privacy:suppression-key';

export function run(db: Db): void {
  refillFullText(db);
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(SUPPRESSION_KEY_SETTING, randomBytes(32).toString('hex'));
}

/** Old copies in free pages go: once, outside the migration's transaction. */
export const vacuumAfter = true;
