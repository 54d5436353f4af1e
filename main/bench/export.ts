/**
 * Export figures: a CSV export of every application beside `sqlite3 -csv` of the same
 * columns from the same file in the same run, and the peak RSS of the CSV and XLSX
 * exports, each in a child process of its own (this file, run with `child`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/open.js';
import { BrowseQueries } from '../db/queries/browse.js';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS } from '../export/columns.js';
import { ExportService } from '../export/service.js';
import type { ExportFormat } from '../../shared/api/export.js';
import type { Figure } from './report.js';
import { log, peakRssKB } from './stats.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface ChildReport {
  rows: number;
  seconds: number;
  maxRssKB: number;
}

function runChild(dbFile: string, out: string, format: ExportFormat): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, 'child', dbFile, out, format], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`export child (${format}) exited with ${code}: ${printed}`));
      try {
        resolve(JSON.parse(printed.trim().split('\n').pop() ?? '') as ChildReport);
      } catch {
        reject(new Error(`export child (${format}) printed no report: ${printed}`));
      }
    });
  });
}

/** The same columns in the same order as our default export, through the sqlite3 shell. */
function sqliteCsv(dbFile: string, out: string): Promise<number | null> {
  if (spawnSync('sqlite3', ['-version']).status !== 0) return Promise.resolve(null);
  const db = openDatabase(dbFile, { readonly: true });
  const columns = DEFAULT_EXPORT_COLUMNS.map((column) => `${EXPORT_COLUMNS[column].sql} AS "${column}"`).join(', ');
  const { sql, params } = new BrowseQueries(db).inListOrder({}, columns);
  db.close();
  if (params.length > 0) throw new Error('the unfiltered export takes no parameters');
  return new Promise((resolve, reject) => {
    const file = createWriteStream(out);
    file.on('open', () => {
      const start = performance.now();
      const child = spawn('sqlite3', ['-csv', '-header', dbFile, `${sql};`], { stdio: ['ignore', file, 'inherit'] });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve((performance.now() - start) / 1000) : reject(new Error(`sqlite3 -csv exited with ${code}`))));
    });
  });
}

export async function benchExport(dir: string, dbFile: string): Promise<Figure[]> {
  log('export: sqlite3 -csv of the default columns');
  const ideal = await sqliteCsv(dbFile, join(dir, 'ideal.csv'));
  log('export: CSV child');
  const csv = await runChild(dbFile, join(dir, 'export.csv'), 'csv');
  log(`export: CSV ${csv.rows} rows in ${csv.seconds.toFixed(2)} s, peak ${(csv.maxRssKB / 1024).toFixed(0)} MB; XLSX child`);
  const xlsx = await runChild(dbFile, join(dir, 'export.xlsx'), 'xlsx');
  log(`export: XLSX in ${xlsx.seconds.toFixed(2)} s, peak ${(xlsx.maxRssKB / 1024).toFixed(0)} MB`);
  const sizes = `CSV ${(statSync(join(dir, 'export.csv')).size / 1024 / 1024).toFixed(0)} MiB, XLSX ${(statSync(join(dir, 'export.xlsx')).size / 1024 / 1024).toFixed(0)} MiB`;
  const csvMs = csv.seconds * 1000;
  const idealMs = ideal === null ? Number.NaN : ideal * 1000;
  return [
    {
      section: 'export',
      name: `CSV export of ${csv.rows} applications, ${DEFAULT_EXPORT_COLUMNS.length} columns`,
      unit: 'ms',
      ours: csvMs,
      ideal: idealMs,
      ratio: csvMs / idealMs,
      target: 'ratio <= 1.50',
      pass: ideal === null ? null : csvMs / idealMs <= 1.5,
      note:
        ideal === null
          ? 'no sqlite3 binary on PATH: the ideal is skipped'
          : `ideal: sqlite3 -csv of the same SELECT (same columns, filter and order) on the same file, process start included; ours timed inside its child; ${sizes}`,
    },
    { section: 'export', name: 'peak RSS of that CSV export (child process)', unit: 'MB', ours: csv.maxRssKB / 1024, ideal: Number.NaN, ratio: Number.NaN, target: 'peak <= 250 MB', pass: csv.maxRssKB / 1024 <= 250 },
    { section: 'export', name: 'XLSX export of the same rows', unit: 'ms', ours: xlsx.seconds * 1000, ideal: csvMs, ratio: xlsx.seconds / csv.seconds, target: '(informational)', pass: null, note: 'ideal: our CSV export of the same rows' },
    { section: 'export', name: 'peak RSS of that XLSX export (child process)', unit: 'MB', ours: xlsx.maxRssKB / 1024, ideal: Number.NaN, ratio: Number.NaN, target: 'peak <= 400 MB', pass: xlsx.maxRssKB / 1024 <= 400 },
  ];
}

async function child(dbFile: string, out: string, format: ExportFormat): Promise<void> {
  const db = openDatabase(dbFile, { readonly: true });
  const start = performance.now();
  const result = await new ExportService(db).export(out, { format });
  const seconds = (performance.now() - start) / 1000;
  db.close();
  process.stdout.write(`${JSON.stringify({ rows: result.rows, seconds, maxRssKB: peakRssKB() })}\n`);
}

if (process.argv[1] === SELF && process.argv[2] === 'child') {
  const [dbFile, out, format] = process.argv.slice(3);
  if (dbFile === undefined || out === undefined || (format !== 'csv' && format !== 'xlsx')) throw new Error('usage: export.ts child <db> <out> csv|xlsx');
  await child(dbFile, out, format);
}
