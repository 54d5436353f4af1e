/** What the Electron preload exposes on `window.api` (contextBridge): one async function per contract method, plus events. */
import type { ApiClient, ApiEvent } from '../../shared/api/contract';
import type { VaultApi } from '../../shared/api/vault';

export type PreloadApi = ApiClient & {
  /** Subscribes to events pushed by main; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The app lock (desktop only). */
  vault?: VaultApi;
};

declare global {
  interface Window {
    /** Present only inside the Electron shell; the web face talks HTTP instead. */
    api?: PreloadApi;
  }
}
