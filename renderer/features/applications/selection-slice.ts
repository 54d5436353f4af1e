/** Which application is selected in the list; the detail pane follows it. */
import type { ApplicationListItem } from '../../../shared/api/applications';
import type { SliceCreator } from '../../app/store-context';
import { rowAt } from './list-slice';

/** Holding an arrow key should not load every application it passes. */
export const KEYBOARD_DETAIL_DELAY = 150;
const DETAIL_TIMER = 'detail-follows-selection';

export type SelectHow = 'pointer' | 'keyboard' | 'address';

export interface SelectionSlice {
  selectedId: string | null;
  /** The selected row's position in the current list, when known. */
  selectedIndex: number | null;
  /** Goes up when the list should scroll the selection into view. */
  scrollToSelection: number;

  select(id: string, index: number | null, how: SelectHow): void;
  clearSelection(): void;
  /** Moves the selection by `delta` rows (ArrowDown/j: 1, ArrowUp/k: -1), within the list. */
  moveSelection(delta: number): void;
  moveSelectionTo(index: number): void;
  /** Loads the detail now if it is waiting for the keyboard to settle. */
  flushDetail(): void;
  /** Called by the list when rows arrive: finds the selection's position, or completes a move into rows that were loading. */
  onRowsLoaded(offset: number, rows: readonly ApplicationListItem[]): void;
  /** Called by the list when the query changes: positions are no longer known. */
  onListReset(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get, ctx) => {
  const follow = (id: string, delay: number) => {
    if (delay <= 0) {
      ctx.timers.clear(DETAIL_TIMER);
      get().loadDetail(id);
    } else {
      ctx.timers.set(DETAIL_TIMER, () => get().loadDetail(id), delay);
    }
  };

  return {
    selectedId: null,
    selectedIndex: null,
    scrollToSelection: 0,

    select(id, index, how) {
      set({ selectedId: id, selectedIndex: index });
      follow(id, how === 'keyboard' ? KEYBOARD_DETAIL_DELAY : 0);
    },

    clearSelection() {
      ctx.timers.clear(DETAIL_TIMER);
      set({ selectedId: null, selectedIndex: null });
      get().loadDetail(null);
    },

    moveSelection(delta) {
      const { selectedIndex, total } = get();
      if (total === null || total === 0) return;
      const from = selectedIndex ?? (delta > 0 ? -1 : total);
      get().moveSelectionTo(from + delta);
    },

    moveSelectionTo(index) {
      const { total, pages, pagesGeneration, listGeneration } = get();
      if (total === null || total === 0) return;
      const next = Math.min(total - 1, Math.max(0, index));
      // Rows of a query being replaced are not where the new list will put them.
      const row = pagesGeneration === listGeneration ? rowAt(pages, next) : undefined;
      set((state) => ({ selectedIndex: next, selectedId: row?.id ?? null, scrollToSelection: state.scrollToSelection + 1 }));
      if (row !== undefined) follow(row.id, KEYBOARD_DETAIL_DELAY);
    },

    flushDetail() {
      ctx.timers.flush(DETAIL_TIMER);
    },

    onRowsLoaded(offset, rows) {
      const { selectedId, selectedIndex } = get();
      if (selectedIndex !== null && selectedId === null) {
        const row = rows[selectedIndex - offset];
        if (row !== undefined) {
          set({ selectedId: row.id });
          follow(row.id, KEYBOARD_DETAIL_DELAY);
        }
        return;
      }
      if (selectedId === null) return;
      const at = rows.findIndex((row) => row.id === selectedId);
      if (at >= 0 && selectedIndex !== offset + at) set({ selectedIndex: offset + at });
    },

    onListReset() {
      if (get().selectedIndex !== null) set({ selectedIndex: null });
    },
  };
};
