/** The application open in the detail pane. */
import type { ApiError } from '../../../shared/api/contract';
import type { ApplicationDetail } from '../../../shared/api/detail';
import type { SliceCreator } from '../../app/store-context';

export interface DetailSlice {
  /** The application the pane is about (what is shown may still be the previous one while it loads). */
  detailId: string | null;
  detail: ApplicationDetail | null;
  detailLoading: boolean;
  detailError: ApiError | null;

  /** Loads an application into the pane (null empties it); `quiet` keeps the current one on screen without a loading state. */
  loadDetail(id: string | null, options?: { quiet?: boolean }): void;
  refreshDetail(): void;
}

export const createDetailSlice: SliceCreator<DetailSlice> = (set, get, ctx) => {
  let request = 0;
  return {
    detailId: null,
    detail: null,
    detailLoading: false,
    detailError: null,

    loadDetail(id, options = {}) {
      request += 1;
      const mine = request;
      if (id === null) {
        set({ detailId: null, detail: null, detailLoading: false, detailError: null });
        get().closePreview();
        return;
      }
      const sameApplication = get().detail?.id === id;
      set({
        detailId: id,
        detailLoading: !(options.quiet ?? false) && !sameApplication,
        detailError: null,
      });
      // The preview belongs to the application it was opened from.
      if (!sameApplication) get().closePreview();
      void ctx.api.getApplication({ id }).then((answer) => {
        if (!ctx.alive() || mine !== request) return;
        if (answer.ok) set({ detail: answer.value, detailLoading: false, detailError: null });
        else set({ detailLoading: false, detailError: answer.error, ...(options.quiet ? {} : { detail: null }) });
      });
    },

    refreshDetail() {
      const { detailId } = get();
      if (detailId !== null) get().loadDetail(detailId, { quiet: true });
    },
  };
};
