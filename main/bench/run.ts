/**
 * `npm run bench`: the performance budgets of DESIGN §7. Every figure is printed beside
 * an ideal measured in the same run on the same machine, with the ratio and the target.
 *
 * The ideals, and why each is fair:
 * - Ingest: the exact rows our import wrote (every table, the FTS text recomputed with
 *   the store's own SQL), re-inserted into a fresh DB from openDatabase (same pragmas,
 *   tables and indexes) by a bare loop of statements prepared once, in transactions of
 *   1000 events' worth of rows like runImport. It does only what the end state requires:
 *   no parsing, validation, lookups, upserts or re-reads, so ours/ideal is what our layer
 *   costs over SQLite itself.
 * - Queries: the same answer through bare prepared SQL on the same DB: a page is the
 *   covering-index walk plus 50 row lookups (no total count); search is one FTS5 MATCH
 *   ranked by bm25; facets are five plain GROUP BYs. What is left is our query shape.
 * - Reports (reports.ts): one count of the same applications. Export (export.ts): `sqlite3 -csv`
 *   of the same SELECT on the same file; peak RSS of each export in a child process.
 * - Peak RSS: a child process that streams the same file through readEventsFromPath and
 *   JSON.parse without a DB: the floor of any import of that file in Node + tsx.
 * - UI (ui.ts): the web face on the ingest's DB in Chromium through Playwright, timed in the
 *   page; beside a static load + a bare API round trip, bare API round trips, and the rows
 *   a viewport holds.
 * - PDF preview (preview.ts): a 20-page résumé from Preview click to page 1 painted, beside a
 *   bare fetch of its bytes + pdf.js drawing page 1 to a same-size canvas in the same page.
 * - Initial bundle (bundle.ts): the JS+CSS index.html loads, beside the same vite build of
 *   a01faa1 (before #7); pdf.js, mammoth, DOMPurify and csv-parse must sit in lazy chunks.
 *
 * - Encryption (encryption.ts): the same import and queries on a plaintext database; for
 *   erasing a candidate, a TRUNCATE checkpoint alone.
 *
 * Options: --count N (default 100000), --quick (5000, fewer iterations), --runs N (imports of each
 * kind in the ingest section, default 3), --skip-rss, --skip-ui
 * (the UI, preview and bundle figures), --rss-mb N (default 1024), --only encryption|ui|preview
 * (just that section: ui imports --count applications once for its DB, preview needs none),
 * --json (one JSON document on stdout; table on stderr).
 * Data come from the demo generator with a fixed seed; all files live in a temp dir
 * that is removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open.js';
import { runImport } from '../sync/run.js';
import { readEventsFromPath } from '../sync/sources/files.js';
import { benchBundle } from './bundle.js';
import { benchEncryption } from './encryption.js';
import { benchExport } from './export.js';
import { benchIngest, writeDemoNdjson } from './ingest.js';
import { benchPreview } from './preview.js';
import { benchQueries } from './queries.js';
import { renderTable, type Report } from './report.js';
import { benchReports } from './reports.js';
import { benchRss } from './rss.js';
import { benchUi } from './ui.js';
import { log } from './stats.js';

const USAGE = 'usage: npm run bench -- [--quick] [--count N] [--runs N] [--rss-mb N] [--skip-rss] [--skip-ui] [--skip-encryption] [--only encryption|ui|preview] [--json] [--help]';
const ONLY = ['encryption', 'ui', 'preview'];

function usageError(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function options() {
  try {
    return parseArgs({
      options: {
        count: { type: 'string' },
        quick: { type: 'boolean', default: false },
        'skip-rss': { type: 'boolean', default: false },
        'skip-ui': { type: 'boolean', default: false },
        runs: { type: 'string' },
        'skip-encryption': { type: 'boolean', default: false },
        'rss-mb': { type: 'string' },
        only: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
}

function positive(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) usageError(`--${name} must be a whole number above 0, got ${text}`);
  return n;
}

const values = options();
if (values.help) {
  process.stdout.write(
    `${USAGE}\n\n` +
      '  --quick      5000 applications, fewer runs: a smoke test (targets are stated at 100k)\n' +
      '  --count N    applications to ingest and query (default 100000)\n' +
      '  --runs N     imports of each kind in the ingest section (default 3, --quick 2)\n' +
      '  --rss-mb N   size of the NDJSON file whose import peak RSS is measured (default 1024)\n' +
      '  --skip-rss   skip that import; --skip-ui skip the Chromium and bundle measurements\n' +
      '  --only encryption  only the encrypted-database section (issue #9); --skip-encryption leaves it out\n' +
      '  --only ui    only the UI section (its DB: --count applications imported once), PDF preview and bundle\n' +
      '  --only preview  only the PDF preview and initial bundle figures (issue #7; no bench DB)\n' +
      '  --json       one JSON document on stdout (the table goes to stderr)\n',
  );
  process.exit(0);
}
const quick = values.quick;
const only = values.only;
if (only !== undefined && !ONLY.includes(only)) usageError(`--only takes ${ONLY.join(', ')}, got ${JSON.stringify(only)}`);
const count = positive(values.count, quick ? 5000 : 100_000, 'count');
const rssMb = positive(values['rss-mb'], quick ? 64 : 1024, 'rss-mb');
const ingestRuns = positive(values.runs, quick ? 2 : 3, 'runs');
const queryRuns = quick ? 40 : 200;
const warmup = quick ? 5 : 20;
const previewOpens = quick ? 8 : 20;

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'cv-bench-'));
const report: Report = { meta: {}, figures: [] };
let ui = 'skipped';

/** The PDF preview and the initial bundle (issue #7): no bench DB needed. */
async function benchAttachmentsUi(): Promise<string> {
  const preview = await benchPreview(dir, { opens: previewOpens });
  report.figures.push(...preview.figures);
  report.figures.push(...(await benchBundle()));
  return preview.browser;
}

