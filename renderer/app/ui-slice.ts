/** Window-level UI state: the sync panel and the list's column choice. */
import { loadHiddenColumns, saveHiddenColumns, type ColumnId } from '../features/applications/columns';
import type { SliceCreator } from './store-context';

export interface UiSlice {
  syncPanelOpen: boolean;
  hiddenColumns: readonly ColumnId[];
  openSyncPanel(): void;
  closeSyncPanel(): void;
  toggleColumn(id: ColumnId): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get, ctx) => ({
  syncPanelOpen: false,
  hiddenColumns: loadHiddenColumns(ctx.storage),

  openSyncPanel() {
    set({ syncPanelOpen: true });
    get().loadSettings();
    get().loadSyncRuns();
    get().loadSyncStatus();
  },

  closeSyncPanel() {
    set({ syncPanelOpen: false });
  },

  toggleColumn(id) {
    const hidden = get().hiddenColumns;
    const next = hidden.includes(id) ? hidden.filter((c) => c !== id) : [...hidden, id];
    saveHiddenColumns(ctx.storage, next);
    set({ hiddenColumns: next });
  },
});
