/**
 * The desktop app's lock (issue #9): the database is opened with a key from the system
 * keyring, or with a passphrase the user types. Only the desktop has it (`window.api.vault`);
 * the web face and the CLI open the database with a key given when they start.
 */
export type VaultState =
  /** Encrypting a plaintext database, or opening: `progress` from 0 to 1 when known. */
  | { status: 'opening'; progress: number | null; encrypting: boolean }
  /** Waiting for the passphrase; `firstTime`: none is set yet, the one typed will be it. */
  | { status: 'locked'; firstTime: boolean; why: string | null }
  /** `canLock`: a passphrase protects the database (with a keyring there is nothing to type). */
  | { status: 'unlocked'; canLock: boolean; idleMinutes: number }
  | { status: 'failed'; message: string };

export type UnlockAnswer = { ok: true } | { ok: false; message: string };
/** Where the key was saved (null: the user cancelled), or why it was not. */
export type KeyExportAnswer = { ok: true; path: string | null } | { ok: false; message: string };

export interface VaultApi {
  state(): Promise<VaultState>;
  unlock(passphrase: string): Promise<UnlockAnswer>;
  lock(): Promise<void>;
  /** Saves the database's key (64 hex digits) to a file the user chooses, for the CLI's --key-file. */
  exportKey(): Promise<KeyExportAnswer>;
  /** Subscribes to state changes; returns what unsubscribes. */
  onChange(listener: (state: VaultState) => void): () => void;
}

export const DEFAULT_IDLE_MINUTES = 15;