try {
  if (only === 'encryption') {
    const ndjson = join(dir, 'at-rest.ndjson');
    log(`encryption: writing ${count} demo applications to NDJSON`);
    writeDemoNdjson(ndjson, count);
    report.figures.push(...(await benchEncryption(dir, ndjson, count, queryRuns, warmup)));
  } else if (only === 'ui' || only === 'preview') {
    if (only === 'ui') {
      // The DB the ingest section would leave: the same file, imported once.
      const ndjson = join(dir, 'ingest.ndjson');
      const dbFile = join(dir, 'ours.db');
      log(`ui: writing ${count} demo applications to NDJSON and importing them once`);
      writeDemoNdjson(ndjson, count);
      const db = openDatabase(dbFile);
      try {
        await runImport(db, readEventsFromPath(ndjson), { source: 'bench' });
      } finally {
        db.close();
      }
      const result = await benchUi(dbFile);
      report.figures.push(...result.figures);
    }
    ui = await benchAttachmentsUi();
  } else {
  const dbFile = join(dir, 'ours.db');
  report.figures.push(...(await benchIngest(dir, count, ingestRuns, dbFile)));
  const db = openDatabase(dbFile);
  try {
    report.figures.push(...benchQueries(db, queryRuns, warmup));
    report.figures.push(...benchReports(db, queryRuns, warmup));
  } finally {
    db.close();
  }
  report.figures.push(...(await benchExport(dir, dbFile)));
  if (!values['skip-rss']) report.figures.push(...(await benchRss(dir, rssMb)));
  if (!values['skip-ui']) {
    const result = await benchUi(dbFile);
    report.figures.push(...result.figures);
    ui = result.browser;
    await benchAttachmentsUi();
  }
  if (!values['skip-encryption']) report.figures.push(...(await benchEncryption(dir, join(dir, 'ingest.ndjson'), count, queryRuns, warmup)));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const sqlite = new (await import('better-sqlite3')).default(':memory:');
report.meta = {
  count,
  quick,
  rssMb: values['skip-rss'] ? 'skipped' : rssMb,
  ingestRuns,
  queryRuns,
  ui,
  node: process.version,
  sqlite: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
  seconds: Math.round((performance.now() - started) / 1000),
  failed: report.figures.filter((f) => f.pass === false).length,
};
sqlite.close();

const table = renderTable(report);
if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`${table}\n`);
} else {
  process.stdout.write(`${table}\n`);
}
log(`done in ${report.meta.seconds} s`);
