/**
 * The app lock (issue #9). It owns the database's open/closed life in the desktop app:
 * with a keyring it opens at start (encrypting a plaintext file first, with progress);
 * with a passphrase it waits locked for one. While unlocked with a passphrase it locks on
 * "Lock Now" (Cmd/Ctrl+L), after the idle time (default 15 minutes) and when the OS locks
 * the screen or sleeps. Locking stops the services, closes the database and drops the
 * key; the page is told, and shows nothing but the lock screen.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { writeFileSync } from 'node:fs';
import { DEFAULT_IDLE_MINUTES, type KeyExportAnswer, type UnlockAnswer, type VaultState } from '../../shared/api/vault.js';
import type { DatabaseKey } from '../db/key.js';
import type { Db } from '../db/open.js';
import { VAULT_CHANNELS } from './channels.js';
import { senderRefusal } from './ipc.js';
import { VaultError, type DesktopVault, type HexKey } from './vault.js';

/** The part of Electron's powerMonitor the lock listens to. */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  removeListener(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

export interface AppLockOptions<S> {
  vault: DesktopVault;
  /** Starts the API and IPC over an open database; the key is for the readers exports open. */
  startServices(db: Db, key: HexKey): S;
  stopServices(services: S): Promise<void>;
  window(): BrowserWindow | null;
  indexUrl: string;
  power: PowerEvents;
  idleMinutes?: number;
  /** The key given to the process, when the vault's mode is `environment`. */
  envKey?: DatabaseKey | null;
  /** Where to save an exported key (the native save dialog); null when cancelled. */
  chooseKeyPath?: () => Promise<string | null>;
  /** How often the idle time is checked. */
  idleCheckMs?: number;
}

export class AppLock<S> {
  private current: VaultState = { status: 'opening', progress: null, encrypting: false };
  private running: S | null = null;
  /** The open database's raw key, only while unlocked (for "Export key"). */
  private key: HexKey | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly idleMinutes: number;
  private readonly onPower = () => void this.lock();
  private unlocking: Promise<UnlockAnswer> | null = null;

  constructor(private readonly options: AppLockOptions<S>) {
    this.idleMinutes = options.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  }

  get state(): VaultState {
    return this.current;
  }

  get services(): S | null {
    return this.running;
  }

  private get canLock(): boolean {
    return this.options.vault.mode === 'passphrase';
  }

  private set(state: VaultState): void {
    this.current = state;
    const window = this.options.window();
    if (window === null || window.isDestroyed()) return;
    // Nothing of a candidate is on screen or in the OS's window previews while locked.
    window.setContentProtection(state.status !== 'unlocked');
    if (state.status === 'opening') window.setProgressBar(state.progress ?? 2);
    else window.setProgressBar(-1);
    if (!window.webContents.isDestroyed()) window.webContents.send(VAULT_CHANNELS.changed, state);
  }

  /** At start: open with the keyring's key, or wait for a passphrase. */
  async start(): Promise<void> {
    this.options.power.on('lock-screen', this.onPower);
    this.options.power.on('suspend', this.onPower);
    const { vault } = this.options;
    if (vault.mode === 'passphrase') {
      this.set({ status: 'locked', firstTime: !vault.hasPassphrase(), why: vault.keyringProblem });
      return;
    }
    try {
      await this.openWith(vault.mode === 'environment' ? this.options.envKey! : vault.keyringKey());
    } catch (error) {
      this.set({ status: 'failed', message: (error as Error).message });
      throw error;
    }
  }

  private async openWith(key: HexKey | { kind: 'passphrase'; passphrase: string }): Promise<void> {
    const { vault } = this.options;
    const encrypting = vault.needsEncryption();
    this.set({ status: 'opening', progress: encrypting ? 0 : null, encrypting });
    const opened = await vault.open(key, (done, total) => {
      if (total > 0) this.set({ status: 'opening', progress: done / total, encrypting: true });
    });
    this.running = this.options.startServices(opened.db, opened.key);
    this.key = opened.key;
    this.set({ status: 'unlocked', canLock: this.canLock, idleMinutes: this.idleMinutes });
    if (this.canLock) this.watchIdle();
  }

  unlock(passphrase: string): Promise<UnlockAnswer> {
    if (this.unlocking !== null) return this.unlocking;
    if (this.current.status !== 'locked') return Promise.resolve({ ok: false, message: 'The database is not locked.' });
    if (typeof passphrase !== 'string' || passphrase === '') return Promise.resolve({ ok: false, message: 'Type the passphrase.' });
    // One attempt at a time: a second click waits for the first.
    this.unlocking ??= this.openWith({ kind: 'passphrase', passphrase })
      .then((): UnlockAnswer => ({ ok: true }))
      .catch((error: unknown): UnlockAnswer => {
        const { vault } = this.options;
        this.set({ status: 'locked', firstTime: !vault.hasPassphrase(), why: vault.keyringProblem });
        return { ok: false, message: error instanceof VaultError ? error.message : `The database could not be opened: ${(error as Error).message}` };
      })
      .finally(() => {
        this.unlocking = null;
      });
    return this.unlocking;
  }

  /** Locks (only where a passphrase can unlock again); the services stop and the key is dropped. */
  async lock(): Promise<void> {
    if (!this.canLock || this.current.status !== 'unlocked') return;
    this.stopIdle();
    const services = this.running;
    this.running = null;
    this.key = null;
    this.set({ status: 'locked', firstTime: false, why: null });
    if (services !== null) await this.options.stopServices(services);
  }

  /** Writes the key (64 hex digits and a line break, readable by its owner only) where the user chooses. */
  async exportKey(): Promise<KeyExportAnswer> {
    const key = this.key;
    if (key === null || this.current.status !== 'unlocked') return { ok: false, message: 'Unlock the app first.' };
    if (this.options.chooseKeyPath === undefined) return { ok: false, message: 'There is no save dialog here.' };
    const path = await this.options.chooseKeyPath();
    if (path === null) return { ok: true, path: null };
    try {
      writeFileSync(path, `${key.hex}\n`, { mode: 0o600 });
    } catch (error) {
      return { ok: false, message: `The key could not be saved: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
    return { ok: true, path };
  }

  private watchIdle(): void {
    this.stopIdle();
    const limit = this.idleMinutes * 60;
    this.idleTimer = setInterval(() => {
      if (this.options.power.getSystemIdleTime() >= limit) void this.lock();
    }, this.options.idleCheckMs ?? 30_000);
    this.idleTimer.unref?.();
  }

  private stopIdle(): void {
    if (this.idleTimer !== null) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }

  /** The page's vault calls, only from the app's own page in the main window. */
  registerIpc(): () => void {
    const guard =
      <A extends unknown[], R>(run: (...args: A) => R, refused: R) =>
      (event: IpcMainInvokeEvent, ...args: A): R => {
        const refusal = senderRefusal(event, this.options.window(), this.options.indexUrl);
        if (refusal !== null) {
          console.warn(`refused a vault call: ${refusal}`);
          return refused;
        }
        return run(...args);
      };
    ipcMain.handle(VAULT_CHANNELS.state, guard(() => this.current, { status: 'failed', message: 'refused' } as VaultState));
    ipcMain.handle(
      VAULT_CHANNELS.unlock,
      guard((passphrase: unknown) => this.unlock(typeof passphrase === 'string' ? passphrase : ''), Promise.resolve({ ok: false, message: 'refused' } as UnlockAnswer)),
    );
    ipcMain.handle(VAULT_CHANNELS.lock, guard(() => this.lock(), Promise.resolve()));
    ipcMain.handle(VAULT_CHANNELS.exportKey, guard(() => this.exportKey(), Promise.resolve({ ok: false, message: 'refused' } as KeyExportAnswer)));
    return () => {
      for (const channel of [VAULT_CHANNELS.state, VAULT_CHANNELS.unlock, VAULT_CHANNELS.lock, VAULT_CHANNELS.exportKey]) ipcMain.removeHandler(channel);
    };
  }

  /** At quit: stops the services and stops listening. */
  async close(): Promise<void> {
    this.stopIdle();
    this.options.power.removeListener('lock-screen', this.onPower);
    this.options.power.removeListener('suspend', this.onPower);
    const services = this.running;
    this.running = null;
    this.key = null;
    if (services !== null) await this.options.stopServices(services);
  }
}
