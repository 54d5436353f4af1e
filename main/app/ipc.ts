/**
 * The contract over IPC: each method answers on `api:<method>`, only to the app's own
 * page in the main window, and always with an envelope (never a raw error). Contract
 * events are pushed to the window on `api:event`.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHOD_NAMES, type Envelope } from '../../shared/api/contract.js';
import type { ApiService } from '../api/service.js';
import { API_EVENT_CHANNEL, apiChannel } from './channels.js';
import { isAppUrl } from './security.js';

export interface ApiIpcOptions {
  api: ApiService;
  /** The main window, or null while there is none. */
  window: () => BrowserWindow | null;
  indexUrl: string;
}

/** Why a call is refused, or null when it came from the app's page in the main window. */
export function senderRefusal(event: IpcMainInvokeEvent, window: BrowserWindow | null, indexUrl: string): string | null {
  if (window === null || window.isDestroyed()) return 'there is no app window';
  if (event.sender !== window.webContents) return 'it did not come from the app window';
  const frame = event.senderFrame;
  if (frame === null) return 'the calling page is gone';
  if (frame.parent !== null) return 'it came from a frame inside the page';
  if (!isAppUrl(frame.url, indexUrl)) return 'it came from a page other than the app';
  return null;
}

/** Registers every contract method; returns what undoes it. */
export function registerApiIpc({ api, window, indexUrl }: ApiIpcOptions): () => void {
  const channels = API_METHOD_NAMES.map((method) => ({ method, channel: apiChannel(method) }));
  for (const { method, channel } of channels) {
    if (channel === API_EVENT_CHANNEL) throw new Error(`the contract method ${method} collides with the event channel`);
    ipcMain.handle(channel, async (event, request: unknown): Promise<Envelope<unknown>> => {
      const refusal = senderRefusal(event, window(), indexUrl);
      if (refusal !== null) {
        // Never the request: it may hold a secret (saveSettings).
        console.warn(`refused ${method}: ${refusal}`);
        return { ok: false, error: { code: 'invalid-request', message: `${method} refused: ${refusal}` } };
      }
      try {
        return await api.dispatch(method, request);
      } catch (error) {
        return { ok: false, error: { code: 'failed', message: `${method}: ${(error as Error)?.message ?? String(error)}` } };
      }
    });
  }
  const unsubscribe = api.onEvent((event) => {
    const target = window();
    if (target === null || target.isDestroyed() || target.webContents.isDestroyed()) return;
    target.webContents.send(API_EVENT_CHANNEL, event);
  });
  return () => {
    for (const { channel } of channels) ipcMain.removeHandler(channel);
    unsubscribe();
  };
}
