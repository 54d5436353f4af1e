/**
 * Exports the window asks for: what the list shows, or one report's table. The desktop
 * asks where to save through its native dialog and writes there (via a temporary file);
 * the web face, which has no dialog, writes to a private temporary folder and hands the
 * file over once through `downloadExport`. Progress is pushed as `export.*` events; a
 * cancelled or failed export leaves no file behind.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  defaultExportName,
  EXPORT_MEDIA_TYPES,
  type ExportEvent,
  type ExportFile,
  type ExportFormat,
  type ExportResult,
} from '../../../shared/api/export.js';
import { REPORT_ROW_FIELDS, type Report } from '../../../shared/api/reports.js';
import { openDatabase, type Db } from '../../db/open.js';
import { WriteCancelled, writeAtomically, writeChunk } from '../../export/atomic-file.js';
import { neutralise } from '../../export/columns.js';
import { ExportService } from '../../export/service.js';
import { reportCsv } from '../../reports/csv.js';
import type { ReportService } from '../../reports/service.js';
import { ApiFailure } from '../errors.js';
import type { HostServices } from '../host.js';
import type { HandlerMap } from './types.js';

export interface ExportHandlerOptions {
  db: Db;
  reports: ReportService;
  host: HostServices | null;
  emit(event: ExportEvent): void;
  /**
   * A connection of the export's own: its statement stays open between batches, which would
   * make every other query on the app's connection fail as busy. Default: the same file
   * opened read-only (under plain Node; the desktop passes one for Electron's build).
   */
  openReader?: () => Db;
  now?: () => Date;
}

/** Finished web-face exports kept for their download; beyond this the oldest is dropped. */
export const MAX_WAITING_DOWNLOADS = 8;

/** What XML 1.0 (an XLSX) cannot hold: controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { csv: 'CSV', xlsx: 'Excel workbook' };

type Progress = (rows: number, total: number) => void;
/** Writes the file at `path` (atomically), answering the rows written. */
type Writer = (path: string, signal: AbortSignal, progress: Progress) => Promise<number>;

interface WaitingDownload {
  path: string;
  fileName: string;
  format: ExportFormat;
  rows: number;
}

export type ExportHandlers = HandlerMap<'exportApplications' | 'reportExport' | 'cancelExport' | 'downloadExport' | 'showInFolder'>;

