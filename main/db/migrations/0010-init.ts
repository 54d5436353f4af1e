/**
 * The first schema. Never edit a shipped migration: add a new numbered file instead.
 *
 * Applications use INTEGER keys in arrival order with the upstream TEXT id in a unique
 * side index (LIMITS.md: twice the ingest rate of TEXT keys). The columns the list
 * shows, sorts and filters on are kept on the application row so a page is one covering
 * index walk plus 50 row lookups. The raw JSON of every model, exactly as received,
 * lives in its own table so list scans do not drag it through the page cache.
 */
export const sql = `
CREATE TABLE applications (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  candidate_id TEXT,
  first_name TEXT,
  last_name TEXT,
  candidate_name TEXT,
  -- candidate_name folded for sorting (Łukasz beside Lucas, not after Zoë).
  name_key TEXT,
  email TEXT,
  location TEXT,
  job_id TEXT,
  job_title TEXT COLLATE NOCASE,
  stage_id TEXT,
  stage TEXT,
  status TEXT,
  origin TEXT,
  owner_id TEXT,
  owner TEXT,
  credited_to_id TEXT,
  credited_to TEXT,
  applied_at TEXT,
  updated_at TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  deleted_at TEXT,
  synced_at TEXT NOT NULL,
  last_event_id TEXT,
  -- The application's combination of facet values (facet_combos.key).
  facet_key INTEGER
);
CREATE UNIQUE INDEX applications_id ON applications(id);

-- Each combination of status, stage, origin, job and owner seen, numbered in arrival order:
-- facet counts group applications by one integer instead of five texts.
CREATE TABLE facet_combos (
  key INTEGER PRIMARY KEY,
  combo TEXT NOT NULL UNIQUE,
  status TEXT,
  stage TEXT,
  origin TEXT,
  job_id TEXT,
  owner TEXT
);

CREATE TABLE application_raw (
  app_pk INTEGER PRIMARY KEY REFERENCES applications(pk),
  info TEXT,
  current_stage TEXT,
  interviews TEXT,
  rejection TEXT,
  offers TEXT,
  attachments TEXT
);

CREATE TABLE candidates (
  id TEXT PRIMARY KEY,
  first_name TEXT,
  last_name TEXT,
  location TEXT
) WITHOUT ROWID;

CREATE TABLE emails (
  app_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  type TEXT,
  email TEXT NOT NULL,
  PRIMARY KEY (app_pk, pos)
) WITHOUT ROWID;

CREATE TABLE phones (
  app_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  type TEXT,
  phone_number TEXT NOT NULL,
  PRIMARY KEY (app_pk, pos)
) WITHOUT ROWID;

CREATE TABLE links (
  app_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (app_pk, pos)
) WITHOUT ROWID;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT,
  employee_id TEXT
) WITHOUT ROWID;

CREATE TABLE jobs (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  title TEXT,
  status TEXT,
  departments TEXT,
  updated_at TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  deleted_at TEXT,
  raw TEXT,
  synced_at TEXT NOT NULL
);
CREATE UNIQUE INDEX jobs_id ON jobs(id);

CREATE TABLE stages (
  job_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  stage_id TEXT,
  name TEXT,
  PRIMARY KEY (job_pk, pos)
) WITHOUT ROWID;

CREATE TABLE interviews (
  app_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  id TEXT,
  subject TEXT,
  created_at TEXT,
  scheduled_start TEXT,
  scheduled_end TEXT,
  stage_id TEXT,
  stage TEXT,
  location TEXT,
  creator_id TEXT,
  status TEXT,
  PRIMARY KEY (app_pk, pos)
) WITHOUT ROWID;

CREATE TABLE interviewers (
  app_pk INTEGER NOT NULL,
  interview_pos INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  user_id TEXT,
  email TEXT,
  PRIMARY KEY (app_pk, interview_pos, pos)
) WITHOUT ROWID;

CREATE TABLE offers (
  app_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  id TEXT,
  status TEXT,
  created_at TEXT,
  sent_at TEXT,
  closed_at TEXT,
  PRIMARY KEY (app_pk, pos)
) WITHOUT ROWID;

CREATE TABLE rejections (
  app_pk INTEGER PRIMARY KEY,
  id TEXT,
  text TEXT,
  rejected_at TEXT
);

-- Attachment bytes are decoded once and stored by content (sha256), so a resume sent
-- with every event of an application is stored once.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE attachments (
  app_pk INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  type TEXT,
  name TEXT,
  link TEXT,
  created_at TEXT,
  encoding TEXT,
  sha256 TEXT,
  size INTEGER,
  media_type TEXT,
  -- Why the content could not be decoded; the raw text is then kept in content_raw.
  error TEXT,
  -- The content as received when it is not the canonical base64 of the stored bytes.
  content_raw TEXT,
  PRIMARY KEY (app_pk, pos)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE applications_fts USING fts5(
  name, email, phone, location, stage, interviews, rejection, attachments,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2',
  prefix='1 2 3'
);

CREATE TABLE applied_events (
  event_id TEXT PRIMARY KEY
) WITHOUT ROWID;

-- One row per upstream sync run, from sync.events.processed / allConsumed.
CREATE TABLE sync_runs (
  sync_run_id TEXT PRIMARY KEY,
  sync_job_id TEXT,
  sync_type TEXT,
  data_type TEXT,
  status TEXT,
  processed INTEGER,
  emitted INTEGER,
  consumed INTEGER,
  started_at TEXT,
  processed_at TEXT,
  complete INTEGER,
  all_consumed INTEGER NOT NULL DEFAULT 0,
  received_at TEXT NOT NULL
) WITHOUT ROWID;

-- One row per import we ran (a file, the demo, a feed pull, the webhook receiver).
CREATE TABLE imports (
  pk INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  received INTEGER NOT NULL DEFAULT 0,
  applied INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  stale INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  error TEXT
);

-- Events we refused, with why, so nothing a server sent is lost without a trace.
CREATE TABLE rejected_events (
  pk INTEGER PRIMARY KEY,
  import_pk INTEGER,
  source TEXT NOT NULL,
  event_id TEXT,
  message TEXT NOT NULL,
  body TEXT,
  received_at TEXT NOT NULL
);

CREATE TABLE feed_cursors (
  url TEXT PRIMARY KEY,
  cursor TEXT,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- The relay's append-only log of received webhook events, served as a feed.
CREATE TABLE relay_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE UNIQUE INDEX relay_log_event_id ON relay_log(event_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
`;
