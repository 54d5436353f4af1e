/**
 * The window's side of the app lock (issue #9): follows the vault's state, starts the app
 * when the database opens and, when it locks, stops it and drops every candidate the
 * store held, so nothing of them is left in the page while it shows the lock screen.
 */
import type { VaultApi, VaultState } from '../../../shared/api/vault';

export interface VaultSessionOptions {
  vault: VaultApi;
  /** Starts the app over the open database; answers what stops it. */
  start(): () => void;
  /** Forgets everything the store holds. */
  clear(): void;
  onState(state: VaultState): void;
}

export class VaultSession {
  private stopApp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private latest = 0;

  constructor(private readonly options: VaultSessionOptions) {}

  /** Subscribes first, then asks: a change while the answer is on its way is not lost. */
  connect(): void {
    let changed = false;
    this.unsubscribe = this.options.vault.onChange((state) => {
      changed = true;
      this.apply(state);
    });
    const asked = ++this.latest;
    void this.options.vault.state().then(
      (state) => {
        if (!changed && asked === this.latest) this.apply(state);
      },
      (error: unknown) => this.apply({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }

  private apply(state: VaultState): void {
    if (state.status === 'unlocked') {
      this.stopApp ??= this.options.start();
    } else if (this.stopApp !== null) {
      this.stopApp();
      this.stopApp = null;
      this.options.clear();
    }
    this.options.onState(state);
  }

  disconnect(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopApp?.();
    this.stopApp = null;
  }
}
