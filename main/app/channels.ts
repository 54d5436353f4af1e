/**
 * The IPC channel names and menu commands shared by main and the preload. Pure constants:
 * the sandboxed preload bundles this file, so it must import nothing.
 */

/** Each contract method answers on `api:<method>`. */
export const API_CHANNEL_PREFIX = 'api:';
/** Main pushes contract events (sync progress, data changed) here. */
export const API_EVENT_CHANNEL = 'api:event';
/** Main pushes menu commands (a {@link MenuCommand}) here. */
export const MENU_CHANNEL = 'menu:command';

/** The desktop's lock (shared/api/vault.ts): state, unlock and lock on their own channels, outside the contract. */
export const VAULT_CHANNELS = {
  state: 'vault:state',
  unlock: 'vault:unlock',
  lock: 'vault:lock',
  exportKey: 'vault:exportKey',
  changed: 'vault:changed',
} as const;

export function apiChannel(method: string): string {
  return `${API_CHANNEL_PREFIX}${method}`;
}

/** What the application menu asks the renderer to do. */
export const MENU_COMMANDS = ['sync-now', 'export-csv', 'focus-search'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
