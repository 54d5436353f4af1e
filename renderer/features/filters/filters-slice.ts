/** Search, facet choices, applied dates, "Show deleted" and the sort: the query behind the list. */
import type { FacetField, SortField } from '../../../shared/api/applications';
import type { SliceCreator } from '../../app/store-context';
import { clearedFilters, EMPTY_FILTERS, nextSort, sameQuery, type SortOrder, type ViewFilters, type ViewState } from './view';

export interface FiltersSlice {
  filters: ViewFilters;
  sort: SortField | null;
  order: SortOrder | null;

  setQuery(q: string): void;
  toggleFacetValue(field: FacetField, value: string): void;
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
  const changeFilters = (filters: ViewFilters) => {
    set({ filters });
    get().reloadList();
    get().loadFacets();
  };
  return {
    filters: EMPTY_FILTERS,
    sort: null,
    order: null,

    setQuery(q) {
      if (q === get().filters.q) return;
      changeFilters({ ...get().filters, q });
    },

    toggleFacetValue(field, value) {
      const current = get().filters[field];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      changeFilters({ ...get().filters, [field]: next });
    },

    clearFacet(field) {
      if (get().filters[field].length === 0) return;
      changeFilters({ ...get().filters, [field]: [] });
    },

    setAppliedRange(range) {
      const filters = get().filters;
      const next = { ...filters, appliedFrom: range.from ?? filters.appliedFrom, appliedTo: range.to ?? filters.appliedTo };
      if (next.appliedFrom === filters.appliedFrom && next.appliedTo === filters.appliedTo) return;
      changeFilters(next);
    },

    clearAppliedRange() {
      get().setAppliedRange({ from: '', to: '' });
    },

    setIncludeDeleted(include) {
      if (include === get().filters.includeDeleted) return;
      changeFilters({ ...get().filters, includeDeleted: include });
    },

    clearAllFilters() {
      changeFilters(clearedFilters(get().filters));
    },

    sortBy(field) {
      set(nextSort(get(), field));
      get().reloadList();
    },

    applyView(view) {
      const unchanged = get().listGeneration > 0 && sameQuery(get(), view);
      set({ filters: view.filters, sort: view.sort, order: view.order });
      if (!unchanged) {
        get().reloadList();
        get().loadFacets();
      }
      if (view.selectedId === null) {
        if (get().selectedId !== null) get().clearSelection();
      } else if (view.selectedId !== get().selectedId) {
        get().select(view.selectedId, null, 'address');
      }
    },
  };
};
