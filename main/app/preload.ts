/**
 * The page's only way to main (DESIGN §3): `window.api`, one named function per contract
 * method, plus event and menu subscriptions. Never ipcRenderer itself, never an
 * invoke-any-channel function, never the IPC event object.
 *
 * Runs sandboxed, where `require` knows little more than 'electron': the build bundles
 * this file into one CommonJS script, with the method names of shared/api/methods.ts
 * (no zod) and no package but electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiClient, ApiEvent } from '../../shared/api/contract.js';
import type { KeyExportAnswer, UnlockAnswer, VaultApi, VaultState } from '../../shared/api/vault.js';
import { API_METHOD_NAMES, type ApiMethod } from '../../shared/api/methods.js';
import { API_EVENT_CHANNEL, apiChannel, isMenuCommand, MENU_CHANNEL, VAULT_CHANNELS, type MenuCommand } from './channels.js';

/** What the renderer finds at `window.api` in the desktop app. */
export type DesktopApi = ApiClient & {
  /** Sync progress and data changes; returns what unsubscribes. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Commands chosen in the application menu; returns what unsubscribes. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** The app lock: the database opens with the keyring's key or a passphrase. */
  vault: VaultApi;
};

function invoker(method: ApiMethod): (request: unknown) => Promise<unknown> {
  const channel = apiChannel(method);
  // Only the request crosses: extra arguments from the page are dropped.
  return (request: unknown) => ipcRenderer.invoke(channel, request);
}

function subscribe<T>(channel: string, accept: (payload: unknown) => payload is T, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('the listener must be a function');
  const handler = (_event: IpcRendererEvent, payload: unknown) => {
    if (accept(payload)) listener(payload);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const isApiEvent = (payload: unknown): payload is ApiEvent =>
  typeof payload === 'object' && payload !== null && typeof (payload as { type?: unknown }).type === 'string';

const methods = Object.fromEntries(API_METHOD_NAMES.map((method) => [method, invoker(method)])) as unknown as ApiClient;

const isVaultState = (payload: unknown): payload is VaultState =>
  typeof payload === 'object' && payload !== null && typeof (payload as { status?: unknown }).status === 'string';

const vault: VaultApi = {
  state: () => ipcRenderer.invoke(VAULT_CHANNELS.state) as Promise<VaultState>,
  // Only the passphrase crosses, as a string.
  unlock: (passphrase: string) => ipcRenderer.invoke(VAULT_CHANNELS.unlock, String(passphrase)) as Promise<UnlockAnswer>,
  lock: () => ipcRenderer.invoke(VAULT_CHANNELS.lock) as Promise<void>,
  exportKey: () => ipcRenderer.invoke(VAULT_CHANNELS.exportKey) as Promise<KeyExportAnswer>,
  onChange: (listener) => subscribe(VAULT_CHANNELS.changed, isVaultState, listener),
};

const api: DesktopApi = {
  ...methods,
  onEvent: (listener) => subscribe(API_EVENT_CHANNEL, isApiEvent, listener),
  onMenu: (listener) => subscribe(MENU_CHANNEL, isMenuCommand, listener),
  vault,
};

contextBridge.exposeInMainWorld('api', api);
