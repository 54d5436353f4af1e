import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, SCHEMA_VERSION } from './db/open.js';
import { demoEvents } from './sync/sources/demo/index.js';
import { signBody } from './sync/sources/signature.js';
import { cli, cliProcess, exited, firstLine } from './testing/cli.js';
import { applicationEvent } from './testing/events.js';
import { dumpState, fixtureJson, fixturePath, readFixture, tempDir, type TempDir } from './testing/temp.js';

let dir: TempDir;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = dir.file('cv.sqlite');
});
afterEach(() => dir.remove());

/** The schema version of a database file another process is making (0 until it exists). */
function schemaVersion(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

const seed = () => fixtureJson<Record<string, any>>('seed-example-event.json');

describe('sync then show', () => {
  it('round-trips the corrected reference example exactly as received', () => {
    const synced = cli(['sync', fixturePath('seed-example-event.json'), '--db', db, '--json']);
    expect(synced.status).toBe(0);
    expect(synced.json()).toEqual({ received: 1, applied: 1, duplicates: 0, stale: 0, deleted: 0, rejected: 0, suppressed: 0, errors: [] });

    const shown = cli(['show', 'lRQ03MnbWBSTKHX', '--db', db, '--json']);
    expect(shown.status).toBe(0);
    const { attachments, ...models } = seed().eventData;
    const value = shown.json();
    expect(Object.keys(value).sort()).toEqual(['attachments', 'currentStage', 'info', 'interviews', 'offers', 'rejection']);
    expect({ ...value, attachments: undefined }).toEqual({ ...models, attachments: undefined });
    expect(value.interviews[0].status).toBe('COMPLETED');
    expect(value.attachments).toEqual([
      { ...attachments[0], size: null, mediaType: null },
      { type: 'COVER_LETTER', name: 'Cover Letter', createdAt: '1970-01-01T00:00:00Z', size: 31, mediaType: 'text/plain' },
    ]);

    const withContent = cli(['show', 'lRQ03MnbWBSTKHX', '--with-content', '--db', db, '--json']).json();
    expect(withContent.attachments[1].attachmentContent).toEqual(attachments[1].attachmentContent);
  });

  it('refuses the example as published with its position, writing nothing', () => {
    const synced = cli(['sync', fixturePath('seed-example-as-published.txt'), '--db', db, '--json']);
    expect(synced.status).toBe(1);
    expect(synced.stdout).toBe('');
    expect(synced.stderr).toBe('error: seed-example-as-published.txt:16:27: not valid JSON: Bad control character in string literal\n');
    expect(cli(['list', '--db', db, '--json']).json()).toEqual({ total: 0, items: [] });
  });

  it('applies the lifecycle: new, processed, modified, deleted', () => {
    const synced = cli(['sync', fixturePath('seed-lifecycle.ndjson'), '--db', db, '--json']);
    expect(synced.json()).toEqual({ received: 4, applied: 3, duplicates: 0, stale: 0, deleted: 1, rejected: 0, suppressed: 0, errors: [] });
    expect(cli(['list', '--db', db, '--json']).json()).toEqual({ total: 0, items: [] });
    const all = cli(['list', '--include-deleted', '--db', db, '--json']).json();
    expect(all.items).toEqual([expect.objectContaining({ id: 'lRQ03MnbWBSTKHX', stage: 'Offer', deletedAt: expect.any(String) })]);
    // Again: every event is a duplicate.
    expect(cli(['sync', fixturePath('seed-lifecycle.ndjson'), '--db', db, '--json']).json()).toMatchObject({ received: 4, duplicates: 4 });
  });

  it('reports broken lines with file and line, imports the rest and exits 0', () => {
    const file = dir.file('mixed.ndjson');
    writeFileSync(file, `${JSON.stringify(seed())}\n{"eventId": oops}\n{"eventType":"record.new","eventData":{}}\n`);
    const synced = cli(['sync', file, '--db', db, '--json']);
    expect(synced.status).toBe(0);
    expect(synced.json()).toEqual({
      received: 3,
      applied: 1,
      duplicates: 0,
      stale: 0,
      deleted: 0,
      rejected: 2,
      suppressed: 0,
      errors: [
        { source: 'mixed.ndjson:2', message: expect.stringMatching(/^not valid JSON at column 13: /) },
        { source: 'mixed.ndjson:3', message: 'eventId is missing' },
      ],
    });
  });

  it('reads events from stdin', () => {
    const synced = cli(['sync', '-', '--db', db, '--json'], { input: readFixture('seed-lifecycle.ndjson') });
    expect(synced.json()).toMatchObject({ received: 4, applied: 3, deleted: 1 });
  });

  it('prints a summary for people without --json', () => {
    const synced = cli(['sync', fixturePath('seed-lifecycle.ndjson'), '--db', db]);
    expect(synced.stdout).toBe('Read 4 events: 3 applied, 0 duplicates, 0 stale, 1 deleted, 0 rejected.\n');
  });
});

describe('list', () => {
  it('lists with the DESIGN shape, filters and paging', () => {
    cli(['sync', '--demo', '--count', '60', '--seed', 'list', '--db', db]);
    const page = cli(['list', '--limit', '5', '--offset', '5', '--db', db, '--json']).json();
    expect(page.total).toBe(60);
    expect(page.items).toHaveLength(5);
    expect(Object.keys(page.items[0])).toEqual(['id', 'candidateId', 'candidateName', 'email', 'jobId', 'jobTitle', 'stage', 'status', 'origin', 'owner', 'appliedAt', 'updatedAt']);
    const active = cli(['list', '--status', 'active', '--sort', 'candidateName', '--order', 'asc', '--limit', '1000', '--db', db, '--json']).json();
    expect(active.total).toBeGreaterThan(0);
    expect(active.items.every((item: { status: string }) => item.status === 'ACTIVE')).toBe(true);
    const text = cli(['list', '--limit', '3', '--db', db]);
    expect(text.stdout).toMatch(/^Candidate\s+Job\s+Stage/);
    expect(text.stdout).toMatch(/1-3 of 60 applications\n$/);
  });

  it('finds applications where a field is not set with an empty filter value', { timeout: 180_000 }, () => {
    const file = dir.file('unowned.ndjson');
    const events = [
      applicationEvent({ id: 'u1', owner: null, origin: null }),
      applicationEvent({ id: 'u2', owner: null, status: 'HIRED' }),
      applicationEvent({ id: 'u3', stage: null }),
    ];
    writeFileSync(file, events.map((event) => JSON.stringify(event)).join('\n'));
    cli(['sync', file, '--db', db]);
    const ids = (...filters: string[]) =>
      cli(['list', ...filters, '--sort', 'id', '--db', db, '--json']).json().items.map((item: { id: string }) => item.id);
    expect(ids('--owner', '')).toEqual(['u1', 'u2']);
    expect(ids('--owner', ' ', '--status', 'hired')).toEqual(['u2']);
    expect(ids('--origin', '')).toEqual(['u1']);
    expect(ids('--stage', '')).toEqual(['u3']);
    expect(ids('--status', '')).toEqual([]);
  });

  it('accepts any filter value, unknown enum values included', () => {
    cli(['sync', fixturePath('seed-example-event.json'), '--db', db]);
    expect(cli(['list', '--status', 'WHATEVER', '--origin', 'nowhere', '--db', db, '--json']).json()).toEqual({ total: 0, items: [] });
  });
});

describe('exit codes', () => {
  it('exits 2 on usage errors, naming the problem', { timeout: 180_000 }, () => {
    expect(cli([]).status).toBe(2);
    const unknown = cli(['frobnicate']);
    expect([unknown.status, unknown.stderr.split('\n')[0]]).toEqual([2, 'error: unknown command "frobnicate"']);
    const badOption = cli(['list', '--colour', 'red', '--db', db]);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/^error: Unknown option '--colour'/);
    expect(cli(['list', '--sort', 'shoeSize', '--db', db]).stderr).toMatch(/^error: --sort must be one of updatedAt, appliedAt, candidateName, /);
    expect(cli(['list', '--order', 'up', '--db', db]).stderr).toMatch(/^error: --order must be one of asc, desc\n/);
    expect(cli(['list', '--limit', 'ten', '--db', db]).status).toBe(2);
    expect(cli(['list', '--limit', '5000', '--db', db]).stderr).toMatch(/^error: --limit takes a whole number from 1 to 1000, got "5000"\n/);
    expect(cli(['list', '--q', 'x'.repeat(501), '--db', db]).stderr).toMatch(/^error: --q takes at most 500 characters\n/);
    expect(cli(['list', '--applied-from', 'last tuesday', '--db', db]).stderr).toMatch(/^error: --applied-from must be a date/);
    expect(cli(['sync', '--db', db]).status).toBe(2);
    expect(cli(['sync', 'a.json', '--demo', '--db', db]).status).toBe(2);
  });

  it('exits 1 with one error line when something fails', () => {
    openDatabase(db).close();
    const missing = cli(['show', 'nope', '--db', db]);
    expect([missing.status, missing.stderr]).toEqual([1, 'error: no application with id "nope"\n']);
    const noFile = cli(['sync', dir.file('absent.ndjson'), '--db', db]);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toMatch(/^error: cannot read .*absent\.ndjson: no such file or folder\n$/);
    const noKey = cli(['start-sync'], { env: { KNIT_API_KEY: undefined, KNIT_INTEGRATION_ID: undefined } });
    expect([noKey.status, noKey.stderr]).toEqual([1, 'error: KNIT_API_KEY is not set: start-sync needs the upstream API key\n']);
  });

  it('reads no database that is not there, and creates nothing for it', () => {
    const absent = dir.file('typo/cv.sqlite');
    for (const args of [['list'], ['show', 'lRQ03MnbWBSTKHX']]) {
      const read = cli([...args, '--db', absent]);
      expect([read.status, read.stdout]).toEqual([1, '']);
      expect(read.stderr).toBe(`error: no database at ${absent}: import events first with "sync" (e.g. "sync --demo"), or pass --db PATH\n`);
    }
    expect(existsSync(dir.file('typo'))).toBe(false);
  });

  it('refuses a database made by a newer version of the app', () => {
    const newer = openDatabase(db);
    newer.pragma('user_version = 9999');
    newer.close();
    const listed = cli(['list', '--db', db]);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toMatch(/written by a newer Candidate Viewer/);
  });
});