export function exportHandlers(options: ExportHandlerOptions): { handlers: ExportHandlers; close(): void } {
  const { db, host, emit } = options;
  const now = options.now ?? (() => new Date());
  const openReader =
    options.openReader ??
    (() => {
      // An in-memory database has no file a second connection could read.
      if (db.memory) throw new ApiFailure('unavailable', 'an in-memory database cannot be exported while the app uses it');
      return openDatabase(db.name, { readonly: true });
    });
  const running = new Map<string, AbortController>();
  const waiting = new Map<string, WaitingDownload>();
  /** Files this session wrote: the only ones "Show in folder" opens. */
  const saved = new Set<string>();
  let downloadsDir: string | null = null;

  const claimId = (asked: string | undefined): string => {
    const exportId = asked ?? randomBytes(9).toString('base64url');
    if (running.has(exportId) || waiting.has(exportId)) throw new ApiFailure('conflict', `an export ${exportId} is already under way`);
    return exportId;
  };

  const dropDownload = (exportId: string) => {
    const entry = waiting.get(exportId);
    if (entry === undefined) return;
    waiting.delete(exportId);
    rmSync(entry.path, { force: true });
  };

  const run = async (asked: string | undefined, fileName: string, format: ExportFormat, write: Writer): Promise<ExportResult> => {
    const exportId = claimId(asked);
    // Claimed before the dialog opens, so the same id cannot start twice meanwhile.
    const controller = new AbortController();
    running.set(exportId, controller);
    try {
      let path: string;
      if (host !== null) {
        const chosen = await host.chooseSavePath({ defaultName: fileName, filters: [{ name: FORMAT_NAMES[format], extensions: [format] }] });
        if (chosen === null || controller.signal.aborted) return { exportId, outcome: 'cancelled', path: null, rows: 0, fileName };
        path = chosen;
      } else {
        downloadsDir ??= mkdtempSync(join(tmpdir(), 'candidate-viewer-exports-'));
        path = join(downloadsDir, `${exportId}.${format}`);
      }
      let rows: number;
      try {
        rows = await write(path, controller.signal, (written, total) => emit({ type: 'export.progress', exportId, rows: written, total }));
      } catch (error) {
        if (error instanceof WriteCancelled) return { exportId, outcome: 'cancelled', path: null, rows: 0, fileName: basename(path) };
        const message = error instanceof Error ? error.message : String(error);
        emit({ type: 'export.failed', exportId, message });
        throw error instanceof ApiFailure ? error : new ApiFailure('failed', message);
      }
      if (host !== null) {
        saved.add(path);
        emit({ type: 'export.finished', exportId, path, rows });
        return { exportId, outcome: 'saved', path, rows, fileName: basename(path) };
      }
      waiting.set(exportId, { path, fileName, format, rows });
      for (const oldest of waiting.keys()) {
        if (waiting.size <= MAX_WAITING_DOWNLOADS) break;
        dropDownload(oldest);
      }
      emit({ type: 'export.finished', exportId, path: null, rows });
      return { exportId, outcome: 'download', path: null, rows, fileName };
    } finally {
      running.delete(exportId);
    }
  };

  const handlers: ExportHandlers = {
    exportApplications: ({ query = {}, columns, format, bom, exportId }) => {
      const { sort: _sort, order: _order, ...filters } = query;
      return run(exportId, defaultExportName('applications', filters, format, now()), format, async (path, signal, progress) => {
        const reader = openReader();
        try {
          const written = await new ExportService(reader).export(path, { ...query, columns, format, bom }, { signal, onProgress: progress });
          return written.rows;
        } finally {
          reader.close();
        }
      });
    },

    reportExport: ({ kind, filters = {}, format, bom, exportId }) => {
      const report = options.reports.report(kind, filters);
      const fileName = defaultExportName(`${kind}-report`, filters, format, now());
      return run(exportId, fileName, format, async (path, signal, progress) => {
        const bytes = format === 'csv' ? Buffer.from(`${bom === true ? '\ufeff' : ''}${reportCsv(report)}`, 'utf8') : await reportXlsx(report);
        await writeAtomically(path, (stream) => writeChunk(stream, bytes), signal);
        progress(report.rows.length, report.rows.length);
        return report.rows.length;
      });
    },

    cancelExport: ({ exportId }) => {
      const controller = running.get(exportId);
      if (controller === undefined) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    downloadExport: ({ exportId }): ExportFile => {
      const entry = waiting.get(exportId);
      if (entry === undefined) {
        if (running.has(exportId)) throw new ApiFailure('conflict', `export ${exportId} is still being written`);
        throw new ApiFailure('not-found', `no export ${exportId} is waiting to be downloaded (each export downloads once)`);
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(entry.path);
      } finally {
        dropDownload(exportId);
      }
      return { fileName: entry.fileName, mediaType: EXPORT_MEDIA_TYPES[entry.format], size: bytes.length, rows: entry.rows, bytes };
    },

    showInFolder: ({ path }) => {
      if (host?.showInFolder === undefined) throw new ApiFailure('unavailable', 'only the desktop app can show a file in its folder');
      if (!saved.has(path)) throw new ApiFailure('invalid-request', 'only files exported in this session can be shown in their folder');
      if (!existsSync(path)) throw new ApiFailure('not-found', `${path} is no longer there`);
      host.showInFolder(path);
      return { shown: true };
    },
  };

  return {
    handlers,
    close() {
      for (const controller of running.values()) controller.abort();
      for (const exportId of [...waiting.keys()]) dropDownload(exportId);
      if (downloadsDir !== null) rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/** A report's table as a one-sheet workbook: the header frozen and filterable, numbers as numbers, no formula. */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const fields: readonly string[] = REPORT_ROW_FIELDS[report.report];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(report.report, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cells = (report.rows as object[]).map((row) =>
    fields.map((field) => {
      const value = (row as Record<string, unknown>)[field];
      return typeof value === 'string' ? neutralise(value).replace(NOT_XML, '\ufffd') : (value as number | null);
    }),
  );
  sheet.columns = fields.map((field, i) => {
    const widest = cells.reduce((width, row) => Math.max(width, String(row[i] ?? '').length), field.length);
    return { header: field, key: field, width: Math.min(50, Math.max(10, widest + 2)) };
  });
  for (const row of cells) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fields.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
