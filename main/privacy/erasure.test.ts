import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractMissingText } from '../attachments/extract/text-index.js';
import { openDatabase, type Db } from '../db/open.js';
import { runImport } from '../sync/run.js';
import type { SourceItem } from '../sync/types.js';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { cli } from '../testing/cli.js';
import { applicationEvent, mail } from '../testing/events.js';
import { tempDir, type TempDir } from '../testing/temp.js';
import { ErasureService } from './erasure.js';

// What must not survive an erasure: the name (also an older spelling), the email, a résumé word.
const FIRST = 'Quokkafirst';
const LAST = 'Zanzibarlast';
const OLD_LAST = 'Wombatformer';
const EMAIL = mail('quokka.canary', 'canary.example');
const RESUME_WORD = 'xylophonistic';
const CANARIES = [FIRST, LAST, OLD_LAST, EMAIL, RESUME_WORD, 'cand_forget_me'];

const SHARED_FILE = 'Our company benefits handbook, shared by everyone.\n';

function asCandidate(event: Record<string, unknown>, candidateId: string): Record<string, unknown> {
  ((event.eventData as any).info.candidate as Record<string, unknown>).id = candidateId;
  return event;
}

/** The forgotten candidate: two applications, an update that changed their name, a résumé, a rejected event. */
function candidateEvents(): Record<string, unknown>[] {
  const first = asCandidate(
    applicationWithAttachments(
      'app_forget_1',
      [
        { name: 'resume.txt', bytes: `${FIRST} ${LAST}\nSkills: ${RESUME_WORD} percussion, TypeScript\n` },
        { name: 'handbook.txt', bytes: SHARED_FILE },
      ],
      { first: FIRST, last: OLD_LAST },
    ),
    'cand_forget_me',
  );
  ((first.eventData as any).info.candidate.emails as unknown[])[0] = { type: 'PERSONAL', email: EMAIL };
  const renamed = structuredClone(first);
  renamed.eventId = 'ev_forget_renamed';
  renamed.eventType = 'record.modified';
  (renamed.eventData as any).info.candidate.lastName = LAST;
  (renamed.eventData as any).info.updatedAt = '2026-03-01T09:00:00Z';
  const second = asCandidate(applicationEvent({ id: 'app_forget_2', first: FIRST, last: LAST, email: EMAIL, status: 'REJECTED' }), 'cand_forget_me');
  return [first, renamed, second];
}

function otherEvents(): Record<string, unknown>[] {
  return [applicationWithAttachments('app_keep_1', [{ name: 'handbook.txt', bytes: SHARED_FILE }], { first: 'Grace', last: 'Hopper' })];
}

function items(events: Record<string, unknown>[]): SourceItem[] {
  return events.map((value, i) => ({ source: `test:${i + 1}`, value }));
}

/** A body the pipeline refuses, mentioning the candidate: kept in rejected_events. */
const REJECTED: SourceItem = { source: 'test:bad', error: 'not valid JSON', body: `{"recordId":"app_forget_1","name":"${FIRST} ${LAST}"` };

function bytesOnDisk(dir: TempDir, base: string): Buffer {
  return Buffer.concat(
    readdirSync(dir.path)
      .filter((name) => name.startsWith(base))
      .map((name) => readFileSync(dir.file(name))),
  );
}

function survivors(disk: Buffer): string[] {
  return CANARIES.filter((canary) => disk.includes(canary) || disk.includes(canary.toLowerCase()));
}

