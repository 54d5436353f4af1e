/**
 * Data at rest (issue #9): the same NDJSON imported into a plaintext and into an encrypted
 * database (text extraction off in both, so the cipher is all that differs), the query
 * bench's page, search and facet queries on each, and erasing one candidate at a time
 * from the encrypted one, checkpoint included. Ideals: the plaintext run, and for erasure
 * the checkpoint alone (what any durable delete pays).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKey } from '../db/key.js';
import { openDatabase } from '../db/open.js';
import { ErasureService } from '../privacy/erasure.js';
import { runImport } from '../sync/run.js';
import { readEventsFromPath } from '../sync/sources/files.js';
import { benchQueries } from './queries.js';
import { latencyFigure, type Figure } from './report.js';
import { latency, log, median, percentile, type Latency } from './stats.js';

const KEY: DatabaseKey = { kind: 'hex', hex: '5a'.repeat(32) };
/** The ingest and query targets are stated at 100k applications. */
const TARGET_COUNT = 100_000;

async function importInto(file: string, ndjson: string, key: DatabaseKey | null): Promise<{ rate: number; received: number }> {
  const db = openDatabase(file, { key });
  try {
    const start = performance.now();
    const result = await runImport(db, readEventsFromPath(ndjson), { source: 'bench', extractText: false });
    return { rate: result.received / ((performance.now() - start) / 1000), received: result.received };
  } finally {
    db.close();
  }
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

export async function benchEncryption(dir: string, ndjson: string, count: number, runs: number, warmup: number): Promise<Figure[]> {
  const plainFile = join(dir, 'at-rest-plain.db');
  const encryptedFile = join(dir, 'at-rest-encrypted.db');
  const judged = count >= TARGET_COUNT;
  // Alternate the two, twice, so neither always runs on a warmer disk cache.
  const plainRates: number[] = [];
  const encryptedRates: number[] = [];
  for (let run = 0; run < 2; run++) {
    for (const [file, key, into] of [
      [plainFile, null, plainRates],
      [encryptedFile, KEY, encryptedRates],
    ] as const) {
      if (run > 0) removeDb(file);
      log(`encryption: import ${key === null ? 'plaintext' : 'encrypted'}, run ${run + 1}`);
      into.push((await importInto(file, ndjson, key)).rate);
    }
  }
  const plainRate = median(plainRates);
  const encryptedRate = median(encryptedRates);
  const figures: Figure[] = [
    {
      section: 'encryption',
      name: 'runImport into an encrypted database (AEGIS-256), beside the same import into a plaintext one (extraction off in both)',
      unit: 'events/s',
      ours: encryptedRate,
      ideal: plainRate,
      ratio: encryptedRate / plainRate,
      target: judged ? 'ours/ideal >= 0.70' : 'ours/ideal >= 0.70 (judged at 100k only)',
      pass: judged ? encryptedRate / plainRate >= 0.7 : null,
      note: `encrypted runs: ${encryptedRates.map(Math.round).join(', ')}; plaintext runs: ${plainRates.map(Math.round).join(', ')}`,
    },
  ];

  // The query bench on both files: each encrypted query beside the same one in plaintext.
  // Three rounds each, alternating (P E E P P E), so that load from elsewhere on the
  // machine weighs on both alike: the p95 of a 1 ms query is mostly that load. Each side
  // keeps, query by query, its best round.
  const rounds = { plain: [] as Figure[][], encrypted: [] as Figure[][] };
  for (const side of ['plain', 'encrypted', 'encrypted', 'plain', 'plain', 'encrypted'] as const) {
    log(`encryption: queries on the ${side === 'plain' ? 'plaintext' : 'encrypted'} database, round ${rounds[side].length + 1}`);
    const db = side === 'plain' ? openDatabase(plainFile, { readonly: true }) : openDatabase(encryptedFile, { readonly: true, key: KEY });
    try {
      rounds[side].push(benchQueries(db, runs, warmup));
    } finally {
      db.close();
    }
  }
  const best = ([first, ...others]: Figure[][]) =>
    first!.map((figure, i) => others.reduce((kept, round) => (round[i]!.ours < kept.ours ? round[i]! : kept), figure));
  const plainQueries = best(rounds.plain);
  const encryptedQueries = best(rounds.encrypted);
  for (const [i, ours] of encryptedQueries.entries()) {
    const base = plainQueries[i]!;
    figures.push({
      ...ours,
      section: 'encryption',
      name: `encrypted: ${ours.name}`,
      ideal: base.ours,
      idealP50: base.oursP50,
      ratio: ours.ours / base.ours,
      target: judged ? 'ours/ideal <= 1.30' : 'ours/ideal <= 1.30 (judged at 100k only)',
      // Sub-millisecond queries are judged by the ratio only when the difference is measurable.
      pass: judged ? ours.ours / base.ours <= 1.3 || ours.ours - base.ours < 0.1 : null,
      note: 'ideal: the same query on the plaintext database; p95 of the best of three rounds on each',
    });
  }

  // Erasing candidates one by one, each in its own transaction and TRUNCATE checkpoint.
  const db = openDatabase(encryptedFile, { key: KEY });
  try {
    const erasure = new ErasureService(db);
    const candidates = (
      db.prepare('SELECT candidate_id AS id FROM applications WHERE candidate_id IS NOT NULL GROUP BY candidate_id ORDER BY random() LIMIT 40').all() as { id: string }[]
    ).map((row) => row.id);
    log(`encryption: erasing ${candidates.length} candidates`);
    const times: number[] = [];
    for (const id of candidates) {
      const start = performance.now();
      erasure.forget({ candidateId: id });
      times.push(performance.now() - start);
    }
    const checkpoint = latency(() => db.pragma('wal_checkpoint(TRUNCATE)'), 40, 2);
    const ours: Latency = { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
    figures.push(
      latencyFigure(
        'encryption',
        `forget one candidate (every application, files, text, index entries; checkpoint included), ${candidates.length} candidates`,
        ours,
        checkpoint,
        500,
        'ideal: a TRUNCATE checkpoint alone',
      ),
    );
  } finally {
    db.close();
  }
  removeDb(plainFile);
  removeDb(encryptedFile);
  return figures;
}
