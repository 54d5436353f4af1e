/**
 * The feed token and API key, encrypted with the OS secret store through safeStorage and
 * kept as base64 ciphertext in the `settings` table under `secret:<name>`; never plain.
 * Where there is no real secret store (Linux without a keyring, where Electron would
 * fall back to a hard-coded key), they stay in memory and the user is told.
 */
import { safeStorage } from 'electron';
import type { SecretName, SecretStore } from '../api/secrets.js';
import type { Db } from '../db/open.js';

export const NO_KEYRING_WARNING =
  'No system keyring found: the feed token and API key are kept in memory only and must be entered again after a restart. Install and unlock GNOME Keyring or KWallet to keep them.';
export const NO_ENCRYPTION_WARNING =
  "The system's secret storage is not available: the feed token and API key are kept in memory only and must be entered again after a restart.";

/** The part of Electron's safeStorage this store uses. */
export type SafeStorage = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SafeStorageSecretStoreOptions {
  storage?: SafeStorage;
  platform?: NodeJS.Platform;
}

/** Why secrets cannot be persisted here, or null when they can. Call after app `ready`. */
export function secretStorageProblem(storage: SafeStorage, platform: NodeJS.Platform): string | null {
  try {
    if (platform === 'linux') {
      const backend = storage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') return NO_KEYRING_WARNING;
    }
    return storage.isEncryptionAvailable() ? null : NO_ENCRYPTION_WARNING;
  } catch {
    return NO_ENCRYPTION_WARNING;
  }
}

const keyOf = (name: SecretName) => `secret:${name}`;

export class SafeStorageSecretStore implements SecretStore {
  readonly persisted: boolean;
  readonly warning: string | null;
  private readonly storage: SafeStorage;
  /** Decrypted values (persisted) or the only copy (memory fallback). */
  private readonly values = new Map<SecretName, string | null>();
  private readonly read;
  private readonly write;
  private readonly remove;

  constructor(db: Db, { storage = safeStorage, platform = process.platform }: SafeStorageSecretStoreOptions = {}) {
    this.storage = storage;
    this.warning = secretStorageProblem(storage, platform);
    this.persisted = this.warning === null;
    this.read = db.prepare<[string], { value: string | null }>('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.remove = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get(name: SecretName): string | null {
    const known = this.values.get(name);
    if (known !== undefined || !this.persisted) return known ?? null;
    const value = this.decrypt(this.read.get(keyOf(name))?.value ?? null);
    this.values.set(name, value);
    return value;
  }

  set(name: SecretName, value: string | null): void {
    if (value === null || value === '') {
      // Forgetting also removes what an earlier session with a keyring stored.
      this.remove.run(keyOf(name));
      this.values.delete(name);
      return;
    }
    if (this.persisted) {
      let ciphertext: Buffer;
      try {
        ciphertext = this.storage.encryptString(value);
      } catch (error) {
        throw new Error(`cannot encrypt the ${name} with the system keyring: ${(error as Error).message}`, { cause: error });
      }
      this.write.run(keyOf(name), ciphertext.toString('base64'));
    }
    this.values.set(name, value);
  }

  /** A secret another keyring or machine encrypted cannot be read: it counts as unset. */
  private decrypt(stored: string | null): string | null {
    if (stored === null || stored === '') return null;
    try {
      return this.storage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      return null;
    }
  }
}
