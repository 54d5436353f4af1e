/**
 * Database keys (DESIGN §4 "Encrypted databases"). A key is given as text: 64 hex digits
 * are the raw 256-bit key; anything else is a passphrase. The database is always keyed
 * with a raw key: a passphrase becomes one through scrypt, whose parameters and salt live
 * beside the database in `<file>.kdf.json` (they are not secret; without them the
 * passphrase cannot open the file, so they are copied along with it). The key text is
 * never logged.
 *
 * Pages are encrypted and authenticated with AEGIS-256 (SQLite3 Multiple Ciphers' `aegis`
 * scheme: an AES-round AEAD, a random 256-bit nonce and a 256-bit tag per page, the page
 * number bound into each page's nonce), several times cheaper than SQLCipher 4's AES-CBC +
 * HMAC-SHA512 on every CPU with AES instructions. Files made before it are SQLCipher 4;
 * they still open (`connect` tries each scheme) and a rekey rewrites them in AEGIS-256.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync, openSync, readFileSync, readSync, closeSync, renameSync, writeFileSync } from 'node:fs';

export type DatabaseKey = { kind: 'hex'; hex: string } | { kind: 'passphrase'; passphrase: string };

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What a key file or `CANDIDATE_VIEWER_DB_KEY` holds; one trailing line break is not part of it. */
export function parseKey(text: string, from: string): DatabaseKey {
  const value = text.replace(/\r?\n$/, '');
  if (value.trim() === '') throw new KeyError(`${from} is empty: it must hold a passphrase or a key of 64 hex digits`);
  if (HEX_KEY.test(value.trim())) return { kind: 'hex', hex: value.trim().toLowerCase() };
  return { kind: 'passphrase', passphrase: value };
}

export function randomKey(): DatabaseKey {
  return { kind: 'hex', hex: randomBytes(32).toString('hex') };
}

/** scrypt's cost: 128 MiB and about half a second here, per guess. */
export interface KdfParams {
  version: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 bytes. */
  salt: string;
}

export const DEFAULT_KDF: Omit<KdfParams, 'salt'> = { version: 1, kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export const kdfFile = (dbFile: string) => `${dbFile}.kdf.json`;
/** New settings of a passphrase rekey, until it has committed. */
export const pendingKdfFile = (dbFile: string) => `${kdfFile(dbFile)}.next`;

export function newKdfParams(cost: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams {
  return { ...cost, salt: randomBytes(16).toString('base64') };
}

export function readKdfParams(dbFile: string, file = kdfFile(dbFile)): KdfParams | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyError(`${file} cannot be read: ${(error as Error).message}`);
  }
  const p = parsed as Partial<KdfParams> | null;
  const whole = (n: unknown, min: number, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
  if (
    p === null ||
    typeof p !== 'object' ||
    p.version !== 1 ||
    p.kdf !== 'scrypt' ||
    !whole(p.N, 2, 2 ** 22) ||
    (p.N! & (p.N! - 1)) !== 0 ||
    !whole(p.r, 1, 64) ||
    !whole(p.p, 1, 16) ||
    typeof p.salt !== 'string' ||
    Buffer.from(p.salt, 'base64').length !== 16
  ) {
    throw new KeyError(`${file} does not hold valid passphrase settings`);
  }
  return p as KdfParams;
}

/** Writes the passphrase settings through a temporary file and a rename. */
export function writeKdfParams(dbFile: string, params: KdfParams, file = kdfFile(dbFile)): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(params, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function deriveKey(passphrase: string, params: KdfParams): string {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem,
  }).toString('hex');
}

/** True when the file exists and does not start with SQLite's plaintext header (an encrypted or foreign file). */
export function looksEncrypted(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    if (read === 0) return false;
    return read < 16 || !head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** True when the file exists and has content (a database to open, not one to create). */
export function hasContent(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, Buffer.alloc(1), 0, 1, 0) === 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * The raw key (64 hex digits) for a database file: as given, or derived from the
 * passphrase with the settings beside the file. `create` makes those settings when the
 * database does not exist yet (they are written before the database is).
 */
export function rawKeyFor(dbFile: string, key: DatabaseKey, create: boolean): string {
  if (key.kind === 'hex') return key.hex;
  let params = readKdfParams(dbFile);
  if (params === null) {
    if (!create) {
      throw new KeyError(
        `${dbFile} has no passphrase settings beside it (${kdfFile(dbFile)}): it was made with a 64-hex-digit key, or that file was not copied with it`,
      );
    }
    params = newKdfParams();
    writeKdfParams(dbFile, params);
  }
  return deriveKey(key.passphrase, params);
}

/** How an encrypted file's pages are encrypted and authenticated. */
export type CipherScheme = 'aegis-256' | 'sqlcipher-4';

/** What new files, encryption in place and every rekey write. */
export const CURRENT_SCHEME: CipherScheme = 'aegis-256';

/**
 * Every scheme an existing file may be in, in the order `connect` tries them. A file
 * answers to one only: the other fails its first page's tag (as a wrong key would).
 */
export const CIPHER_SCHEMES: readonly CipherScheme[] = ['aegis-256', 'sqlcipher-4'];

const SCHEME_PRAGMAS: Readonly<Record<CipherScheme, readonly string[]>> = {
  // The algorithm is not recorded in the file, so it is always named.
  'aegis-256': ["cipher = 'aegis'", "algorithm = 'aegis-256'"],
  // SQLCipher 4's defaults: AES-256-CBC, HMAC-SHA512, 4096-byte pages.
  'sqlcipher-4': ["cipher = 'sqlcipher'", 'legacy = 4'],
};

/** The statements that key a connection (before anything else reads the file). */
export function keyPragmas(rawHex: string, pragma: 'key' | 'rekey' = 'key', scheme: CipherScheme = CURRENT_SCHEME): string[] {
  if (!HEX_KEY.test(rawHex)) throw new KeyError('internal: a raw key must be 64 hex digits');
  return [...SCHEME_PRAGMAS[scheme], `${pragma} = "x'${rawHex}'"`];
}
