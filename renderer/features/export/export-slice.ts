/**
 * Exports the window runs, one at a time: the list as it is shown, or a report's table.
 * The call answers once the file is complete (desktop: saved where the dialog said; web
 * face: fetched and handed to the browser as a download); progress events come meanwhile.
 */
import type { ApiError, ApiEvent, Envelope } from '../../../shared/api/contract';
import type { ExportFormat, ExportResult } from '../../../shared/api/export';
import { REPORT_TITLES, type ReportKind } from '../../../shared/api/reports';
import type { SliceCreator } from '../../app/store-context';
import { toApiFilters } from '../filters/view';
import { applicationsExportRequest, loadExportBom, newExportId, saveExportBom } from './export-request';
import type { PageActions } from './page';

export type ExportPhase = 'running' | 'saved' | 'downloaded' | 'cancelled' | 'failed';

export interface ExportJob {
  exportId: string;
  /** What is exported, in words: "applications", "the Pipeline report". */
  subject: string;
  format: ExportFormat;
  phase: ExportPhase;
  /** Rows written so far while running; rows in the file once done. */
  rows: number;
  /** Rows the export will write, once main has said. */
  total: number | null;
  fileName: string | null;
  path: string | null;
  /** Why it failed (or why "Show in folder" could not). */
  message: string | null;
  /** Cancel was pressed; the answer is on its way. */
  cancelling: boolean;
}

export interface ExportSlice {
  exportJob: ExportJob | null;
  /** "For Excel on Windows (BOM)": remembered across windows. */
  exportBom: boolean;
  setExportBom(bom: boolean): void;
  /** Exports what the list shows. */
  exportApplications(format: ExportFormat): Promise<void>;
  /** Exports one report's table, computed over the list's filters. */
  exportReport(kind: ReportKind, format: ExportFormat): Promise<void>;
  cancelExport(): void;
  dismissExport(): void;
  showExportInFolder(): void;
  handleExportEvent(event: ApiEvent): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createExportSlice(page: PageActions): SliceCreator<ExportSlice> {
  return (set, get, ctx) => {
    const update = (exportId: string, change: Partial<ExportJob>) => {
      const job = get().exportJob;
      if (job !== null && job.exportId === exportId) set({ exportJob: { ...job, ...change } });
    };
    const isCurrent = (exportId: string) => ctx.alive() && get().exportJob?.exportId === exportId;
    const fail = (exportId: string, error: ApiError | string) =>
      update(exportId, { phase: 'failed', cancelling: false, message: typeof error === 'string' ? error : error.message });

    const deliver = async (exportId: string, result: ExportResult) => {
      switch (result.outcome) {
        case 'saved':
          update(exportId, { phase: 'saved', rows: result.rows, fileName: result.fileName, path: result.path, cancelling: false });
          return;
        case 'cancelled':
          // Closing the save dialog is a choice, not news; Cancel pressed mid-way says what happened.
          if (get().exportJob?.cancelling === true) update(exportId, { phase: 'cancelled', cancelling: false });
          else set({ exportJob: null });
          return;
        case 'download': {
          const file = await ctx.api.downloadExport({ exportId });
          if (!isCurrent(exportId)) return;
          if (!file.ok) {
            fail(exportId, file.error);
            return;
          }
          try {
            page.saveDownload(file.value);
          } catch (error) {
            fail(exportId, `the browser did not take the download: ${errorText(error)}`);
            return;
          }
          update(exportId, { phase: 'downloaded', rows: file.value.rows, fileName: file.value.fileName, cancelling: false });
        }
      }
    };

    const run = async (subject: string, format: ExportFormat, call: (exportId: string) => Promise<Envelope<ExportResult>>) => {
      if (get().exportJob?.phase === 'running') return;
      const exportId = newExportId(ctx.now());
      set({
        exportJob: { exportId, subject, format, phase: 'running', rows: 0, total: null, fileName: null, path: null, message: null, cancelling: false },
      });
      const answer = await call(exportId);
      if (!isCurrent(exportId)) return;
      if (!answer.ok) fail(exportId, answer.error);
      else await deliver(exportId, answer.value);
    };

    return {
      exportJob: null,
      exportBom: loadExportBom(ctx.storage),

      setExportBom(bom) {
        saveExportBom(ctx.storage, bom);
        set({ exportBom: bom });
      },

      exportApplications(format) {
        const state = get();
        return run('applications', format, (exportId) =>
          ctx.api.exportApplications(applicationsExportRequest(state, { format, bom: state.exportBom, exportId })),
        );
      },

      exportReport(kind, format) {
        const state = get();
        const filters = toApiFilters(state.filters);
        return run(`the ${REPORT_TITLES[kind]} report`, format, (exportId) =>
          ctx.api.reportExport({ kind, filters, format, bom: format === 'csv' && state.exportBom, exportId }),
        );
      },

      cancelExport() {
        const job = get().exportJob;
        if (job === null || job.phase !== 'running' || job.cancelling) return;
        update(job.exportId, { cancelling: true });
        void ctx.api.cancelExport({ exportId: job.exportId }).then((answer) => {
          if (isCurrent(job.exportId) && !answer.ok) update(job.exportId, { cancelling: false, message: answer.error.message });
        });
      },

      dismissExport() {
        if (get().exportJob?.phase !== 'running') set({ exportJob: null });
      },

      showExportInFolder() {
        const job = get().exportJob;
        if (job === null || job.path === null) return;
        void ctx.api.showInFolder({ path: job.path }).then((answer) => {
          if (isCurrent(job.exportId) && !answer.ok) update(job.exportId, { message: answer.error.message });
        });
      },

      handleExportEvent(event) {
        if (event.type !== 'export.progress') return;
        const job = get().exportJob;
        if (job === null || job.exportId !== event.exportId || job.phase !== 'running') return;
        update(event.exportId, { rows: event.rows, total: event.total });
      },
    };
  };
}