let dir: TempDir;
let file: string;
let db: Db;
beforeEach(async () => {
  dir = tempDir('cv-erasure-');
  file = dir.file('cv.sqlite');
  db = openDatabase(file);
  await runImport(db, [...items([...candidateEvents(), ...otherEvents()]), REJECTED], { source: 'test' });
  await extractMissingText(db);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('forgetting a candidate', () => {
  it('starts from a database that holds every canary but the name an update replaced', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    // secure_delete: the row an update replaced was overwritten, not left in free space.
    expect(survivors(bytesOnDisk(dir, 'cv.sqlite'))).toEqual(CANARIES.filter((canary) => canary !== OLD_LAST));
  });

  it('leaves none of them in the database file, its WAL or shm, and keeps everyone else', () => {
    const erasure = new ErasureService(db);
    expect(erasure.plan({ applicationId: 'app_forget_2' })).toEqual({
      applications: 2,
      attachments: 2,
      files: 1,
      bytes: expect.any(Number),
      rejectedEvents: 1,
      relayEvents: 0,
      candidateKnown: true,
    });
    const result = erasure.forget({ applicationId: 'app_forget_2' });
    expect(result).toMatchObject({ applications: 2, attachments: 2, files: 1, rejectedEvents: 1, checkpointed: true });

    expect(survivors(bytesOnDisk(dir, 'cv.sqlite'))).toEqual([]);
    // The other candidate, and the file they share, are untouched.
    expect(db.prepare("SELECT candidate_name FROM applications WHERE id = 'app_keep_1'").get()).toEqual({ candidate_name: 'Grace Hopper' });
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM applications_fts WHERE applications_fts MATCH 'benefits'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM applications_fts WHERE applications_fts MATCH 'quokkafirst'").get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('drops their events at the next sync (suppressed), until unforget lifts it', async () => {
    const erasure = new ErasureService(db);
    erasure.forget({ candidateId: 'cand_forget_me' });
    const again = await runImport(db, items([...candidateEvents(), ...otherEvents()]), { source: 'again' });
    expect(again).toMatchObject({ received: 4, suppressed: 3, applied: 1 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(survivors(bytesOnDisk(dir, 'cv.sqlite'))).toEqual([]);
    expect(db.prepare('SELECT suppressed FROM imports ORDER BY pk DESC LIMIT 1').get()).toEqual({ suppressed: 3 });

    const list = erasure.list();
    expect(list).toEqual([
      { erasedAt: expect.any(String), reason: 'forget', applications: 2, attachments: 2, files: 1, bytes: expect.any(Number), rejectedEvents: 1, relayEvents: 0, suppressed: true },
    ]);
    expect(erasure.unforget({ candidateId: 'cand_forget_me' })).toBe(3);
    expect(erasure.list()[0]!.suppressed).toBe(false);
    const back = await runImport(db, items(candidateEvents()), { source: 'back' });
    // The rename's event id was applied before the erasure: a duplicate now.
    expect(back).toMatchObject({ applied: 2, duplicates: 1, suppressed: 0 });
    expect(() => erasure.unforget({ candidateId: 'cand_forget_me' })).toThrow(/nothing is suppressed/);
  });

  it('a relay forgets the events of its log that mention the candidate', () => {
    const insert = db.prepare("INSERT INTO relay_log (event_id, body, received_at) VALUES (?, ?, '2026-01-01')");
    insert.run('e1', JSON.stringify(candidateEvents()[0]));
    insert.run('e2', JSON.stringify({ recordId: 'app_keep_1' }));
    // An id that merely starts with theirs is someone else's.
    insert.run('e3', JSON.stringify({ recordId: 'app_forget_10', candidate: 'cand_forget_me_too' }));
    expect(new ErasureService(db).forget({ candidateId: 'cand_forget_me' })).toMatchObject({ relayEvents: 1 });
    expect(db.prepare('SELECT event_id FROM relay_log ORDER BY seq').all()).toEqual([{ event_id: 'e2' }, { event_id: 'e3' }]);
  });

  it('a candidate not stored yet is suppressed all the same', async () => {
    const erasure = new ErasureService(db);
    expect(erasure.plan({ candidateId: 'cand_future' })).toMatchObject({ applications: 0, candidateKnown: false });
    erasure.forget({ candidateId: 'cand_future' });
    const later = await runImport(db, items([asCandidate(applicationEvent({ id: 'app_future' }), 'cand_future')]), { source: 'later' });
    expect(later).toMatchObject({ suppressed: 1, applied: 0 });
    expect(() => erasure.forget({ applicationId: 'app_nobody' })).toThrow(/no application with that id/);
  });
});

describe('retention', () => {
  it('erases closed applications last updated before the date, and only those', () => {
    const erasure = new ErasureService(db);
    expect(erasure.planPurge('2026-01-01')).toMatchObject({ applications: 0 });
    // app_forget_2 is REJECTED, updated 2026-02-01; the others are ACTIVE.
    expect(erasure.planPurge('2026-02-02')).toMatchObject({ applications: 1 });
    expect(erasure.purge('2026-02-02')).toMatchObject({ applications: 1, checkpointed: true });
    expect(db.prepare('SELECT id FROM applications ORDER BY id').all()).toEqual([{ id: 'app_forget_1' }, { id: 'app_keep_1' }]);
    expect(erasure.list()).toEqual([expect.objectContaining({ reason: 'retention', applications: 1, suppressed: false })]);
  });
});

describe('the CLI', () => {
  it('forget asks for --yes off a terminal, then erases; --list shows counts and no personal data', { timeout: 180_000 }, () => {
    db.close();
    const refused = cli(['forget', '--candidate', 'cand_forget_me', '--db', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('error: nothing was erased: add --yes to erase without being asked\n');
    const done = cli(['forget', '--application', 'app_forget_1', '--yes', '--db', file]);
    expect(done.stderr).toBe('');
    expect(done.stdout).toMatch(/^Erased 2 applications, 2 attachments \(1 file no one else shares, \d+ bytes\), 1 kept rejected event\. Later syncs drop their events\.\n$/);
    const listed = cli(['forget', '--list', '--db', file, '--json']);
    expect(listed.json().erasures).toHaveLength(1);
    for (const canary of [...CANARIES, 'app_forget']) expect(listed.stdout).not.toContain(canary);
    expect(cli(['unforget', '--candidate', 'cand_nobody', '--db', file]).stderr).toBe('error: nothing is suppressed for that id\n');
    expect(cli(['forget', '--db', file]).status).toBe(2);
    expect(cli(['purge', '--closed-before', 'soon', '--db', file]).stderr).toMatch(/^error: --closed-before takes a date like 2025-01-01, got "soon"\n/);
    const dry = cli(['purge', '--closed-before', '2030-01-01', '--dry-run', '--db', file, '--json']);
    expect(dry.json()).toMatchObject({ dryRun: true, applications: 0 });
    db = openDatabase(file);
  });
});
