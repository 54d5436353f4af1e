import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeExtractors } from '../attachments/extract/index.js';
import { docxWithParagraphs, pdfWithPages } from '../attachments/extract/test-files.js';
import { AttachmentTextIndexer } from '../attachments/extract/text-index.js';
import type { Db } from '../db/open.js';
import { BrowseQueries } from '../db/queries/browse.js';
import { ShowQueries } from '../db/queries/show.js';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { applicationEvent } from '../testing/events.js';
import { dumpState, fixtureJson, tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { SyncPipeline } from './apply.js';
import { runImport } from './run.js';
import type { SourceItem } from './types.js';

type Event = Record<string, any>;
let dir: TempDir;
let db: Db;
let pipeline: SyncPipeline;

beforeEach(() => {
  dir = tempDir();
  db = tempDb(dir);
  pipeline = new SyncPipeline(db, { now: () => '2026-11-28T12:00:00.000Z' });
});
afterEach(() => {
  db.close();
  dir.remove();
});

const seed = (): Event => fixtureJson('seed-example-event.json');
const items = (...events: unknown[]): SourceItem[] => events.map((value, i) => ({ source: `test:${i + 1}`, value }));
const apply = (...events: unknown[]) => pipeline.applyBatch(items(...events));
const app = (id = 'lRQ03MnbWBSTKHX') => db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as Record<string, any>;
const show = (id = 'lRQ03MnbWBSTKHX') => new ShowQueries(db).show(id)!;

function withInfo(eventId: string, updatedAt: string, patch: Record<string, unknown> = {}): Event {
  const event = seed();
  event.eventId = eventId;
  event.eventType = 'record.modified';
  event.eventData.info.updatedAt = updatedAt;
  Object.assign(event.eventData.info, patch);
  return event;
}

describe('applying events', () => {
  it('stores the corrected reference example, every model', () => {
    expect(apply(seed())).toEqual({ received: 1, applied: 1, duplicates: 0, stale: 0, deleted: 0, rejected: 0, suppressed: 0, errors: [] });
    expect(app()).toMatchObject({ candidate_name: 'ABC DEF', stage: 'Technical Test', status: 'ACTIVE', owner: '[email protected]' });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('emails'), count('phones'), count('links'), count('interviews'), count('interviewers'), count('offers'), count('rejections'), count('attachments')]).toEqual([
      1, 2, 2, 1, 3, 2, 1, 2,
    ]);
  });

  it('is idempotent: the same eventId twice changes nothing, even with other content', () => {
    apply(seed());
    const before = dumpState(db);
    const changed = seed();
    changed.eventData.currentStage = { id: 'x', text: 'Hired' };
    expect(apply(seed(), changed)).toMatchObject({ received: 2, applied: 0, duplicates: 2 });
    expect(dumpState(db)).toEqual(before);
  });

  it('counts a duplicate inside one batch', () => {
    expect(apply(seed(), seed())).toMatchObject({ received: 2, applied: 1, duplicates: 1 });
  });

  it('leaves models absent from an event as stored', () => {
    apply(seed());
    apply({ eventId: 'e2', eventType: 'record.modified', recordId: 'lRQ03MnbWBSTKHX', eventData: { currentStage: { id: 'st_offer', text: 'Offer' } } });
    expect(app()).toMatchObject({ stage: 'Offer', candidate_name: 'ABC DEF', status: 'ACTIVE' });
    const shown = show();
    expect(shown.interviews).toEqual(seed().eventData.interviews);
    expect(shown.currentStage).toEqual({ id: 'st_offer', text: 'Offer' });
  });

  it('empties a model sent empty', () => {
    apply(seed());
    apply({ eventId: 'e2', eventType: 'record.modified', recordId: 'lRQ03MnbWBSTKHX', eventData: { rejection: {}, offers: [] } });
    expect(db.prepare('SELECT count(*) AS n FROM rejections').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM offers').get()).toEqual({ n: 0 });
    expect(show().rejection).toEqual({});
  });

  it('ignores a stale record event whole, and counts it', () => {
    apply(withInfo('e1', '2026-05-02T00:00:00Z', { status: 'HIRED' }));
    const older = withInfo('e0', '2026-05-01T00:00:00Z', { status: 'REJECTED' });
    older.eventData.currentStage = { id: 'old', text: 'Old stage' };
    expect(apply(older)).toMatchObject({ applied: 0, stale: 1 });
    expect(app()).toMatchObject({ status: 'HIRED', stage: 'Technical Test', updated_at: '2026-05-02T00:00:00.000Z' });
    // Same time is not older: applied.
    expect(apply(withInfo('e3', '2026-05-02T00:00:00Z', { status: 'ACTIVE' }))).toMatchObject({ applied: 1 });
  });

  it('keeps a tombstone on record.deleted, hidden but kept, and record.new revives it', () => {
    apply(seed());
    expect(apply({ eventId: 'd1', eventType: 'record.deleted', recordId: 'lRQ03MnbWBSTKHX', eventData: { applicationId: 'lRQ03MnbWBSTKHX' } })).toMatchObject({
      deleted: 1,
      applied: 0,
    });
    expect(app()).toMatchObject({ deleted: 1, deleted_at: '2026-11-28T12:00:00.000Z', candidate_name: 'ABC DEF' });
    expect(show().deletedAt).toBe('2026-11-28T12:00:00.000Z');
    // A late modification updates data but does not bring it back.
    apply({ eventId: 'm1', eventType: 'record.modified', recordId: 'lRQ03MnbWBSTKHX', eventData: { currentStage: { text: 'Offer' } } });
    expect(app()).toMatchObject({ deleted: 1, stage: 'Offer' });
    const revived = seed();
    revived.eventId = 'n2';
    apply(revived);
    expect(app()).toMatchObject({ deleted: 0, deleted_at: null });
  });

  it('keeps a tombstone for an application deleted before it was ever seen', () => {
    apply({ eventId: 'd1', eventType: 'record.deleted', eventData: { applicationId: 'ghost', candidateId: 'c', jobId: 'j' } });
    expect(app('ghost')).toMatchObject({ deleted: 1, candidate_id: 'c', job_id: 'j' });
  });

  it('records sync runs from processed and allConsumed', () => {
    const base = { syncRunId: 'sr1', syncJobId: 'sj1', syncType: 'delta_sync', syncDataType: 'ats_applications' };
    apply(
      { ...base, eventId: 's1', eventType: 'sync.events.processed', eventData: { status: 'processed', processed: 5, emitted: 4, startedAt: '1676292064383', processedAt: '1676292068616', complete: true } },
      { ...base, eventId: 's2', eventType: 'sync.events.allConsumed', eventData: { status: 'consumed', processed: 5, emitted: 4, consumed: 4 } },
    );
    expect(db.prepare('SELECT * FROM sync_runs').all()).toEqual([
      expect.objectContaining({ sync_run_id: 'sr1', processed: 5, emitted: 4, consumed: 4, complete: 1, all_consumed: 1, status: 'consumed', started_at: '2023-02-13T12:41:04.383Z' }),
    ]);
  });

  it('stores unknown enum values raw and shows them as received', () => {
    const event = seed();
    event.eventData.info.status = 'ON_HOLD';
    event.eventData.interviews[0].status = 'NO_SHOW';
    apply(event);
    expect(app().status).toBe('ON_HOLD');
    expect(db.prepare('SELECT status FROM interviews').get()).toEqual({ status: 'NO_SHOW' });
    expect((show().interviews as Event[])[0]!.status).toBe('NO_SHOW');
  });

  it('stores an attachment with invalid base64 flagged, and keeps the application', () => {
    const event = seed();
    event.eventData.attachments[1].attachmentContent.content = 'not*base64!';
    expect(apply(event)).toMatchObject({ applied: 1, rejected: 0 });
    expect(db.prepare('SELECT error, content_raw, sha256 FROM attachments WHERE pos = 1').get()).toEqual({
      error: expect.stringMatching(/not valid base64/),
      content_raw: 'not*base64!',
      sha256: null,
    });
    const withContent = new ShowQueries(db).show('lRQ03MnbWBSTKHX', { withContent: true })!;
    expect((withContent.attachments as Event[])[1]!.attachmentContent.content).toBe('not*base64!');
  });

  it('decodes attachments once into content-addressed blobs', () => {
    const a = seed();
    const b = seed();
    b.eventId = 'other';
    b.recordId = 'app2';
    b.eventData.info.id = 'app2';
    apply(a, b);
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT size, media_type FROM attachments WHERE sha256 IS NOT NULL LIMIT 1").get()).toEqual({ size: 31, media_type: 'text/plain' });
  });

  it('rejects broken events with their source and reason, keeps them, and applies the rest', () => {
    const result = pipeline.applyBatch([
      { source: 'f.ndjson:1', value: { eventType: 'record.new', eventData: {} } },
      { source: 'f.ndjson:2', error: 'not valid JSON at column 3: Unexpected token', body: '{x' },
      { source: 'f.ndjson:3', value: seed() },
    ]);
    expect(result).toMatchObject({ received: 3, applied: 1, rejected: 2 });
    expect(result.errors).toEqual([
      { source: 'f.ndjson:1', message: 'eventId is missing' },
      { source: 'f.ndjson:2', message: 'not valid JSON at column 3: Unexpected token' },
    ]);
    expect(db.prepare('SELECT source, body FROM rejected_events ORDER BY pk').all()).toEqual([
      { source: 'f.ndjson:1', body: '{"eventType":"record.new","eventData":{}}' },
      { source: 'f.ndjson:2', body: '{x' },
    ]);
  });

  it('commits a batch with the work given to run in the same transaction, or neither', () => {
    expect(() =>
      pipeline.applyBatch(items(seed()), {
        alsoInTransaction: () => {
          throw new Error('cursor write failed');
        },
      }),
    ).toThrow('cursor write failed');
    expect(app()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    // Applied again, the users rolled back with the batch are written again.
    apply(seed());
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 6 });
  });

  it('gives jobs titles and stage order, also to applications that arrived first', () => {
    apply(seed());
    apply({
      eventId: 'j1',
      eventType: 'record.new',
      syncDataType: 'ats_jobs',
      recordId: 'Ty60CurNfqp5I9r',
      eventData: { info: { id: 'Ty60CurNfqp5I9r', title: 'Backend Engineer' }, stages: [{ id: 'a', text: 'Screen' }, { id: 'b', text: 'Offer' }] },
    });
    expect(app().job_title).toBe('Backend Engineer');
    expect(db.prepare('SELECT name FROM stages ORDER BY pos').all()).toEqual([{ name: 'Screen' }, { name: 'Offer' }]);
  });

  it('converges: the lifecycle applied twice, or in another batch split, gives the same state', () => {
    const lifecycle = [seed(), { eventId: 'm', eventType: 'record.modified', recordId: 'lRQ03MnbWBSTKHX', eventData: { currentStage: { text: 'Offer' } } }];
    apply(...lifecycle);
    const once = dumpState(db);
    apply(...lifecycle);
    expect(dumpState(db)).toEqual(once);
  });
});

