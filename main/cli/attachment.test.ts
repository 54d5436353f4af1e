import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { cli } from '../testing/cli.js';
import { tempDir, type TempDir } from '../testing/temp.js';

const CV = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: TempDir;
let db: string;

beforeAll(() => {
  dir = tempDir();
  db = dir.file('db.sqlite');
  const events = [applicationWithAttachments('app_1', [{ name: '../../etc/cv.pdf', bytes: CV }, { name: 'portfolio', link: 'https://files.example/p' }])];
  writeFileSync(dir.file('events.ndjson'), events.map((event) => JSON.stringify(event)).join('\n'));
  expect(cli(['sync', dir.file('events.ndjson'), '--db', db]).status).toBe(0);
});

afterAll(() => dir.remove());

describe('cli attachment', () => {
  it('saves the exact decoded bytes inside the folder under the sanitised name, and refuses to overwrite without --force', () => {
    const folder = dir.file('out');
    mkdirSync(folder);
    const saved = cli(['attachment', 'app_1', '1', '--out', folder, '--db', db, '--json']);
    expect(saved.status).toBe(0);
    expect(saved.json()).toEqual({ out: join(folder, '_._etc_cv.pdf'), size: CV.length, sha256: sha(CV), mediaType: 'application/pdf' });
    expect(sha(readFileSync(join(folder, '_._etc_cv.pdf')))).toBe(sha(CV));

    const again = cli(['attachment', 'app_1', '1', '--out', folder, '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^error: .*_\._etc_cv\.pdf already exists \(use --force to overwrite it\)\n$/);
    expect(cli(['attachment', 'app_1', '1', '--out', join(folder, 'named.bin'), '--db', db]).status).toBe(0);
    expect(cli(['attachment', 'app_1', '1', '--out', join(folder, 'named.bin'), '--force', '--db', db]).status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['_._etc_cv.pdf', 'named.bin']);
  });

  it('fails with one line for a link-only attachment or an unknown application, and is a usage error without --out', () => {
    const link = cli(['attachment', 'app_1', '2', '--out', dir.path, '--db', db]);
    expect([link.status, link.stderr]).toEqual([1, 'error: attachment 2 has no content, only a link to the ATS\n']);
    const unknown = cli(['attachment', 'nobody', '1', '--out', dir.path, '--db', db]);
    expect([unknown.status, unknown.stderr]).toEqual([1, 'error: no application with id "nobody"\n']);
    expect(cli(['attachment', 'app_1', '1', '--db', db]).status).toBe(2);
    expect(cli(['attachment', 'app_1', '0', '--out', dir.path, '--db', db]).status).toBe(2);
  });
});
