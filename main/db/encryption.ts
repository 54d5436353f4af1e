/**
 * Turning a plaintext database into an encrypted one, and changing a key (issue #9).
 *
 * `encryptInPlace` never touches the plaintext file until an encrypted copy is proven
 * good: the plaintext is checkpointed and copied page by page (SQLite's backup API) to
 * `<file>.encrypting`, the copy is encrypted (`PRAGMA rekey`, which needs a rollback
 * journal), reopened with the key, `integrity_check`ed and its row counts compared with
 * the plaintext's, and only then renamed over the plaintext. A `kill -9` at any point
 * leaves one readable database: before the rename the plaintext (a stale copy is thrown
 * away at the next attempt), after it the encrypted file.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  deriveKey,
  kdfFile,
  keyPragmas,
  looksEncrypted,
  newKdfParams,
  pendingKdfFile,
  rawKeyFor,
  writeKdfParams,
  type DatabaseKey,
  type KdfParams,
} from './key.js';
import { connect, DatabaseError, type Db } from './open.js';

export type EncryptStep = 'checkpointed' | 'copied' | 'encrypted' | 'verified' | 'renamed';

export interface EncryptOptions {
  nativeBinding?: string;
  /** Pages copied so far of all; called as the copy goes. */
  onProgress?: (done: number, total: number) => void;
  /** Called after each step (tests stop the process there). */
  onStep?: (step: EncryptStep) => void;
}

export const encryptingFile = (file: string) => `${file}.encrypting`;

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

function syncDirectory(file: string): void {
  try {
    const fd = openSync(dirname(file), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can open a directory (Windows): the rename is still atomic.
  }
}

/** Rows of every ordinary table (FTS5's shadow tables included), by name. */
export function rowCounts(db: Db): Map<string, number> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
    )
    .all();
  return new Map(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): string | null {
  for (const [name, n] of a) if (b.get(name) !== n) return `${name} has ${b.get(name) ?? 'no'} rows in the copy, ${n} in the original`;
  for (const name of b.keys()) if (!a.has(name)) return `the copy has a table ${name} the original does not`;
  return null;
}

/**
 * Encrypts a plaintext database file with `key`, atomically. A file that is already
 * encrypted is left alone (answers false); a leftover copy from an interrupted attempt
 * is removed first.
 */
export async function encryptInPlace(file: string, key: DatabaseKey, options: EncryptOptions = {}): Promise<boolean> {
  const copy = encryptingFile(file);
  removeWithSidecars(copy);
  if (!existsSync(file)) throw new DatabaseError(`no database at ${file}`);
  if (looksEncrypted(file)) return false;
  const step = options.onStep ?? (() => {});

  const plain = connect(file, { nativeBinding: options.nativeBinding });
  let counts: Map<string, number>;
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    step('checkpointed');
    counts = rowCounts(plain);
    const { totalPages } = await plain.backup(copy, {
      progress: ({ totalPages: total, remainingPages }) => {
        options.onProgress?.(total - remainingPages, total);
        return 256;
      },
    });
    options.onProgress?.(totalPages, totalPages);
  } finally {
    plain.close();
  }
  step('copied');

  // The passphrase settings must exist before the encrypted file does.
  const rawKey = rawKeyFor(file, key, true);
  const target = new Database(copy, { nativeBinding: options.nativeBinding });
  try {
    target.pragma('journal_mode = DELETE');
    for (const pragma of keyPragmas(rawKey, 'rekey')) target.pragma(pragma);
  } finally {
    target.close();
  }
  step('encrypted');

  const check = connect(copy, { key: { kind: 'hex', hex: rawKey }, nativeBinding: options.nativeBinding });
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new DatabaseError(`the encrypted copy of ${file} failed its integrity check (${String(integrity)}); the original is unchanged`);
    const differs = sameCounts(counts, rowCounts(check));
    if (differs !== null) throw new DatabaseError(`the encrypted copy of ${file} differs: ${differs}; the original is unchanged`);
    check.pragma('journal_mode = WAL');
  } catch (error) {
    check.close();
    removeWithSidecars(copy);
    throw error;
  }
  check.close();
  step('verified');

  // The plaintext's WAL is empty (checkpointed above); it must not be replayed into the new file.
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(copy, file);
  syncDirectory(file);
  step('renamed');
  return true;
}

export interface RekeyOptions {
  nativeBinding?: string;
}

/**
 * Changes the key of an encrypted database in place (SQLite re-encrypts every page in
 * one transaction under a rollback journal, so a crash leaves the old key working).
 * The new key is always in the current scheme: a SQLCipher 4 file becomes AEGIS-256
 * (its pages then shrink their reserved bytes, which SQLite3 Multiple Ciphers does by a
 * VACUUM, as atomic as the rest).
 * A new passphrase gets new scrypt settings, written first to `<file>.kdf.json.next` and
 * made current once the rekey committed; a crash in between is settled by `connect`,
 * which tries the pending settings when the current ones do not open the file.
 */
export function rekeyDatabase(file: string, oldKey: DatabaseKey, newKey: DatabaseKey, options: RekeyOptions = {}): void {
  if (!looksEncrypted(file)) throw new DatabaseError(`${file} is not encrypted`);
  const db = connect(file, { key: oldKey, nativeBinding: options.nativeBinding });
  let nextParams: KdfParams | null = null;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    let rawNew: string;
    if (newKey.kind === 'hex') rawNew = newKey.hex;
    else {
      nextParams = newKdfParams();
      writeKdfParams(file, nextParams, pendingKdfFile(file));
      rawNew = deriveKey(newKey.passphrase, nextParams);
    }
    db.pragma('journal_mode = DELETE');
    for (const pragma of keyPragmas(rawNew, 'rekey')) db.pragma(pragma);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  if (nextParams !== null) renameSync(pendingKdfFile(file), kdfFile(file));
  // A raw key needs no settings; old ones would only mislead.
  else rmSync(kdfFile(file), { force: true });
}
