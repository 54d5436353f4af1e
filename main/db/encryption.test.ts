import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../testing/temp.js';
import { encryptInPlace, encryptingFile, rekeyDatabase, rowCounts, type EncryptStep } from './encryption.js';
import { kdfFile, keyPragmas, looksEncrypted, parseKey, pendingKdfFile, readKdfParams, type DatabaseKey } from './key.js';
import { cipherScheme, isEncrypted, KeyRequiredError, openDatabase, WrongKeyError } from './open.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const HEX = '0123456789abcdef'.repeat(4);
const OTHER_HEX = 'fedcba9876543210'.repeat(4);
const hexKey: DatabaseKey = { kind: 'hex', hex: HEX };
const CANARIES = ['Zanzibar-Quokka', 'quokka.canary@example.test', 'xylophonist'];

/** Every byte of the database and the files SQLite keeps beside it. */
function bytesOnDisk(dir: TempDir, base: string): Buffer {
  return Buffer.concat(
    readdirSync(dir.path)
      .filter((name) => name.startsWith(base))
      .map((name) => readFileSync(dir.file(name))),
  );
}

function writeCanaries(file: string, key: DatabaseKey | null): void {
  const db = openDatabase(file, { key });
  db.prepare("INSERT INTO settings (key, value) VALUES ('note', ?)").run(CANARIES.join(' '));
  db.prepare("INSERT INTO candidates (id, first_name, last_name) VALUES ('c1', ?, ?)").run(CANARIES[0], CANARIES[2]);
  db.close();
}

