/** Live counts per facet value under the current filters (each facet ignoring its own choice). */
import type { Facets } from '../../../shared/api/applications';
import type { ApiError } from '../../../shared/api/contract';
import type { SliceCreator } from '../../app/store-context';
import { toApiFilters } from './view';

export interface FacetsSlice {
  facets: Facets | null;
  facetsError: ApiError | null;
  loadFacets(): void;
}

export const createFacetsSlice: SliceCreator<FacetsSlice> = (set, get, ctx) => {
  let request = 0;
  return {
    facets: null,
    facetsError: null,
    loadFacets() {
      request += 1;
      const mine = request;
      const filters = toApiFilters(get().filters);
      void ctx.api.facets(filters).then((answer) => {
        if (!ctx.alive() || mine !== request) return;
        if (answer.ok) set({ facets: answer.value, facetsError: null });
        else set({ facetsError: answer.error });
      });
    },
  };
};
