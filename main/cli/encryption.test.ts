import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { looksEncrypted } from '../db/key.js';
import { cli } from '../testing/cli.js';
import { tempDir, type TempDir } from '../testing/temp.js';

let dir: TempDir;
let db: string;
beforeEach(() => {
  dir = tempDir('cv-cli-key-');
  db = dir.file('cv.sqlite');
});
afterEach(() => dir.remove());

const names = (result: ReturnType<typeof cli>) => result.json<{ total: number }>().total;

describe('encrypted databases from the command line', () => {
  it('creates one with a key, and says in one line when the key is missing or wrong', { timeout: 240_000 }, () => {
    const keyFile = dir.file('passphrase.txt');
    writeFileSync(keyFile, 'correct horse battery staple\n');
    expect(cli(['sync', '--demo', '--count', '30', '--db', db, '--key-file', keyFile]).status).toBe(0);
    expect(looksEncrypted(db)).toBe(true);
    expect(existsSync(`${db}.kdf.json`)).toBe(true);
    expect(names(cli(['list', '--db', db, '--key-file', keyFile, '--json']))).toBe(30);

    const missing = cli(['list', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`error: ${db} is encrypted: it needs its key (a passphrase or 64 hex digits): pass --key-file PATH or set CANDIDATE_VIEWER_DB_KEY\n`);
    const wrong = cli(['list', '--db', db], { env: { CANDIDATE_VIEWER_DB_KEY: 'not the passphrase' } });
    expect(wrong.stderr).toBe(`error: cannot open ${db}: the key is wrong, or the file is damaged or not a Candidate Viewer database\n`);
    expect(cli(['list', '--db', db, '--key-file', dir.file('nowhere')]).stderr).toMatch(/^error: cannot read the key file .*nowhere \(--key-file\): ENOENT\n$/);
    writeFileSync(dir.file('empty'), '\n');
    expect(cli(['list', '--db', db, '--key-file', dir.file('empty')]).stderr).toMatch(/^error: the key file .*empty is empty: it must hold a passphrase or a key of 64 hex digits\n$/);

    // rekey to a raw key: the passphrase stops working, the new key works from the environment.
    const hexFile = dir.file('key.hex');
    const hex = 'c0ffee'.repeat(10) + 'beef';
    writeFileSync(hexFile, `${hex}\n`);
    const rekeyed = cli(['rekey', '--db', db, '--key-file', keyFile, '--new-key-file', hexFile]);
    expect(rekeyed.stderr).toBe('');
    expect(rekeyed.stdout).toBe(`The key of ${db} was changed; its key is in ${hexFile}.\n`);
    expect(cli(['list', '--db', db, '--key-file', keyFile]).status).toBe(1);
    expect(names(cli(['list', '--db', db, '--json'], { env: { CANDIDATE_VIEWER_DB_KEY: hex } }))).toBe(30);

    // A damaged header: still one line.
    const bytes = readFileSync(db);
    bytes.fill(0, 0, 32);
    writeFileSync(db, bytes);
    expect(cli(['list', '--db', db, '--key-file', hexFile]).stderr).toBe(
      `error: cannot open ${db}: the key is wrong, or the file is damaged or not a Candidate Viewer database\n`,
    );
  });

  it('rekey encrypts a plaintext database, writing a new random key to --key-file', { timeout: 120_000 }, () => {
    expect(cli(['sync', '--demo', '--count', '10', '--db', db]).status).toBe(0);
    expect(looksEncrypted(db)).toBe(false);
    const keyFile = dir.file('new.key');
    const result = cli(['rekey', '--db', db, '--key-file', keyFile, '--json']);
    expect(result.json()).toEqual({ db, encrypted: true, keyFile });
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(looksEncrypted(db)).toBe(true);
    expect(names(cli(['list', '--db', db, '--key-file', keyFile, '--json']))).toBe(10);
    expect(cli(['rekey', '--db', db]).status).toBe(2);
  });
});
