/**
 * The one store, built from feature slices (actions beside their state). Components read it
 * through narrow selectors; tests build a fresh one with `resetStore({ api: fake })`.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { disconnectedClient } from '../api/client';
import { createListSlice, type ListSlice } from '../features/applications/list-slice';
import { createSelectionSlice, type SelectionSlice } from '../features/applications/selection-slice';
import { createDetailSlice, type DetailSlice } from '../features/detail/detail-slice';
import { createExportSlice, type ExportSlice } from '../features/export/export-slice';
import { defaultPage, type PageActions } from '../features/export/page';
import { createFacetsSlice, type FacetsSlice } from '../features/filters/facets-slice';
import { createFiltersSlice, type FiltersSlice } from '../features/filters/filters-slice';
import { createPreviewSlice, type PreviewSlice } from '../features/preview/preview-slice';
import { createReportsSlice, type ReportsSlice } from '../features/reports/reports-slice';
import { createSettingsSlice, type SettingsSlice } from '../features/sync/settings-slice';
import { createSyncSlice, type SyncSlice } from '../features/sync/sync-slice';
import { Timers, type GetState, type SetState, type StoreContext } from './store-context';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = ListSlice &
  SelectionSlice &
  FiltersSlice &
  FacetsSlice &
  DetailSlice &
  PreviewSlice &
  SyncSlice &
  SettingsSlice &
  UiSlice &
  ReportsSlice &
  ExportSlice;

/** `page`: downloads and printing (the window's own by default). */
export type StoreDeps = Pick<StoreContext, 'api' | 'storage'> & { now?: () => number; page?: PageActions };

let deps: StoreDeps = { api: disconnectedClient(), storage: null };
let current: { alive: boolean; timers: Timers } = { alive: true, timers: new Timers() };

function buildState(set: SetState, get: GetState): AppState {
  const lifetime = current;
  const ctx: StoreContext = {
    api: deps.api,
    storage: deps.storage,
    timers: lifetime.timers,
    alive: () => lifetime.alive,
    now: deps.now ?? (() => Date.now()),
  };
  const page = deps.page ?? defaultPage();
  const sync = createSyncSlice(set, get, ctx);
  const exports = createExportSlice(page)(set, get, ctx);
  return {
    ...createListSlice(set, get, ctx),
    ...createSelectionSlice(set, get, ctx),
    ...createFiltersSlice(set, get, ctx),
    ...createFacetsSlice(set, get, ctx),
    ...createDetailSlice(set, get, ctx),
    ...createPreviewSlice(set, get, ctx),
    ...sync,
    ...createSettingsSlice(set, get, ctx),
    ...createUiSlice(set, get, ctx),
    ...createReportsSlice(page)(set, get, ctx),
    ...exports,
    handleApiEvent(event) {
      sync.handleApiEvent(event);
      exports.handleExportEvent(event);
    },
  };
}

export const appStore = createStore<AppState>()((set, get) => buildState(set, get));

/**
 * Replaces the whole state with a fresh one (new API/storage when given). Timers and answers
 * still on their way from the previous state are dropped.
 */
export function resetStore(next: Partial<StoreDeps> = {}): void {
  current.alive = false;
  current.timers.clearAll();
  current = { alive: true, timers: new Timers() };
  deps = { ...deps, ...next };
  appStore.setState(buildState(appStore.setState, appStore.getState), true);
}

/** Reads the store in a component; pass a narrow selector (wrap object results in useShallow). */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
