/**
 * The window's two views (the applications list and the reports), the five reports computed
 * over the list's filters and search, and printing them (Save as PDF in the desktop app,
 * the browser's print in the web face).
 */
import type { ApiError } from '../../../shared/api/contract';
import { REPORT_KINDS, type Report, type ReportKind } from '../../../shared/api/reports';
import type { SliceCreator } from '../../app/store-context';
import type { PageActions } from '../export/page';
import { toApiFilters } from '../filters/view';

export const APP_VIEWS = ['applications', 'reports'] as const;
export type AppView = (typeof APP_VIEWS)[number];

export interface ReportEntry {
  /** The last answer; kept on screen (dimmed) while a new one is computed. */
  report: Report | null;
  loading: boolean;
  error: ApiError | null;
}

export type PrintState =
  | { status: 'idle' }
  | { status: 'printing'; scope: ReportKind | null }
  | { status: 'saved'; path: string }
  | { status: 'failed'; message: string };

export interface ReportsSlice {
  activeView: AppView;
  reports: Readonly<Partial<Record<ReportKind, ReportEntry>>>;
  printState: PrintState;

  showView(view: AppView): void;
  /** Computes every report again over the current filters. */
  loadReports(): void;
  loadReport(kind: ReportKind): void;
  /** One report (or all, for null) to PDF in the desktop app, to the browser's print dialog in the web face. */
  printReports(scope: ReportKind | null): Promise<void>;
  dismissPrint(): void;
}

export function createReportsSlice(page: PageActions): SliceCreator<ReportsSlice> {
  return (set, get, ctx) => {
    const generations: Partial<Record<ReportKind, number>> = {};

    const loadReport = (kind: ReportKind) => {
      const generation = (generations[kind] ?? 0) + 1;
      generations[kind] = generation;
      const previous = get().reports[kind];
      set((state) => ({ reports: { ...state.reports, [kind]: { report: previous?.report ?? null, loading: true, error: null } } }));
      void ctx.api.report({ kind, filters: toApiFilters(get().filters) }).then((answer) => {
        if (!ctx.alive() || generations[kind] !== generation) return;
        const entry: ReportEntry = answer.ok
          ? { report: answer.value, loading: false, error: null }
          : { report: null, loading: false, error: answer.error };
        set((state) => ({ reports: { ...state.reports, [kind]: entry } }));
      });
    };

    return {
      activeView: 'applications',
      reports: {},
      printState: { status: 'idle' },

      showView(view) {
        if (view !== get().activeView) set({ activeView: view });
      },

      loadReports() {
        for (const kind of REPORT_KINDS) loadReport(kind);
      },

      loadReport,

      async printReports(scope) {
        if (get().printState.status === 'printing') return;
        set({ printState: { status: 'printing', scope } });
        page.setPrintScope(scope);
        try {
          const answer = await ctx.api.printReportToPdf({ ...(scope === null ? {} : { kind: scope }), filters: toApiFilters(get().filters) });
          if (!ctx.alive()) return;
          if (answer.ok) {
            set({ printState: answer.value.path === null ? { status: 'idle' } : { status: 'saved', path: answer.value.path } });
          } else if (answer.error.code === 'unavailable') {
            // No desktop shell to print to PDF: the browser's dialog prints, or saves as PDF.
            page.print();
            set({ printState: { status: 'idle' } });
          } else {
            set({ printState: { status: 'failed', message: answer.error.message } });
          }
        } catch (error) {
          set({ printState: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
        } finally {
          page.setPrintScope(undefined);
        }
      },

      dismissPrint() {
        if (get().printState.status !== 'printing') set({ printState: { status: 'idle' } });
      },
    };
  };
}