function readCanaries(file: string, key: DatabaseKey | null): string | undefined {
  const db = openDatabase(file, { key });
  try {
    return (db.prepare("SELECT value FROM settings WHERE key = 'note'").get() as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('cv-encryption-');
});
afterEach(() => dir.remove());

describe('parseKey', () => {
  it('takes 64 hex digits as a raw key and anything else as a passphrase, without the final line break', () => {
    expect(parseKey(`${HEX.toUpperCase()}\n`, 'the key file')).toEqual({ kind: 'hex', hex: HEX });
    expect(parseKey('correct horse battery staple\r\n', 'x')).toEqual({ kind: 'passphrase', passphrase: 'correct horse battery staple' });
    expect(parseKey(`${HEX}0`, 'x').kind).toBe('passphrase');
    expect(() => parseKey('\n', 'the key file')).toThrow(/the key file is empty/);
  });
});

describe('an encrypted database', () => {
  it('holds none of its text in the clear, and only the right key reads it', () => {
    const file = dir.file('enc.db');
    writeCanaries(file, hexKey);
    const disk = bytesOnDisk(dir, 'enc.db');
    for (const canary of CANARIES) expect(disk.includes(canary)).toBe(false);
    expect(looksEncrypted(file)).toBe(true);

    expect(() => openDatabase(file)).toThrow(KeyRequiredError);
    expect(() => openDatabase(file, { key: { kind: 'hex', hex: OTHER_HEX } })).toThrow(WrongKeyError);
    expect(() => openDatabase(file, { key: { kind: 'passphrase', passphrase: 'guess' } })).toThrow(/no passphrase settings beside it/);
    const db = openDatabase(file, { key: hexKey });
    expect(isEncrypted(db)).toBe(true);
    expect(cipherScheme(db)).toBe('aegis-256');
    db.close();
    expect(readCanaries(file, hexKey)).toBe(CANARIES.join(' '));
  });

  it('authenticates every page: one changed byte is refused, never read as data', () => {
    const file = dir.file('enc.db');
    writeCanaries(file, hexKey);
    const bytes = readFileSync(file);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(10);
    /** What opening and checking every page (quick_check) of the file says. */
    const check = (copy: string) => {
      try {
        const db = openDatabase(copy, { key: hexKey, readonly: true });
        try {
          return String(db.pragma('quick_check', { simple: true }));
        } finally {
          db.close();
        }
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(check(file)).toBe('ok');
    for (let page = 0; page < pages; page++) {
      const copy = dir.file('tampered.db');
      const tampered = Buffer.from(bytes);
      tampered[page * 4096 + 123]! ^= 0x01;
      writeFileSync(copy, tampered);
      // Unauthenticated, most of these flips would pass quick_check (a bit of text, of a blob).
      expect(check(copy)).not.toBe('ok');
    }
  });

  it('cannot be read by better-sqlite3 without the key', () => {
    const file = dir.file('enc.db');
    writeCanaries(file, hexKey);
    const raw = new Database(file, { readonly: true });
    try {
      expect(() => raw.prepare('SELECT value FROM settings').all()).toThrow(/file is not a database/);
    } finally {
      raw.close();
    }
  });

  it('cannot be read by the sqlite3 shell', () => {
    const file = dir.file('enc.db');
    writeCanaries(file, hexKey);
    const shell = spawnSync('sqlite3', [file, 'SELECT value FROM settings'], { encoding: 'utf8' });
    expect(shell.error).toBeUndefined();
    expect(shell.status).not.toBe(0);
    expect(shell.stderr).toMatch(/not a database|encrypted/);
    expect(shell.stdout).not.toContain(CANARIES[0]);
  });

  it('with a passphrase keeps scrypt settings beside it, and a wrong passphrase is refused', () => {
    const file = dir.file('pass.db');
    const key: DatabaseKey = { kind: 'passphrase', passphrase: 'Tr0ub4dor & 3' };
    writeCanaries(file, key);
    const params = readKdfParams(file)!;
    expect(params).toMatchObject({ kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(readFileSync(kdfFile(file), 'utf8')).not.toContain('Tr0ub4dor');
    expect(readCanaries(file, key)).toBe(CANARIES.join(' '));
    expect(() => openDatabase(file, { key: { kind: 'passphrase', passphrase: 'Tr0ub4dor & 4' } })).toThrow(WrongKeyError);
    rmSync(kdfFile(file));
    expect(() => openDatabase(file, { key })).toThrow(/pass\.db\.kdf\.json/);
  });

  it('with a damaged header gives one clear error', () => {
    const file = dir.file('enc.db');
    writeCanaries(file, hexKey);
    const bytes = readFileSync(file);
    // The salt (the first 16 bytes) only feeds a passphrase's derivation in SQLite3 Multiple
    // Ciphers' AEGIS scheme, and our keys are always raw: the damage reaches what follows.
    bytes.fill(0x5a, 0, 32);
    writeFileSync(file, bytes);
    expect(() => openDatabase(file, { key: hexKey })).toThrow(/the key is wrong, or the file is damaged/);
  });

  it('made in SQLCipher 4 by an earlier version still opens, stays so when written, and a rekey moves it to AEGIS-256', () => {
    const file = dir.file('legacy.db');
    // What the earlier version wrote: SQLite3 Multiple Ciphers' sqlcipher scheme, SQLCipher 4 defaults.
    const legacy = new Database(file);
    for (const pragma of ["cipher = 'sqlcipher'", 'legacy = 4', `key = "x'${HEX}'"`]) legacy.pragma(pragma);
    legacy.pragma('journal_mode = WAL');
    legacy.close();
    expect(keyPragmas(HEX, 'key', 'sqlcipher-4')).toEqual(["cipher = 'sqlcipher'", 'legacy = 4', `key = "x'${HEX}'"`]);
    writeCanaries(file, hexKey);
    for (const readonly of [false, true]) {
      const db = openDatabase(file, { key: hexKey, readonly });
      expect(cipherScheme(db)).toBe('sqlcipher-4');
      db.close();
    }
    expect(readCanaries(file, hexKey)).toBe(CANARIES.join(' '));
    expect(() => openDatabase(file, { key: { kind: 'hex', hex: OTHER_HEX } })).toThrow(WrongKeyError);
    // Only SQLCipher 4 reads it so far (the earlier version could open it again).
    const old = new Database(file, { readonly: true });
    for (const pragma of ["cipher = 'sqlcipher'", 'legacy = 4', `key = "x'${HEX}'"`]) old.pragma(pragma);
    expect(old.prepare("SELECT value FROM settings WHERE key = 'note'").pluck().get()).toBe(CANARIES.join(' '));
    old.close();

    rekeyDatabase(file, hexKey, { kind: 'hex', hex: OTHER_HEX });
    const db = openDatabase(file, { key: { kind: 'hex', hex: OTHER_HEX } });
    expect(cipherScheme(db)).toBe('aegis-256');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(readCanaries(file, { kind: 'hex', hex: OTHER_HEX })).toBe(CANARIES.join(' '));
    expect(() => openDatabase(file, { key: hexKey })).toThrow(WrongKeyError);
    const disk = bytesOnDisk(dir, 'legacy.db');
    for (const canary of CANARIES) expect(disk.includes(canary)).toBe(false);
  });

  it('a plaintext file given a key opens as it is; a new file given a key is created encrypted', () => {
    const plain = dir.file('plain.db');
    writeCanaries(plain, null);
    expect(readCanaries(plain, hexKey)).toBe(CANARIES.join(' '));
    expect(looksEncrypted(plain)).toBe(false);
    const fresh = dir.file('fresh.db');
    openDatabase(fresh, { key: hexKey }).close();
    expect(looksEncrypted(fresh)).toBe(true);
  });
});

describe('encryptInPlace', () => {
  it('encrypts a plaintext database with all its rows, and leaves no plaintext file behind', async () => {
    const file = dir.file('app.db');
    writeCanaries(file, null);
    const plain = openDatabase(file);
    const before = rowCounts(plain);
    plain.close();
    const progress: number[] = [];
    expect(await encryptInPlace(file, hexKey, { onProgress: (done, total) => progress.push(done / total) })).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(looksEncrypted(file)).toBe(true);
    expect(existsSync(encryptingFile(file))).toBe(false);
    const disk = bytesOnDisk(dir, 'app.db');
    for (const canary of CANARIES) expect(disk.includes(canary)).toBe(false);
    const db = openDatabase(file, { key: hexKey });
    expect(rowCounts(db)).toEqual(before);
    db.close();
    // Already encrypted: nothing to do.
    expect(await encryptInPlace(file, hexKey)).toBe(false);
  });

  // A child process encrypts and kills itself (SIGKILL) right after one step.
  const STEPS: EncryptStep[] = ['checkpointed', 'copied', 'encrypted', 'verified', 'renamed'];
  it.each(STEPS)('a kill -9 after "%s" leaves one readable database, and the next attempt finishes', async (step) => {
    const file = dir.file('app.db');
    writeCanaries(file, null);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'main/testing/encrypt-and-die.ts'), file, HEX, step], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    const encrypted = looksEncrypted(file);
    expect(encrypted).toBe(step === 'renamed');
    expect(readCanaries(file, encrypted ? hexKey : null)).toBe(CANARIES.join(' '));
    await encryptInPlace(file, hexKey);
    expect(readCanaries(file, hexKey)).toBe(CANARIES.join(' '));
    expect(existsSync(encryptingFile(file))).toBe(false);
  });
});

describe('rekeyDatabase', () => {
  it('moves from a raw key to a passphrase and back; the old key stops working', () => {
    const file = dir.file('app.db');
    writeCanaries(file, hexKey);
    const passphrase: DatabaseKey = { kind: 'passphrase', passphrase: 'new and long passphrase' };
    rekeyDatabase(file, hexKey, passphrase);
    expect(existsSync(kdfFile(file))).toBe(true);
    expect(existsSync(pendingKdfFile(file))).toBe(false);
    expect(() => openDatabase(file, { key: hexKey })).toThrow(/no passphrase settings|key is wrong/);
    expect(readCanaries(file, passphrase)).toBe(CANARIES.join(' '));
    const other: DatabaseKey = { kind: 'hex', hex: OTHER_HEX };
    rekeyDatabase(file, passphrase, other);
    expect(existsSync(kdfFile(file))).toBe(false);
    expect(readCanaries(file, other)).toBe(CANARIES.join(' '));
    expect(() => openDatabase(file, { key: hexKey })).toThrow(WrongKeyError);
  });

  it('a passphrase rekey that committed before its settings were swapped in still opens', () => {
    const file = dir.file('app.db');
    const first: DatabaseKey = { kind: 'passphrase', passphrase: 'first passphrase' };
    writeCanaries(file, first);
    const oldSettings = readFileSync(kdfFile(file));
    const second: DatabaseKey = { kind: 'passphrase', passphrase: 'second passphrase' };
    rekeyDatabase(file, first, second);
    // As if the process died between the commit and the rename: the new settings still pending.
    writeFileSync(pendingKdfFile(file), readFileSync(kdfFile(file)));
    writeFileSync(kdfFile(file), oldSettings);
    expect(readCanaries(file, second)).toBe(CANARIES.join(' '));
    expect(existsSync(pendingKdfFile(file))).toBe(false);
    expect(readCanaries(file, second)).toBe(CANARIES.join(' '));
  });
});
