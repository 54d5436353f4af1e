/** What the store's slices share: the API, storage, timers, and whether this store is still the live one. */
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/contract';
import type { AppState } from './store';

/** The part of `Storage` the store uses (localStorage in the window, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Named one-shot timers, all cancelled when the store is reset. */
export class Timers {
  private readonly pending = new Map<string, { handle: ReturnType<typeof setTimeout>; run: () => void }>();

  set(name: string, run: () => void, ms: number): void {
    this.clear(name);
    const handle = setTimeout(() => {
      this.pending.delete(name);
      run();
    }, ms);
    this.pending.set(name, { handle, run });
  }

  has(name: string): boolean {
    return this.pending.has(name);
  }

  /** Runs a pending timer now. */
  flush(name: string): void {
    const timer = this.pending.get(name);
    if (timer === undefined) return;
    this.clear(name);
    timer.run();
  }

  clear(name: string): void {
    const timer = this.pending.get(name);
    if (timer === undefined) return;
    clearTimeout(timer.handle);
    this.pending.delete(name);
  }

  clearAll(): void {
    for (const name of [...this.pending.keys()]) this.clear(name);
  }
}

export interface StoreContext {
  api: ApiClient;
  storage: KeyValueStorage | null;
  timers: Timers;
  /** False once the store was reset: answers to its requests are then dropped. */
  alive(): boolean;
  now(): number;
}

export type SetState = StoreApi<AppState>['setState'];
export type GetState = () => AppState;
export type SliceCreator<T> = (set: SetState, get: GetState, ctx: StoreContext) => T;
