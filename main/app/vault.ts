/**
 * The desktop app's database key (issue #9), after Signal Desktop: where the OS has a
 * real secret store, a random 256-bit key made on first run and kept only as safeStorage
 * ciphertext in `<userData>/database.key`; where it has none (Linux with `basic_text`,
 * no keyring), a passphrase the user types, turned into the key by scrypt with the
 * settings kept beside the database. The key is never written in the clear.
 *
 * A plaintext database from an earlier version is encrypted in place the first time it
 * is opened with a key (see db/encryption.ts). Wrong passphrases are slowed down: each
 * failure doubles the wait before the next attempt is tried (up to 30 s).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptInPlace } from '../db/encryption.js';
import { hasContent, kdfFile, looksEncrypted, randomKey, rawKeyFor, type DatabaseKey } from '../db/key.js';
import { openDatabase, WrongKeyError, type Db } from '../db/open.js';
import { secretStorageProblem, type SafeStorage } from './secrets.js';

/** `environment`: the key came with the process (`$CANDIDATE_VIEWER_DB_KEY`, as for the CLI): tests, managed installs. */
export type VaultMode = 'keyring' | 'passphrase' | 'environment';
export type HexKey = Extract<DatabaseKey, { kind: 'hex' }>;

export interface VaultOptions {
  userData: string;
  dbFile: string;
  storage: SafeStorage;
  platform?: NodeJS.Platform;
  nativeBinding?: string;
  /** A key given to the process; it wins over the keyring and the passphrase. */
  envKey?: DatabaseKey | null;
  /** Waits between wrong passphrases (tests pass a clock that does not sleep). */
  sleep?: (ms: number) => Promise<void>;
}

export class VaultError extends Error {
  constructor(
    readonly code: 'wrong-passphrase' | 'weak-passphrase' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

/** The shortest passphrase accepted when one is set. */
export const MIN_PASSPHRASE_LENGTH = 8;
const MAX_DELAY_MS = 30_000;

export class DesktopVault {
  readonly mode: VaultMode;
  /** Why there is no keyring, when the mode is `passphrase`. */
  readonly keyringProblem: string | null;
  private readonly keyFile: string;
  private failures = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: VaultOptions) {
    this.keyringProblem = secretStorageProblem(options.storage, options.platform ?? process.platform);
    this.mode = options.envKey ? 'environment' : this.keyringProblem === null ? 'keyring' : 'passphrase';
    this.keyFile = join(options.userData, 'database.key');
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Whether a passphrase already protects the database (else the first unlock sets it). */
  hasPassphrase(): boolean {
    return existsSync(kdfFile(this.options.dbFile)) && looksEncrypted(this.options.dbFile);
  }

  /** Whether opening will first encrypt a plaintext database (which takes a while on a big one). */
  needsEncryption(): boolean {
    return existsSync(this.options.dbFile) && !looksEncrypted(this.options.dbFile);
  }

  /** The keyring's key: read, or made and stored on first run. */
  keyringKey(): HexKey {
    if (this.mode !== 'keyring') throw new VaultError('failed', 'there is no system keyring to keep the database key in');
    const { storage } = this.options;
    if (existsSync(this.keyFile)) {
      let hex: string;
      try {
        hex = storage.decryptString(readFileSync(this.keyFile));
      } catch (error) {
        throw new VaultError('failed', `the database key in ${this.keyFile} cannot be decrypted by the system keyring: ${(error as Error).message}`);
      }
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new VaultError('failed', `${this.keyFile} does not hold a database key`);
      return { kind: 'hex', hex };
    }
    if (looksEncrypted(this.options.dbFile)) {
      throw new VaultError('failed', `${this.options.dbFile} is encrypted, but its key is not in ${this.keyFile}: restore that file, or open the database with the CLI's --key-file`);
    }
    const key = randomKey() as HexKey;
    mkdirSync(this.options.userData, { recursive: true });
    const temporary = `${this.keyFile}.tmp`;
    writeFileSync(temporary, storage.encryptString(key.hex), { mode: 0o600 });
    renameSync(temporary, this.keyFile);
    return key;
  }

  /**
   * Opens (encrypting first when the file is still plaintext) with a key, and answers the
   * raw key to keep while unlocked (a passphrase is derived once, not at every reader).
   * Wrong passphrases wait longer each time before they are tried.
   */
  async open(key: DatabaseKey, onProgress?: (done: number, total: number) => void): Promise<{ db: Db; key: HexKey }> {
    const file = this.options.dbFile;
    let hexKey: HexKey;
    if (key.kind === 'hex') hexKey = key;
    else {
      const creating = !hasContent(file) || this.needsEncryption();
      if (creating && key.passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new VaultError('weak-passphrase', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
      }
      if (this.failures > 0) await this.sleep(Math.min(MAX_DELAY_MS, 500 * 2 ** (this.failures - 1)));
      hexKey = { kind: 'hex', hex: rawKeyFor(file, key, creating) };
    }
    if (this.needsEncryption()) await encryptInPlace(file, hexKey, { nativeBinding: this.options.nativeBinding, onProgress });
    try {
      const db = openDatabase(file, { key: hexKey, nativeBinding: this.options.nativeBinding });
      this.failures = 0;
      return { db, key: hexKey };
    } catch (error) {
      if (error instanceof WrongKeyError && key.kind === 'passphrase') {
        this.failures++;
        throw new VaultError('wrong-passphrase', 'That passphrase does not open the database.');
      }
      throw error;
    }
  }

  /** A reader for exports, with the same key. */
  openReader(key: HexKey): Db {
    return openDatabase(this.options.dbFile, { readonly: true, key, nativeBinding: this.options.nativeBinding });
  }
}
