/** Starts the window: connects to main, restores the view from the address, listens for events and keys. */
import { createApiConnection } from '../api/client';
import type { KeyValueStorage } from './store-context';
import { bindKeyboard } from './keyboard';
import { appStore, resetStore } from './store';
import { bindUrlState } from './url-binding';
import { searchToView } from './url-state';

function localStorageOf(win: Window): KeyValueStorage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export function startApp(win: Window): () => void {
  const connection = createApiConnection(win);
  resetStore({ api: connection.client, storage: localStorageOf(win) });
  const state = appStore.getState();
  state.applyView(searchToView(win.location.search));
  state.loadOverview();
  state.loadSyncStatus();
  state.loadSettings();
  const stopEvents = connection.onEvent((event) => appStore.getState().handleApiEvent(event));
  const stopUrl = bindUrlState(win);
  const stopKeys = bindKeyboard(win.document);
  return () => {
    stopEvents();
    stopUrl();
    stopKeys();
  };
}