describe('the demo', () => {
  it('is deterministic: the same seed gives the same database, and again is all duplicates', () => {
    const other = dir.file('other.sqlite');
    const first = cli(['sync', '--demo', '--count', '40', '--seed', 'd1', '--db', db, '--json']).json();
    cli(['sync', '--demo', '--count', '40', '--seed', 'd1', '--db', other, '--json']);
    expect(first).toMatchObject({ applied: first.received, rejected: 0 });
    const a = openDatabase(db);
    const b = openDatabase(other);
    expect(dumpState(a)).toEqual(dumpState(b));
    a.close();
    b.close();
    expect(cli(['sync', '--demo', '--count', '40', '--seed', 'd1', '--db', db, '--json']).json()).toMatchObject({ duplicates: first.received, applied: 0 });
  });
});

describe('kill -9 in the middle of an import', () => {
  it('leaves a consistent database, and re-running converges to a clean run', async () => {
    const file = dir.file('big.ndjson');
    const out = createWriteStream(file);
    for (const event of demoEvents({ count: 4000, seed: 'kill' })) {
      if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const child = cliProcess(['sync', file, '--db', db]);
    // The child makes the database; opening it first would race its migrations.
    while (schemaVersion(db) < SCHEMA_VERSION && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    // Wait until some batches are committed, then kill without warning.
    const watcher = openDatabase(db);
    const applied = () => (watcher.prepare('SELECT count(*) AS n FROM applied_events').get() as { n: number }).n;
    while (applied() < 1000 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await exited(child);
    expect(watcher.pragma('integrity_check', { simple: true })).toBe('ok');
    const partial = applied();
    watcher.close();
    expect(partial).toBeGreaterThan(0);

    const rerun = cli(['sync', file, '--db', db, '--json']).json();
    expect(rerun.duplicates).toBe(partial);
    const clean = dir.file('clean.sqlite');
    cli(['sync', file, '--db', clean]);
    const a = openDatabase(db);
    const b = openDatabase(clean);
    expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dumpState(a)).toEqual(dumpState(b));
    a.close();
    b.close();
  }, 240_000);
});

describe('listen', () => {
  it('prints where it listens, applies a signed webhook, and stops on SIGTERM', async () => {
    const apiKey = 'test_api_key_do_not_use';
    const child = cliProcess(['listen', '--port', '0', '--db', db], { KNIT_API_KEY: apiKey });
    const line = await firstLine(child);
    expect(line).toMatch(/^Listening on http:\/\/127\.0\.0\.1:\d+\/webhook$/);
    const url = line.slice('Listening on '.length);
    const body = readFixture('signed-webhook-body.json');
    expect(signBody(body, apiKey)).toBe(readFixture('signed-webhook.txt').match(/X-Knit-Signature: (\S+)/)![1]);
    const response = await fetch(url, { method: 'POST', body, headers: { 'X-Knit-Signature': signBody(body, apiKey), 'Content-Type': 'application/json' } });
    expect(response.status).toBe(200);
    const unsigned = await fetch(url, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(cli(['list', '--db', db, '--json']).json().total).toBe(1);
  });
});
