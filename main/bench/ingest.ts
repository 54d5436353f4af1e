/** Ingest: our runImport of an NDJSON file beside a bare insert loop writing the same rows. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/open.js';
import { DEFAULT_BATCH_SIZE, runImport } from '../sync/run.js';
import { demoEvents } from '../sync/sources/demo/index.js';
import { readEventsFromPath } from '../sync/sources/files.js';
import type { IngestResult } from '../sync/types.js';
import { dumpRows, loadIdeal, tableCounts, type EventIndex } from './ideal-ingest.js';
import { NdjsonWriter } from './ndjson.js';
import type { Figure } from './report.js';
import { log, median, peakRssKB } from './stats.js';

export const SEED = 'candidate-viewer-bench';

/** Writes the demo's events for `count` applications to `file`, remembering where each event sits. */
export function writeDemoNdjson(file: string, count: number): EventIndex & { bytes: number } {
  const writer = new NdjsonWriter(file);
  const index: EventIndex = { byEventId: new Map(), byJobId: new Map(), count: 0 };
  for (const event of demoEvents({ count, seed: SEED })) {
    index.byEventId.set(String(event.eventId), index.count);
    if (event.syncDataType === 'ats_jobs' && typeof event.recordId === 'string' && !index.byJobId.has(event.recordId)) {
      index.byJobId.set(event.recordId, index.count);
    }
    writer.write(event);
    index.count++;
  }
  writer.close();
  return { ...index, bytes: writer.bytes };
}

async function importOurs(dbFile: string, ndjson: string, extractText = true): Promise<{ seconds: number; result: IngestResult }> {
  const db = openDatabase(dbFile);
  try {
    const start = performance.now();
    // With extraction on, runImport returns once every attachment's text is in the index.
    const result = await runImport(db, readEventsFromPath(ndjson), { source: 'bench', extractText });
    return { seconds: (performance.now() - start) / 1000, result };
  } finally {
    db.close();
  }
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** The event count the ingest target is stated at. */
const TARGET_EVENTS = 100_000;

/**
 * Runs ours `runs` times and the ideal `runs` times, each on a fresh DB. The first of
 * ours is kept at `keepDb` (the query bench uses it) and is where the ideal's rows come from.
 */
export async function benchIngest(dir: string, count: number, runs: number, keepDb: string): Promise<Figure[]> {
  const ndjson = join(dir, 'ingest.ndjson');
  log(`ingest: writing ${count} demo applications to NDJSON`);
  const index = writeDemoNdjson(ndjson, count);
  log(`ingest: ${index.count} events, ${(index.bytes / 1024 / 1024).toFixed(0)} MiB`);

  const ours: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dbFile = run === 0 ? keepDb : join(dir, `ours-${run}.db`);
    const { seconds, result } = await importOurs(dbFile, ndjson);
    if (result.received !== index.count || result.applied !== index.count) {
      throw new Error(`ingest: expected ${index.count} applied events, got ${JSON.stringify({ ...result, errors: result.errors.slice(0, 3) })}`);
    }
    ours.push(index.count / seconds);
    log(`ingest: ours run ${run + 1}: ${seconds.toFixed(1)} s, ${Math.round(index.count / seconds)} events/s`);
    if (run > 0) removeDb(dbFile);
  }

  // The same import without attachment text: what extraction costs, measured in this run.
  const plainFile = join(dir, 'ours-no-text.db');
  const plain = await importOurs(plainFile, ndjson, false);
  removeDb(plainFile);
  const plainRate = index.count / plain.seconds;
  // Worker threads live in this process: its peak RSS bounds the extraction workers' own.
  const peakMb = peakRssKB() / 1024;
  log(`ingest: without text extraction: ${plain.seconds.toFixed(1)} s, ${Math.round(plainRate)} events/s; peak RSS so far ${peakMb.toFixed(0)} MB`);

  log('ingest: reading back the rows our import wrote');
  const source = openDatabase(keepDb);
  const load = dumpRows(source, index, DEFAULT_BATCH_SIZE);
  const expected = tableCounts(source);
  source.close();
  log(`ingest: ${load.rows} rows (${(load.rows / index.count).toFixed(1)} per event) in ${load.batchCount} transactions`);

  const ideal: number[] = [];
  let mismatch: string | undefined;
  for (let run = 0; run < runs; run++) {
    const dbFile = join(dir, `ideal-${run}.db`);
    const { seconds, counts } = loadIdeal(dbFile, load);
    removeDb(dbFile);
    const wrong = [...expected].filter(([table, n]) => counts.get(table) !== n).map(([t, n]) => `${t} ${counts.get(t)} vs ${n}`);
    if (wrong.length > 0) mismatch = `ideal row counts differ: ${wrong.join(', ')}`;
    ideal.push(index.count / seconds);
    log(`ingest: ideal run ${run + 1}: ${seconds.toFixed(1)} s, ${Math.round(index.count / seconds)} events/s`);
  }
  if (mismatch !== undefined) log(`WARNING ${mismatch}`);

  const oursRate = median(ours);
  const idealRate = median(ideal);
  return [
    {
      section: 'ingest',
      name: `runImport of ${index.count} events (NDJSON file, batches of ${DEFAULT_BATCH_SIZE}), median of ${runs}`,
      unit: 'events/s',
      ours: oursRate,
      ideal: idealRate,
      ratio: oursRate / idealRate,
      // The target is stated at 100k events; a --quick run is too short for the
      // ratio to mean much (fixed costs weigh more), so it is shown but not judged.
      target: index.count >= TARGET_EVENTS ? 'ours/ideal >= 0.50' : `ours/ideal >= 0.50 (judged at ${TARGET_EVENTS / 1000}k only)`,
      pass: index.count >= TARGET_EVENTS ? oursRate / idealRate >= 0.5 : null,
      note:
        mismatch ??
        `ideal re-inserts the same ${load.rows} rows (${(load.rows / index.count).toFixed(1)}/event, same row counts in every table); ours runs: ${ours.map(Math.round).join(', ')}; ideal runs: ${ideal.map(Math.round).join(', ')}`,
    },
    {
      section: 'ingest',
      name: `runImport of ${index.count} events with attachment text extraction, beside the same import without it`,
      unit: 'events/s',
      ours: oursRate,
      ideal: plainRate,
      ratio: oursRate / plainRate,
      // "At most 2x the time" of the sync without extraction.
      target: index.count >= TARGET_EVENTS ? 'ours/ideal >= 0.50' : `ours/ideal >= 0.50 (judged at ${TARGET_EVENTS / 1000}k only)`,
      pass: index.count >= TARGET_EVENTS ? oursRate / plainRate >= 0.5 : null,
      note: `peak RSS of the bench process with its extraction workers (threads): ${peakMb.toFixed(0)} MB`,
    },
  ];
}
