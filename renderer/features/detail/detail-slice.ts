/** The application open in the detail pane. */
import type { ApiError } from '../../../shared/api/contract';
import type { ApplicationDetail } from '../../../shared/api/detail';
import type { ErasurePlan, ErasureResult } from '../../../shared/api/privacy';
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

  /** "Erase candidate": the confirmation's counts, then the erasure (issue #9). */
  erasure: { phase: 'planning' | 'confirm' | 'erasing'; applicationId: string; plan: ErasurePlan | null; error: ApiError | null } | null;
  /** What the last erasure removed, shown where the candidate was. */
  lastErasure: ErasureResult | null;
  askErasure(): void;
  cancelErasure(): void;
  confirmErasure(): void;
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
      if (id !== null) set({ lastErasure: null });
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

    erasure: null,
    lastErasure: null,

    askErasure() {
      const applicationId = get().detailId;
      if (applicationId === null) return;
      set({ erasure: { phase: 'planning', applicationId, plan: null, error: null } });
      void ctx.api.planErasure({ applicationId }).then((answer) => {
        const current = get().erasure;
        if (!ctx.alive() || current?.applicationId !== applicationId || current.phase !== 'planning') return;
        set({ erasure: answer.ok ? { ...current, phase: 'confirm', plan: answer.value } : { ...current, phase: 'confirm', error: answer.error } });
      });
    },

    cancelErasure() {
      if (get().erasure?.phase !== 'erasing') set({ erasure: null });
    },

    confirmErasure() {
      const current = get().erasure;
      if (current === null || current.phase !== 'confirm' || current.plan === null) return;
      set({ erasure: { ...current, phase: 'erasing', error: null } });
      void ctx.api.eraseCandidate({ applicationId: current.applicationId }).then((answer) => {
        if (!ctx.alive()) return;
        if (!answer.ok) {
          set({ erasure: { ...current, phase: 'confirm', error: answer.error } });
          return;
        }
        get().clearSelection();
        set({ erasure: null, lastErasure: answer.value });
        get().refreshList();
      });
    },

    refreshDetail() {
      const { detailId } = get();
      if (detailId !== null) get().loadDetail(detailId, { quiet: true });
    },
  };
};
