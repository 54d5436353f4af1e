/**
 * The applications list: the total and a few pages of rows around what is on screen,
 * fetched by offset as the list scrolls (SQLite holds the dataset; the store holds the view).
 */
import type { ApplicationListItem } from '../../../shared/api/applications';
import type { ApiError } from '../../../shared/api/contract';
import type { SliceCreator } from '../../app/store-context';
import { toListQuery } from '../filters/view';

export const PAGE_SIZE = 100;
/** Pages kept around the visible rows; the rest is dropped and fetched again if scrolled back to. */
export const MAX_CACHED_PAGES = 10;
/** Requests in flight at once for the current query: a fast scroll asks only for where it ends up. */
export const MAX_CONCURRENT_PAGES = 3;

export type Pages = Readonly<Record<number, readonly ApplicationListItem[]>>;

export interface ListSlice {
  /** Rows matching the current query; null before the first answer. */
  total: number | null;
  /** Rows by page offset (a multiple of PAGE_SIZE). */
  pages: Pages;
  /** Goes up whenever the query or the data changes; older answers are ignored. */
  listGeneration: number;
  /** The generation `pages` and `total` belong to (behind while a new query's first page is on its way). */
  pagesGeneration: number;
  /** A new query is on its way (the old rows stay on screen meanwhile, dimmed). */
  listLoading: boolean;
  listError: ApiError | null;

  /** Makes sure rows first..last (inclusive) are loaded or on their way. */
  ensureRows(first: number, last: number): void;
  /** The query changed: start again from the top. Resolves when the first page is in (or failed). */
  reloadList(): Promise<void>;
  /** The data changed under the same query: fetch again what is on screen, keeping it meanwhile. */
  refreshList(): void;
  retryList(): void;
}

export function pageOffset(index: number): number {
  return index - (index % PAGE_SIZE);
}

export function rowAt(pages: Pages, index: number): ApplicationListItem | undefined {
  const offset = pageOffset(index);
  return pages[offset]?.[index - offset];
}

/** Keeps the MAX_CACHED_PAGES pages nearest to the visible rows. */
export function evictPages(pages: Pages, first: number, last: number, keep = MAX_CACHED_PAGES): Pages {
  const offsets = Object.keys(pages).map(Number);
  if (offsets.length <= keep) return pages;
  const centre = (first + last) / 2;
  const distance = (offset: number) => Math.abs(offset + PAGE_SIZE / 2 - centre);
  const kept: Record<number, readonly ApplicationListItem[]> = {};
  for (const offset of offsets.sort((a, b) => distance(a) - distance(b)).slice(0, keep)) {
    const rows = pages[offset];
    if (rows !== undefined) kept[offset] = rows;
  }
  return kept;
}

export const createListSlice: SliceCreator<ListSlice> = (set, get, ctx) => {
  const inflight = new Set<string>();
  /** A refresh's generation: its pages merge into what is shown instead of replacing it. */
  let mergeGeneration = -1;
  let wanted = { first: 0, last: PAGE_SIZE - 1 };

  const inflightFor = (generation: number) => {
    let n = 0;
    for (const key of inflight) if (key.startsWith(`${generation}:`)) n += 1;
    return n;
  };

  const fetchPage = (generation: number, offset: number): Promise<void> => {
    const key = `${generation}:${offset}`;
    inflight.add(key);
    const state = get();
    const query = { ...toListQuery(state.filters, state.sort, state.order), limit: PAGE_SIZE, offset };
    return ctx.api.listApplications(query).then((answer) => {
      inflight.delete(key);
      if (!ctx.alive() || generation !== get().listGeneration) return;
      if (!answer.ok) {
        set({ listError: answer.error, listLoading: false });
        return;
      }
      const now = get();
      const keepShown = now.pagesGeneration === generation || generation === mergeGeneration;
      const pages = evictPages({ ...(keepShown ? now.pages : {}), [offset]: answer.value.items }, wanted.first, wanted.last);
      set({ pages, pagesGeneration: generation, total: answer.value.total, listLoading: false, listError: null });
      get().onRowsLoaded(offset, answer.value.items);
      get().ensureRows(wanted.first, wanted.last);
    });
  };

  return {
    total: null,
    pages: {},
    listGeneration: 0,
    pagesGeneration: -1,
    listLoading: false,
    listError: null,

    ensureRows(first, last) {
      wanted = { first: Math.max(0, first), last: Math.max(first, last) };
      const state = get();
      const generation = state.listGeneration;
      // A new query's first page is on its way; its arrival asks again.
      if (state.pagesGeneration !== generation && mergeGeneration !== generation) return;
      if (state.listError !== null) return;
      const end = state.total === null ? wanted.last : Math.min(wanted.last, state.total - 1);
      for (let offset = pageOffset(wanted.first); offset <= end; offset += PAGE_SIZE) {
        if (state.pages[offset] !== undefined || inflight.has(`${generation}:${offset}`)) continue;
        if (inflightFor(generation) >= MAX_CONCURRENT_PAGES) return;
        void fetchPage(generation, offset);
      }
    },

    reloadList() {
      const generation = get().listGeneration + 1;
      wanted = { first: 0, last: PAGE_SIZE - 1 };
      set({ listGeneration: generation, listLoading: true, listError: null });
      get().onListReset();
      return fetchPage(generation, 0);
    },

    refreshList() {
      const state = get();
      if (state.pagesGeneration !== state.listGeneration || state.total === null) {
        void get().reloadList();
        return;
      }
      const generation = state.listGeneration + 1;
      mergeGeneration = generation;
      const offsets: number[] = [];
      const end = Math.max(wanted.first, Math.min(wanted.last, state.total - 1));
      for (let offset = pageOffset(wanted.first); offset <= end; offset += PAGE_SIZE) offsets.push(offset);
      const kept: Record<number, readonly ApplicationListItem[]> = {};
      for (const offset of offsets) {
        const rows = state.pages[offset];
        if (rows !== undefined) kept[offset] = rows;
      }
      set({ listGeneration: generation, pages: kept, listError: null });
      for (const offset of offsets) void fetchPage(generation, offset);
    },

    retryList() {
      const state = get();
      if (state.pagesGeneration !== state.listGeneration && mergeGeneration !== state.listGeneration) {
        void get().reloadList();
        return;
      }
      set({ listError: null });
      get().ensureRows(wanted.first, wanted.last);
    },
  };
};
