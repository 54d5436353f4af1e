/**
 * Opens the app's SQLite file: the key when it is encrypted (or is created with one),
 * pragmas, migrations, and a refusal of newer schemas.
 */
import Database from 'better-sqlite3';
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CIPHER_SCHEMES,
  CURRENT_SCHEME,
  deriveKey,
  hasContent,
  kdfFile,
  KeyError,
  keyPragmas,
  looksEncrypted,
  pendingKdfFile,
  rawKeyFor,
  readKdfParams,
  type CipherScheme,
  type DatabaseKey,
} from './key.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type Db = Database.Database;

export class DatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** An encrypted database opened without a key. */
export class KeyRequiredError extends DatabaseError {
  constructor(file: string) {
    super(`${file} is encrypted: it needs its key (a passphrase or 64 hex digits)`);
    this.name = 'KeyRequiredError';
  }
}

/** A key that does not open the file (or a file whose header is damaged). */
export class WrongKeyError extends DatabaseError {
  constructor(file: string) {
    super(`cannot open ${file}: the key is wrong, or the file is damaged or not a Candidate Viewer database`);
    this.name = 'WrongKeyError';
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Path of a better_sqlite3.node built for another ABI (the Electron shell passes one). */
  nativeBinding?: string;
  /**
   * The key of an encrypted file, or the key to create a new file with. A plaintext file
   * that already exists is opened as it is (`rekey` encrypts it).
   */
  key?: DatabaseKey | null;
}

const encryptedConnections = new WeakMap<Db, CipherScheme>();

/** Whether this connection reads and writes an encrypted file. */
export function isEncrypted(db: Db): boolean {
  return encryptedConnections.has(db);
}

/** The scheme of the encrypted file this connection has open (null: plaintext). */
export function cipherScheme(db: Db): CipherScheme | null {
  return encryptedConnections.get(db) ?? null;
}

/** Opens a connection and keys it; the file's header is checked before anything is written. */
export function connect(file: string, options: OpenOptions = {}): Db {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const existing = !memory && hasContent(file);
  const encrypted = existing && looksEncrypted(file);
  if (encrypted && !options.key) throw new KeyRequiredError(file);
  if (!options.key || memory || (existing && !encrypted)) return keyed(file, null, options, false);
  if (options.readonly && !existing) throw new DatabaseError(`no database at ${file}`);
  let rawKey: string;
  try {
    rawKey = rawKeyFor(file, options.key, !existing);
  } catch (error) {
    if (error instanceof KeyError) throw new DatabaseError(error.message);
    throw error;
  }
  try {
    return keyed(file, rawKey, options, existing);
  } catch (error) {
    // A passphrase rekey that committed but did not get to swap in its new settings.
    const pending = options.key.kind === 'passphrase' && error instanceof WrongKeyError ? readPendingKdf(file) : null;
    if (pending === null || options.key.kind !== 'passphrase') throw error;
    const db = keyed(file, deriveKey(options.key.passphrase, pending), options, true);
    if (!options.readonly) renameSync(pendingKdfFile(file), kdfFile(file));
    return db;
  }
}

function readPendingKdf(file: string) {
  try {
    return readKdfParams(file, pendingKdfFile(file));
  } catch {
    return null;
  }
}

/**
 * A new file is made in the current scheme; an existing one is tried in each scheme a
 * file may be in (a wrong scheme fails like a wrong key, before anything is written).
 */
function keyed(file: string, rawKey: string | null, options: OpenOptions, existing: boolean): Db {
  if (rawKey === null) return keyedWith(file, null, options);
  const schemes = existing ? CIPHER_SCHEMES : [CURRENT_SCHEME];
  for (const [i, scheme] of schemes.entries()) {
    try {
      return keyedWith(file, { rawKey, scheme }, options);
    } catch (error) {
      if (!(error instanceof WrongKeyError) || i === schemes.length - 1) throw error;
    }
  }
  throw new WrongKeyError(file);
}

function keyedWith(file: string, key: { rawKey: string; scheme: CipherScheme } | null, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new DatabaseError(`cannot open database ${file}: ${(error as Error).message}`);
  }
  try {
    if (key !== null) for (const pragma of keyPragmas(key.rawKey, 'key', key.scheme)) db.pragma(pragma);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw key !== null ? new WrongKeyError(file) : new DatabaseError(`cannot open ${file}: it is not a SQLite database, or it is damaged`);
    }
    throw new DatabaseError(`cannot open database ${file}: ${(error as Error).message}`);
  }
  if (key !== null) encryptedConnections.set(db, key.scheme);
  return db;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = connect(file, options);
  try {
    // Durable commits cost nothing at our batch sizes (LIMITS.md), so keep FULL.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = OFF');
    db.pragma('busy_timeout = 5000');
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Deleted rows are overwritten, so an erased candidate leaves nothing in free pages (issue #9).
    db.pragma('secure_delete = ON');
    if (!options.readonly) migrate(db);
    else checkVersion(db);
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`cannot use database ${file}: ${(error as Error).message}`);
  }
  return db;
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

function checkVersion(db: Db): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new DatabaseError(
      `this database was written by a newer Candidate Viewer (schema ${version}, this app knows up to ${SCHEMA_VERSION}); update the app`,
    );
  }
  return version;
}

/** Applies each pending migration in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = checkVersion(db);
  let vacuum = false;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    // A new database has nothing to compact.
    if (migration.vacuumAfter === true && current > 0) vacuum = true;
  }
  if (vacuum && !db.memory) db.exec('VACUUM');
}