describe('the full-text index', () => {
  it('holds the same text for an application whether it arrived whole or was updated', () => {
    const whole = seed();
    apply(whole);
    const find = (q: string) => (db.prepare('SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    const queries = ['"abc"*', '"delhi"*', '"technical"*', '"tehnical"*', '"standards"*', '"cover"*', '"00000000"*', '"000"*'];
    const fresh = queries.map(find);
    // Touch it with an update that carries no model the index reads: rebuilt from storage.
    apply({ eventId: 'touch', eventType: 'record.modified', recordId: 'lRQ03MnbWBSTKHX', eventData: { offers: [] } });
    expect(queries.map(find)).toEqual(fresh);
    expect(fresh.every((rows) => rows.length === 1)).toBe(true);
  });
});

describe('searching by job and people', () => {
  const search = (q: string) => new BrowseQueries(db).list({ q }).items.map((item) => item.id);
  const job = (eventId: string, title: string, departments: string[] = []) => ({
    eventId,
    eventType: 'record.modified',
    syncDataType: 'ats_jobs',
    recordId: 'job_1',
    eventData: { info: { id: 'job_1', title, status: 'OPEN' }, departments: departments.map((name, i) => ({ id: `d${i}`, name })) },
  });

  it('finds applications by job title and department, whether the job came first or after', () => {
    apply(applicationEvent({ id: 'before' }));
    apply(job('j1', 'Backend Engineer', ['Platform']));
    apply(applicationEvent({ id: 'after' }));
    expect(search('Backend').sort()).toEqual(['after', 'before']);
    expect(search('backend engineer').sort()).toEqual(['after', 'before']);
    expect(search('platform').sort()).toEqual(['after', 'before']);
  });

  it('re-indexes every application of a job renamed or moved to another department', () => {
    apply(job('j1', 'Backend Engineer', ['Platform']));
    apply(applicationEvent({ id: 'a1' }), applicationEvent({ id: 'a2' }), applicationEvent({ id: 'other', jobId: 'job_2' }));
    apply(job('j2', 'Data Scientist', ['Research']));
    expect(search('scientist').sort()).toEqual(['a1', 'a2']);
    expect(search('research').sort()).toEqual(['a1', 'a2']);
    expect(search('backend')).toEqual([]);
    expect(search('platform')).toEqual([]);
  });

  it('finds applications by owner and interviewer emails', () => {
    apply(seed());
    const interviewer = seed().eventData.interviews[0].interviewers[0].email as string;
    const inPeople = (email: string) =>
      db.prepare('SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?').all(`people : "${email}"`).length;
    expect(inPeople(seed().eventData.info.owner.email as string)).toBe(1);
    expect(inPeople(interviewer)).toBe(1);
    expect(inPeople('technical')).toBe(0);
    expect(search(interviewer)).toEqual(['lRQ03MnbWBSTKHX']);
  });
});

describe('searching inside attachments', () => {
  afterAll(closeExtractors);
  const search = (q: string) => new BrowseQueries(db).list({ q }).items.map((item) => item.id);
  const sync = (...events: unknown[]) => runImport(db, items(...events), { source: 'test' });
  const texts = () => db.prepare('SELECT text IS NOT NULL AS hasText, truncated, error FROM attachment_texts ORDER BY error').all();

  it('finds a word only in a PDF résumé once the import is done, and keeps failures on the text row', async () => {
    const resume = pdfWithPages([['Platform engineer'], ['Kubernetes, Terraform']]);
    const result = await sync(
      applicationWithAttachments('with-pdf', [{ name: 'cv.pdf', bytes: resume }]),
      applicationWithAttachments('broken-pdf', [{ name: 'cv2.pdf', bytes: resume.subarray(0, 40) }]),
    );
    expect(result).toMatchObject({ applied: 2, rejected: 0 });
    expect(search('kubernetes')).toEqual(['with-pdf']);
    expect(search('terraform platform')).toEqual(['with-pdf']);
    expect(texts()).toEqual([
      { hasText: 1, truncated: 0, error: null },
      { hasText: 0, truncated: 0, error: expect.stringMatching(/damaged or truncated/) },
    ]);
    expect(search('cv2')).toEqual(['broken-pdf']);
    // The same résumé sent with another application is found at once, without extracting again.
    apply(applicationWithAttachments('same-pdf', [{ name: 'resume.pdf', bytes: resume }]));
    expect(search('kubernetes').sort()).toEqual(['same-pdf', 'with-pdf']);
    expect(texts()).toHaveLength(2);
  });

  it('indexes each batch with its attachment text: nothing is left for the background indexer', async () => {
    const progress: unknown[] = [];
    const events = ['Kotlin', 'Erlang', 'Clojure'].map((skill, i) =>
      applicationWithAttachments(`cv-${i}`, [{ name: 'cv.pdf', bytes: pdfWithPages([[`${skill} developer`]]) }, { name: 'note.txt', bytes: 'Shared note' }]),
    );
    const result = await runImport(db, items(...events), { source: 'test', batchSize: 1, onTextProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ received: 3, applied: 3 });
    expect(search('erlang')).toEqual(['cv-1']);
    expect(search('shared').sort()).toEqual(['cv-0', 'cv-1', 'cv-2']);
    // The shared note is one blob, extracted once.
    expect(texts()).toHaveLength(4);
    expect(progress).toEqual([]);
  });

  it('a résumé first imported without extraction is found for every application holding it once a later import extracts it', async () => {
    const bytes = 'Seasoned Smalltalk mentor';
    await runImport(db, items(applicationWithAttachments('first', [{ name: 'cv.txt', bytes }])), { source: 'bench', extractText: false });
    expect(search('smalltalk')).toEqual([]);
    await sync(applicationWithAttachments('second', [{ name: 'same-cv.txt', bytes }]));
    expect(search('smalltalk').sort()).toEqual(['first', 'second']);
    expect(texts()).toHaveLength(1);
  });

  it('stores no text for an attachment whose event was not applied', async () => {
    apply(applicationEvent({ id: 'fresh', updatedAt: '2026-03-01T09:00:00Z' }));
    const older = applicationWithAttachments('fresh', [{ name: 'old.txt', bytes: 'Outdated résumé text' }]);
    const result = await sync(older);
    expect(result).toMatchObject({ stale: 1 });
    expect(texts()).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
  });

  it('keeps every whole batch read before the source failed, with its text', async () => {
    async function* failing() {
      yield* items(applicationWithAttachments('first', [{ name: 'a.txt', bytes: 'Cobol expert' }]), applicationWithAttachments('second', [{ name: 'b.txt', bytes: 'Pascal expert' }]));
      throw new Error('the file could not be read further');
    }
    await expect(runImport(db, failing(), { source: 'test', batchSize: 1 })).rejects.toThrow('could not be read further');
    expect(search('expert').sort()).toEqual(['first', 'second']);
    expect(db.prepare('SELECT applied, error FROM imports').get()).toEqual({ applied: 2, error: 'the file could not be read further' });
  });

  it('extracts the attachments of a database filled before extraction existed, once', async () => {
    apply(applicationWithAttachments('old', [{ name: 'cv.docx', bytes: docxWithParagraphs(['Haskell and Elixir']) }]));
    expect(search('haskell')).toEqual([]);
    const indexer = new AttachmentTextIndexer(db);
    expect(indexer.backfill()).toBe(1);
    await indexer.drain();
    expect(search('haskell')).toEqual(['old']);
    expect(indexer.backfill()).toBe(0);
  });

  it('leaves extraction to later when the import is told not to extract', async () => {
    await runImport(db, items(applicationWithAttachments('later', [{ name: 'a.txt', bytes: 'Fortran veteran' }])), { source: 'bench', extractText: false });
    expect(search('fortran')).toEqual([]);
    expect(texts()).toEqual([]);
  });
});
