/**
 * Child process of the peak-RSS bench. Prints one JSON line on stdout:
 * { mode, events, applied, rejected, seconds, maxRssKB } (the peak resident set in KB: peakRssKB).
 *   import <db> <ndjson>  our import (openDatabase + runImport(readEventsFromPath))
 *   parse <ndjson>        the ideal: only stream + JSON-parse the file, no DB
 */
import { openDatabase } from '../db/open.js';
import { runImport } from '../sync/run.js';
import { readEventsFromPath } from '../sync/sources/files.js';
import { peakRssKB } from './stats.js';

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const start = performance.now();
  let events = 0;
  let rejected = 0;
  let applied = 0;
  if (mode === 'import' && args.length === 2) {
    const db = openDatabase(args[0]!);
    const result = await runImport(db, readEventsFromPath(args[1]!), { source: 'bench rss' });
    events = result.received;
    rejected = result.rejected;
    applied = result.applied;
    db.close();
  } else if (mode === 'parse' && args.length === 1) {
    for await (const item of readEventsFromPath(args[0]!)) {
      events++;
      if ('value' in item) applied++;
      else rejected++;
    }
  } else {
    throw new Error('usage: rss-child.ts import <db> <ndjson> | parse <ndjson>');
  }
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(`${JSON.stringify({ mode, events, applied, rejected, seconds, maxRssKB: peakRssKB() })}\n`);
}

await main();
