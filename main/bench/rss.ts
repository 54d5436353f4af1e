/**
 * Peak RSS of a large NDJSON import, measured in child processes (rss-child.ts):
 * our import beside a child that only streams and JSON-parses the same file.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoEvents } from '../sync/sources/demo/index.js';
import { NdjsonWriter } from './ndjson.js';
import type { Figure } from './report.js';
import { log } from './stats.js';
import { SEED } from './ingest.js';

const CHILD = fileURLToPath(new URL('./rss-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

interface ChildReport {
  mode: string;
  events: number;
  applied: number;
  rejected: number;
  seconds: number;
  maxRssKB: number;
}

/**
 * Streams demo events into `file` until it holds `mb` MiB. One demo run with a huge
 * count: application i depends only on (seed, i), so every eventId and application id
 * is distinct, and names, stories and attachments vary throughout.
 */
export function writeLargeNdjson(file: string, mb: number): { events: number; bytes: number } {
  const writer = new NdjsonWriter(file);
  for (const event of demoEvents({ count: 100_000_000, seed: `${SEED}-rss` })) {
    writer.write(event);
    if (writer.bytes >= mb * MB) break;
  }
  writer.close();
  return { events: writer.lines, bytes: writer.bytes };
}

function runChild(args: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`rss child ${args[0]} exited with ${code}: ${out}`));
      try {
        resolve(JSON.parse(last) as ChildReport);
      } catch {
        reject(new Error(`rss child ${args[0]} printed no report: ${out}`));
      }
    });
  });
}

export async function benchRss(dir: string, mb: number): Promise<Figure[]> {
  const file = join(dir, 'large.ndjson');
  log(`rss: writing ~${mb} MiB of NDJSON`);
  const written = writeLargeNdjson(file, mb);
  const size = `${(written.bytes / MB).toFixed(0)} MiB, ${written.events} events`;
  log(`rss: ${size}; parse-only child`);
  const parse = await runChild(['parse', file]);
  log(`rss: parse-only peak ${(parse.maxRssKB / 1024).toFixed(0)} MB; import child`);
  const ours = await runChild(['import', join(dir, 'large.db'), file]);
  log(`rss: import peak ${(ours.maxRssKB / 1024).toFixed(0)} MB in ${ours.seconds.toFixed(1)} s`);
  if (ours.events !== written.events || ours.applied !== written.events) {
    throw new Error(`rss: import received ${ours.events} and applied ${ours.applied} of ${written.events} events`);
  }
  const oursMb = ours.maxRssKB / 1024;
  const idealMb = parse.maxRssKB / 1024;
  const oursRate = ours.events / ours.seconds;
  const parseRate = parse.events / parse.seconds;
  return [
    {
      section: 'rss',
      name: `peak RSS importing ${size} (child process)`,
      unit: 'MB',
      ours: oursMb,
      ideal: idealMb,
      ratio: oursMb / idealMb,
      target: 'peak <= 300 MB',
      pass: oursMb <= 300,
      note: 'ideal: a child that only streams the file through readEventsFromPath (JSON.parse, no DB)',
    },
    {
      section: 'rss',
      name: 'ingest rate of that import (ideal: parse only)',
      unit: 'events/s',
      ours: oursRate,
      ideal: parseRate,
      ratio: oursRate / parseRate,
      target: '(informational)',
      pass: null,
    },
  ];
}
