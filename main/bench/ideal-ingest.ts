/**
 * The ingest ideal: the exact rows our import wrote, read back from a DB it filled,
 * re-inserted by a bare better-sqlite3 loop (statements prepared once, rows precomputed,
 * one transaction per 1000 events' worth of rows) into a fresh DB from openDatabase.
 */
import { FTS_COLUMNS, FTS_SOURCE_SQL, ftsColumns, type FtsSource } from '../db/fts-document.js';
import { openDatabase, type Db } from '../db/open.js';

/** Where each event sits in the NDJSON file (0-based line order), to batch rows like runImport does. */
export interface EventIndex {
  byEventId: Map<string, number>;
  /** A job id -> the first event carrying it. */
  byJobId: Map<string, number>;
  count: number;
}

interface TableLoad {
  table: string;
  sql: string;
  /** batches[b] = the rows of events b*batchSize .. (b+1)*batchSize-1. */
  batches: unknown[][][];
}

export interface IdealLoad {
  tables: TableLoad[];
  batchCount: number;
  rows: number;
}

/** The FTS text's sources, as ApplicationStore reads them back, for every indexed application; ftsColumns finishes them. */
const FTS_SOURCE = `${FTS_SOURCE_SQL.replace(/^\s*SELECT /, 'SELECT a.pk, ').replace(/WHERE a\.pk = \?$/, '')}
 WHERE a.pk IN (SELECT rowid FROM applications_fts) ORDER BY a.pk`;

const APP_CHILD_TABLES = new Set([
  'application_raw', 'emails', 'phones', 'links', 'interviews', 'interviewers', 'offers', 'rejections', 'attachments',
]);

function firstUse(db: Db, sql: string): Map<unknown, number> {
  const rows = db.prepare(sql).raw(true).all() as [unknown, number][];
  return new Map(rows);
}

/** Reads back every row of `db` (filled by our import of the events in `index`), bucketed by batch. */
export function dumpRows(db: Db, index: EventIndex, batchSize: number): IdealLoad {
  const batchCount = Math.max(1, Math.ceil(index.count / batchSize));
  const last = index.count - 1;
  const appEvent = new Map<unknown, number>();
  for (const [pk, eventId] of db.prepare('SELECT pk, last_event_id FROM applications').raw(true).all() as [number, string][]) {
    appEvent.set(pk, index.byEventId.get(eventId) ?? last);
  }
  const viaApp = (map: Map<unknown, number>) => (key: unknown) => appEvent.get(map.get(key));
  const candidateEvent = viaApp(firstUse(db, 'SELECT candidate_id, min(pk) FROM applications GROUP BY candidate_id'));
  const userEvent = viaApp(
    firstUse(
      db,
      `SELECT u, min(p) FROM (SELECT owner_id u, pk p FROM applications UNION ALL SELECT credited_to_id, pk FROM applications
         UNION ALL SELECT creator_id, app_pk FROM interviews UNION ALL SELECT user_id, app_pk FROM interviewers) GROUP BY u`,
    ),
  );
  const blobEvent = viaApp(firstUse(db, 'SELECT sha256, min(app_pk) FROM attachments GROUP BY sha256'));
  const jobIds = firstUse(db, 'SELECT pk, id FROM jobs') as Map<unknown, unknown>;
  const jobEvent = (id: unknown) => index.byJobId.get(String(id));

  const tableNames = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'applications_fts%' ORDER BY rowid").all() as { name: string }[]
  )
    .map((t) => t.name)
    // Written by the migrations (the erasure key), not by the import: a fresh database has its own.
    .filter((name) => name !== 'settings');
  const tables: TableLoad[] = [];
  let rows = 0;
  const bucket = (table: string, columns: string[], data: unknown[][], eventOf: (row: unknown[]) => number | undefined) => {
    const batches: unknown[][][] = Array.from({ length: batchCount }, () => []);
    for (const row of data) batches[Math.floor((eventOf(row) ?? last) / batchSize)]!.push(row);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    tables.push({ table, sql, batches });
    rows += data.length;
  };

  for (const table of tableNames) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const col = (name: string) => columns.indexOf(name);
    const data = db.prepare(`SELECT * FROM "${table}"`).raw(true).all() as unknown[][];
    let eventOf: (row: unknown[]) => number | undefined = () => undefined;
    if (table === 'applications') eventOf = (r) => appEvent.get(r[col('pk')]);
    else if (APP_CHILD_TABLES.has(table)) eventOf = (r) => appEvent.get(r[col('app_pk')]);
    else if (table === 'candidates') eventOf = (r) => candidateEvent(r[col('id')]);
    else if (table === 'users') eventOf = (r) => userEvent(r[col('id')]);
    else if (table === 'blobs') eventOf = (r) => blobEvent(r[col('sha256')]);
    else if (table === 'jobs') eventOf = (r) => jobEvent(r[col('id')]);
    else if (table === 'stages') eventOf = (r) => jobEvent(jobIds.get(r[col('job_pk')]));
    else if (table === 'applied_events') eventOf = (r) => index.byEventId.get(String(r[col('event_id')]));
    else if (table === 'imports') eventOf = () => 0;
    bucket(table, columns, data, eventOf);
  }

  const ftsColumnNames = ['rowid', ...FTS_COLUMNS];
  const ftsRows = (db.prepare(FTS_SOURCE).all() as (FtsSource & { pk: number })[]).map((doc) => [doc.pk, ...ftsColumns(doc)]);
  bucket('applications_fts', ftsColumnNames, ftsRows, (r) => appEvent.get(r[0]));
  return { tables, batchCount, rows };
}

/** Inserts the precomputed rows into a fresh DB; returns the seconds of the insert loop only. */
export function loadIdeal(file: string, load: IdealLoad): { seconds: number; counts: Map<string, number> } {
  const db = openDatabase(file);
  try {
    const statements = load.tables.map((t) => db.prepare(t.sql));
    const start = performance.now();
    for (let b = 0; b < load.batchCount; b++) {
      db.transaction(() => {
        load.tables.forEach((t, i) => {
          const statement = statements[i]!;
          for (const row of t.batches[b]!) statement.run(row);
        });
      })();
    }
    const seconds = (performance.now() - start) / 1000;
    return { seconds, counts: tableCounts(db) };
  } finally {
    db.close();
  }
}

/** Row counts of every table (the FTS by its docsize shadow and a few searches), to check two loads agree. */
export function tableCounts(db: Db): Map<string, number> {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND (name NOT LIKE 'applications_fts%' OR name = 'applications_fts_docsize')").all() as { name: string }[]
  ).map((t) => t.name);
  const counts = new Map(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
  // The FTS text is recomputed by the ideal, so also check it finds the same documents.
  for (const probe of ['"a"*', '"m"*', '"pdf"']) {
    const sql = 'SELECT count(*) AS n FROM applications_fts WHERE applications_fts MATCH ?';
    counts.set(`applications_fts MATCH ${probe}`, (db.prepare(sql).get(probe) as { n: number }).n);
  }
  return counts;
}
