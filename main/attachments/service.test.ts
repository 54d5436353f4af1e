import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiService } from '../api/service.js';
import { MemorySecretStore } from '../api/secrets.js';
import type { Db } from '../db/open.js';
import { runImport } from '../sync/run.js';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { AttachmentService } from './service.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><p>Dear team</p>');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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
    expect(() => service.file({ id: 'app_1', n: 7 })).toThrow('application "app_1" has 6 attachments, so there is no attachment 7');
    expect(() => service.file({ id: 'app_2', n: 1 })).toThrow('has no attachments');
    expect(() => service.file({ id: 'nobody', n: 1 })).toThrow('no application with id "nobody"');
  });

  it('saves into a folder under the sanitised name, never outside it, and never overwrites unasked', () => {
    const service = new AttachmentService(db);
    const folder = dir.file('saved');
    mkdirSync(folder);
    const saved = service.saveTo({ id: 'app_1', n: 5 }, folder);
    expect(saved.out).toBe(join(folder, '_.._etc_passwd.txt'));
    expect(readFileSync(saved.out, 'utf8')).toBe('root:x:0:0');
    expect(() => service.saveTo({ id: 'app_1', n: 5 }, folder)).toThrow(/already exists \(use --force/);
    writeFileSync(saved.out, 'old');
    service.saveTo({ id: 'app_1', n: 5 }, folder, { force: true });
    expect(readFileSync(saved.out, 'utf8')).toBe('root:x:0:0');
    expect(readdirSync(folder)).toEqual(['_.._etc_passwd.txt']);
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
    expect(asked).toEqual(['_.._etc_passwd.txt']);
    expect(readFileSync(dir.file('chosen.pdf'), 'utf8')).toBe('root:x:0:0');
    answer = null;
    expect(await api.dispatch('saveAttachment', { id: 'app_1', n: 1 })).toEqual({ ok: true, value: { path: null, size: 0 } });
    expect(existsSync(dir.file('chosen.pdf'))).toBe(true);
    await api.close();
  });
});
