/** Sync: what is running, the last run, history, the webhook receiver, and keeping the view fresh after imports. */
import type { ApiError, ApiEvent, SyncSource } from '../../../shared/api/contract';
import type { Overview, RejectedEvent, SyncRun, SyncState } from '../../../shared/api/sync';
import type { SliceCreator } from '../../app/store-context';

/** Data changes arrive in bursts during an import; the view catches up at most this often. */
export const REFRESH_INTERVAL = 1000;
const REFRESH_TIMER = 'refresh-after-change';
export const HISTORY_LIMIT = 50;

export type RunErrors =
  | { status: 'loading' }
  | { status: 'ready'; errors: RejectedEvent[] }
  | { status: 'error'; error: ApiError };

export interface SyncSlice {
  overview: Overview | null;
  overviewError: ApiError | null;
  syncState: SyncState | null;
  syncStateError: ApiError | null;
  /** Asked to start; no progress seen yet. */
  syncStarting: boolean;
  /** Why the last start (or receiver start/stop) was refused. */
  syncActionError: string | null;
  syncRuns: SyncRun[] | null;
  syncRunsError: ApiError | null;
  runErrors: Readonly<Record<number, RunErrors>>;
  receiverBusy: boolean;

  loadOverview(): void;
  loadSyncStatus(): void;
  loadSyncRuns(): void;
  loadRunErrors(runId: number): void;
  startSync(source: SyncSource): Promise<boolean>;
  /** "Sync now": the feed when one is configured, otherwise the demo data. */
  syncNow(): void;
  startReceiver(): void;
  stopReceiver(): void;
  handleApiEvent(event: ApiEvent): void;
  /** List, facets, overview and the open application, throttled. */
  refreshAll(): void;
}

export function defaultSyncSource(feedUrl: string | null | undefined): SyncSource {
  return feedUrl !== null && feedUrl !== undefined && feedUrl.trim() !== '' ? { kind: 'feed' } : { kind: 'demo' };
}

export const createSyncSlice: SliceCreator<SyncSlice> = (set, get, ctx) => {
  let lastRefresh = Number.NEGATIVE_INFINITY;
  const counters = { overview: 0, status: 0, runs: 0 };

  const refreshNow = () => {
    lastRefresh = ctx.now();
    const state = get();
    state.refreshList();
    state.loadFacets();
    state.loadOverview();
    state.refreshDetail();
  };

  const receiverAction = async (action: 'startReceiver' | 'stopReceiver') => {
    set({ receiverBusy: true, syncActionError: null });
    const answer = await ctx.api[action]({});
    if (!ctx.alive()) return;
    if (answer.ok) set({ receiverBusy: false, syncState: answer.value });
    else set({ receiverBusy: false, syncActionError: answer.error.message });
  };

  return {
    overview: null,
    overviewError: null,
    syncState: null,
    syncStateError: null,
    syncStarting: false,
    syncActionError: null,
    syncRuns: null,
    syncRunsError: null,
    runErrors: {},
    receiverBusy: false,

    loadOverview() {
      const mine = ++counters.overview;
      void ctx.api.overview({}).then((answer) => {
        if (!ctx.alive() || mine !== counters.overview) return;
        if (answer.ok) set({ overview: answer.value, overviewError: null });
        else set({ overviewError: answer.error });
      });
    },

    loadSyncStatus() {
      const mine = ++counters.status;
      void ctx.api.syncStatus({}).then((answer) => {
        if (!ctx.alive() || mine !== counters.status) return;
        if (answer.ok) set({ syncState: answer.value, syncStateError: null, ...(answer.value.running ? { syncStarting: false } : {}) });
        else set({ syncStateError: answer.error });
      });
    },

    loadSyncRuns() {
      const mine = ++counters.runs;
      void ctx.api.syncRuns({ limit: HISTORY_LIMIT }).then((answer) => {
        if (!ctx.alive() || mine !== counters.runs) return;
        if (answer.ok) set({ syncRuns: answer.value, syncRunsError: null });
        else set({ syncRunsError: answer.error });
      });
    },

    loadRunErrors(runId) {
      set((state) => ({ runErrors: { ...state.runErrors, [runId]: { status: 'loading' } } }));
      void ctx.api.syncErrors({ runId, limit: 1000 }).then((answer) => {
        if (!ctx.alive()) return;
        const entry: RunErrors = answer.ok ? { status: 'ready', errors: answer.value } : { status: 'error', error: answer.error };
        set((state) => ({ runErrors: { ...state.runErrors, [runId]: entry } }));
      });
    },

    async startSync(source) {
      set({ syncStarting: true, syncActionError: null });
      const answer = await ctx.api.startSync({ source });
      if (!ctx.alive()) return false;
      if (!answer.ok) {
        set({ syncStarting: false, syncActionError: answer.error.message });
        return false;
      }
      get().loadSyncStatus();
      return true;
    },

    syncNow() {
      void get().startSync(defaultSyncSource(get().settings?.feedUrl));
    },

    startReceiver() {
      void receiverAction('startReceiver');
    },

    stopReceiver() {
      void receiverAction('stopReceiver');
    },

    handleApiEvent(event) {
      switch (event.type) {
        case 'sync.progress':
          set({ syncState: event.state, syncStarting: false, syncActionError: null });
          break;
        case 'sync.finished':
          set({ syncState: event.state, syncStarting: false });
          get().loadSyncRuns();
          get().refreshAll();
          break;
        case 'data.changed':
          get().refreshAll();
          break;
      }
    },

    refreshAll() {
      const wait = lastRefresh + REFRESH_INTERVAL - ctx.now();
      if (wait <= 0) {
        ctx.timers.clear(REFRESH_TIMER);
        refreshNow();
      } else if (!ctx.timers.has(REFRESH_TIMER)) {
        ctx.timers.set(REFRESH_TIMER, refreshNow, wait);
      }
    },
  };
};
