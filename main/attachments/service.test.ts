import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiService } from '../api/service.js';
import { MemorySecretStore } from '../api/secrets.js';
import type { Db } from '../db/open.js';
import { runImport } from '../sync/run.js';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { closeExtractors } from './extract/index.js';
import { AttachmentService, MAX_PREVIEW_BYTES, writeAtomically } from './service.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><p>Dear team</p>');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** The parts mammoth needs, and one paragraph. */
const DOCX = Buffer.from(
  zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>Dear hiring team</w:t></w:r></w:p></w:body></w:document>`),
  }),
);
/** Named a Word document, and sniffed as one, but its main part is not XML. */
const BROKEN_DOCX = Buffer.from(zipSync({ 'word/document.xml': strToU8('not xml <<<') }));

let dir: TempDir;
let db: Db;

beforeEach(async () => {
  dir = tempDir();
  db = tempDb(dir);
  const events = [
    applicationWithAttachments(
      'app_1',
      [
        { name: 'Ada CV.pdf', bytes: PDF },
        { name: 'letter.pdf', type: 'COVER_LETTER', bytes: HTML },
        { name: 'portfolio', link: 'https://files.example/p' },
        { name: 'broken.pdf', rawContent: 'not*base64' },
        { name: '../../etc/passwd', bytes: 'root:x:0:0' },
        { name: null, type: 'OFFER_LETTER', bytes: PDF },
        { name: 'letter.docx', type: 'COVER_LETTER', bytes: DOCX },
        { name: 'letter 2.docx', type: 'COVER_LETTER', bytes: BROKEN_DOCX },
      ],
      { first: 'Ada', last: 'Lovelace' },
    ),
    applicationWithAttachments('app_2', []),
  ];
  await runImport(db, events.map((value, i) => ({ source: `test:${i + 1}`, value })), { source: 'test' });
});

afterEach(() => {
  db.close();
  dir.remove();
});
afterAll(closeExtractors);

/** Points attachment `n` of app_1 at `bytes`, stored as they are (past the ingest's decoding). */
function storeBytes(n: number, bytes: Buffer, key = sha(bytes)): void {
  db.prepare('INSERT OR REPLACE INTO blobs (sha256, bytes) VALUES (?, ?)').run(key, bytes);
  db.prepare("UPDATE attachments SET sha256 = ?, size = ? WHERE app_pk = (SELECT pk FROM applications WHERE id = 'app_1') AND pos = ?").run(
    key,
    bytes.length,
    n - 1,
  );
}

describe('the attachment service', () => {
  it('serves the exact decoded bytes with the type sniffed from them, not from the name', () => {
    const service = new AttachmentService(db);
    const cv = service.file({ id: 'app_1', n: 1 });
    expect(cv).toMatchObject({ fileName: 'Ada CV.pdf', mediaType: 'application/pdf', kind: 'pdf', size: PDF.length, sha256: sha(PDF) });
    expect(Buffer.from(cv.bytes).equals(PDF)).toBe(true);
    expect(service.file({ id: 'app_1', n: 2 })).toMatchObject({ mediaType: 'text/html', kind: 'html', fileName: 'letter.pdf' });
    expect(service.file({ id: 'app_1', n: 6 }).fileName).toBe('Ada Lovelace - Offer letter.pdf');
  });

  it('says in words why an attachment cannot be served', () => {
    const service = new AttachmentService(db);
    expect(() => service.file({ id: 'app_1', n: 3 })).toThrow('attachment 3 has no content, only a link to the ATS');
    expect(() => service.file({ id: 'app_1', n: 4 })).toThrow(/attachment 4 could not be decoded: attachment content is not valid base64/);
    expect(() => service.file({ id: 'app_1', n: 9 })).toThrow('application "app_1" has 8 attachments, so there is no attachment 9');
    expect(() => service.file({ id: 'app_2', n: 1 })).toThrow('has no attachments');
    expect(() => service.file({ id: 'nobody', n: 1 })).toThrow('no application with id "nobody"');
  });

  it('saves into a folder under the sanitised name, never outside it, and never overwrites unasked', () => {
    const service = new AttachmentService(db);
    const folder = dir.file('saved');
    mkdirSync(folder);
    const saved = service.saveTo({ id: 'app_1', n: 5 }, folder);
    expect(saved.out).toBe(join(folder, '_._etc_passwd.txt'));
    expect(readFileSync(saved.out, 'utf8')).toBe('root:x:0:0');
    expect(() => service.saveTo({ id: 'app_1', n: 5 }, folder)).toThrow(/already exists \(use --force/);
    writeFileSync(saved.out, 'old');
    service.saveTo({ id: 'app_1', n: 5 }, folder, { force: true });
    expect(readFileSync(saved.out, 'utf8')).toBe('root:x:0:0');
    expect(readdirSync(folder)).toEqual(['_._etc_passwd.txt']);
  });

  it('leaves nothing behind when the write fails', () => {
    const service = new AttachmentService(db);
    expect(() => service.saveTo({ id: 'app_1', n: 1 }, dir.file('missing/cv.pdf'))).toThrow(/the folder .*missing does not exist/);
    const locked = dir.file('locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      // root may write anywhere; the message is only checked where the folder really refuses.
      if (process.getuid?.() !== 0) expect(() => service.saveTo({ id: 'app_1', n: 1 }, join(locked, 'cv.pdf'))).toThrow(/no permission to write/);
    } finally {
      chmodSync(locked, 0o700);
    }
    expect(readdirSync(locked).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('refuses bytes that no longer match their checksum', () => {
    storeBytes(1, Buffer.from('%PDF-1.4 tampered'), sha(PDF));
    expect(() => new AttachmentService(db).file({ id: 'app_1', n: 1 })).toThrow('attachment 1 is damaged in the database');
  });

  it('never replaces a file that appeared while writing, and leaves no temporary file', () => {
    const target = dir.file('taken.pdf');
    writeFileSync(target, 'theirs');
    expect(() => writeAtomically(target, PDF, { overwrite: false })).toThrow(`${target} already exists`);
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    writeAtomically(dir.file('fresh.pdf'), PDF, { overwrite: false });
    expect(readFileSync(dir.file('fresh.pdf')).equals(PDF)).toBe(true);
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('writes a temporary file with a short name, so a name near the limit of 255 bytes can be saved', () => {
    const long = dir.file(`${'é'.repeat(125)}.pdf`);
    writeAtomically(long, PDF, { overwrite: false });
    expect(readFileSync(long).equals(PDF)).toBe(true);
  });
});

describe('attachment handlers', () => {
  it('refuse to preview files over the cap but let them be saved, and say the web face must download', async () => {
    const api = createApiService({ db, secrets: new MemorySecretStore() });
    const answer = await api.dispatch('getAttachmentContent', { id: 'app_1', n: 1 });
    expect(answer).toMatchObject({ ok: true, value: { kind: 'pdf', size: PDF.length } });
    expect(await api.dispatch('getAttachmentContent', { id: 'app_1', n: 3 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.dispatch('getAttachmentContent', { id: 'app_1', n: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.dispatch('saveAttachment', { id: 'app_1', n: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/download/) },
    });
    await api.close();
  });

  it('save through the host dialog with the sanitised default name, and nothing when cancelled', async () => {
    const asked: string[] = [];
    let answer: string | null = dir.file('chosen.pdf');
    const api = createApiService({
      db,
      secrets: new MemorySecretStore(),
      host: { chooseSavePath: async ({ defaultName }) => (asked.push(defaultName), answer) },
    });
    expect(await api.dispatch('saveAttachment', { id: 'app_1', n: 5 })).toMatchObject({ ok: true, value: { path: dir.file('chosen.pdf'), size: 10 } });
    expect(asked).toEqual(['_._etc_passwd.txt']);
    expect(readFileSync(dir.file('chosen.pdf'), 'utf8')).toBe('root:x:0:0');
    answer = null;
    expect(await api.dispatch('saveAttachment', { id: 'app_1', n: 1 })).toEqual({ ok: true, value: { path: null, size: 0 } });
    expect(existsSync(dir.file('chosen.pdf'))).toBe(true);
    await api.close();
  });

  it('refuse a preview over the 50 MB cap before reading its bytes, which Save does read', async () => {
    // A checksum that cannot match: had the preview read the bytes, it would say "damaged".
    const key = 'f'.repeat(64);
    db.prepare('INSERT INTO blobs (sha256, bytes) VALUES (?, zeroblob(?))').run(key, MAX_PREVIEW_BYTES + 1024 * 1024);
    db.prepare("UPDATE attachments SET sha256 = ? WHERE app_pk = (SELECT pk FROM applications WHERE id = 'app_1') AND pos = 0").run(key);
    const api = createApiService({ db, secrets: new MemorySecretStore() });
    expect(await api.dispatch('getAttachmentContent', { id: 'app_1', n: 1 })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'attachment 1 is too large to preview (51 MB; the cap is 50 MB): save it instead' },
    });
    expect(await api.dispatch('getAttachmentContent', { id: 'app_1', n: 1, purpose: 'save' })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'attachment 1 is damaged in the database (its bytes no longer match their checksum)' },
    });
    await api.close();
  });

  it('convert a Word document to HTML in main, and say why when it is not one or cannot be read', async () => {
    const api = createApiService({ db, secrets: new MemorySecretStore() });
    const letter = await api.dispatch('getAttachmentHtml', { id: 'app_1', n: 7 });
    expect(letter).toMatchObject({ ok: true, value: { html: '<p>Dear hiring team</p>', warnings: [] } });
    expect(await api.dispatch('getAttachmentHtml', { id: 'app_1', n: 2 })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'attachment 2 is not a Word document (its bytes are text/html): only DOCX is converted to HTML' },
    });
    expect(await api.dispatch('getAttachmentHtml', { id: 'app_1', n: 8 })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/^this Word document cannot be shown: .+/) },
    });
    expect(await api.dispatch('getAttachmentHtml', { id: 'app_1', n: 3 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await api.close();
  });
});
