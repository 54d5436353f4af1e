/** Search, facet choices, applied dates, "Show deleted" and the sort: the query behind the list. */
import type { FacetChoice, FacetField, SortField } from '../../../shared/api/applications';
import type { SliceCreator } from '../../app/store-context';
import { clearedFilters, EMPTY_FILTERS, nextSort, sameQuery, type SortOrder, type ViewFilters, type ViewState } from './view';

export interface FiltersSlice {
  filters: ViewFilters;
  sort: SortField | null;
  order: SortOrder | null;

  /** Resolves when the list's first page for this query is in. */
  setQuery(q: string): Promise<void>;
  toggleFacetValue(field: FacetField, value: FacetChoice): void;
  clearFacet(field: FacetField): void;
  setAppliedRange(range: { from?: string; to?: string }): void;
  clearAppliedRange(): void;
  setIncludeDeleted(include: boolean): void;
  clearAllFilters(): void;
  /** A column header was clicked. */
  sortBy(field: SortField): void;
  /** Shows a whole view (from the address bar, Back/Forward or start-up). */
  applyView(view: ViewState): void;
}

export const createFiltersSlice: SliceCreator<FiltersSlice> = (set, get) => {
  /**
   * The list goes first: the web face answers one request at a time, and a slow facet
   * count (a one-letter search) must not hold the rows back.
   */
  const changeFilters = (filters: ViewFilters): Promise<void> => {
    set({ filters });
    return get()
      .reloadList()
      .then(() => get().loadFacets());
  };
  return {
    filters: EMPTY_FILTERS,
    sort: null,
    order: null,

    setQuery(q) {
      if (q === get().filters.q) return Promise.resolve();
      return changeFilters({ ...get().filters, q });
    },

    toggleFacetValue(field, value) {
      const current = get().filters[field];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      void changeFilters({ ...get().filters, [field]: next });
    },

    clearFacet(field) {
      if (get().filters[field].length === 0) return;
      void changeFilters({ ...get().filters, [field]: [] });
    },

    setAppliedRange(range) {
      const filters = get().filters;
      const next = { ...filters, appliedFrom: range.from ?? filters.appliedFrom, appliedTo: range.to ?? filters.appliedTo };
      if (next.appliedFrom === filters.appliedFrom && next.appliedTo === filters.appliedTo) return;
      void changeFilters(next);
    },

    clearAppliedRange() {
      get().setAppliedRange({ from: '', to: '' });
    },

    setIncludeDeleted(include) {
      if (include === get().filters.includeDeleted) return;
      void changeFilters({ ...get().filters, includeDeleted: include });
    },

    clearAllFilters() {
      void changeFilters(clearedFilters(get().filters));
    },

    sortBy(field) {
      set(nextSort(get(), field));
      void get().reloadList();
    },

    applyView(view) {
      const unchanged = get().listGeneration > 0 && sameQuery(get(), view);
      set({ filters: view.filters, sort: view.sort, order: view.order });
      if (!unchanged) {
        void get()
          .reloadList()
          .then(() => get().loadFacets());
      }
      if (view.selectedId === null) {
        if (get().selectedId !== null) get().clearSelection();
      } else if (view.selectedId !== get().selectedId) {
        get().select(view.selectedId, null, 'address');
      }
    },
  };
};
