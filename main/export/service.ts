/**
 * Exports what the list shows: the same filters, search, sort and deleted setting, every
 * row, streamed from SQLite to a CSV or XLSX file as it is read (100k rows never sit in
 * memory) and saved atomically. One service for the CLI and the API.
 *
 * While an export runs its statement keeps the connection busy, so a caller that queries
 * meanwhile (the app) gives the service a connection of its own; WAL keeps the read a
 * consistent snapshot.
 */
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ApplicationFilters, SortField } from '../../shared/api/applications.js';
import type { ExportFormat } from '../../shared/api/export.js';
import { BrowseQueries } from '../db/queries/browse.js';
import type { Db } from '../db/open.js';
import { writeAtomically, throwIfCancelled } from './atomic-file.js';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, columnsSql, neutralise, type ColumnKind, type ExportField } from './columns.js';


export interface ExportRequest extends ApplicationFilters {
  sort?: SortField;
  order?: 'asc' | 'desc';
  /** In the order given; default DEFAULT_EXPORT_COLUMNS. */
  columns?: readonly ExportField[];
  format: ExportFormat;
  /** CSV only: a UTF-8 byte order mark, for Excel on Windows. */
  bom?: boolean;
}

export interface ExportOptions {
  signal?: AbortSignal;
  /** Rows written so far and how many there are in all, after every batch. */
  onProgress?: (written: number, total: number) => void;
}

export interface ExportWritten {
  rows: number;
  out: string;
  format: ExportFormat;
}

/** Rows per CSV chunk (csv-stringify is fastest at about this size) and between progress reports. */
const BATCH = 1000;
/** RFC 4180 with CRLF; a lone CR or LF inside a cell must be quoted too, not only the CRLF that ends a record. */
const CSV_OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true } as const;
/** Excel refuses cells longer than this. */
const XLSX_MAX_TEXT = 32767;
/** Characters XML 1.0 cannot hold (an XLSX is XML): controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

type RawValue = string | number | null;

export class ExportService {
  constructor(private readonly db: Db) {}

  async export(out: string, request: ExportRequest, options: ExportOptions = {}): Promise<ExportWritten> {
    const columns = request.columns ?? DEFAULT_EXPORT_COLUMNS;
    if (columns.length === 0) throw new Error('an export needs at least one column');
    const { columns: _columns, format, bom, ...query } = request;
    const browse = new BrowseQueries(this.db);
    const total = browse.list({ ...query, limit: 1 }).total;
    const { sql, params } = browse.inListOrder(query, columnsSql(columns));
    const statement = this.db.prepare<unknown[]>(sql).raw();
    throwIfCancelled(options.signal, out);
    const rows = () => statement.iterate(...params) as IterableIterator<RawValue[]>;
    const kinds = columns.map((column) => EXPORT_COLUMNS[column].kind);
    const written = await writeAtomically(
      out,
      (stream) =>
        format === 'csv'
          ? writeCsv(stream, columns, kinds, rows(), bom === true, total, out, options)
          : writeXlsx(stream, columns, kinds, rows(), total, out, options),
      options.signal,
    );
    return { rows: written, out, format };
  }
}

/**
 * Writes to `stream` without waiting for each chunk to reach the file before making the next: a chunk is
 * handed over, the next one is made meanwhile, and only then does the writer wait, if it must, for the
 * one before to drain. At most one chunk waits in memory beside the stream's own buffer.
 */
function overlappedWriter(stream: WriteStream): { write(chunk: string): Promise<void>; settle(): Promise<void> } {
  let draining: Promise<void> | null = null;
  const settle = async () => {
    const pending = draining;
    draining = null;
    if (pending !== null) await pending;
  };
  return {
    async write(chunk) {
      await settle();
      if (stream.write(chunk)) return;
      const drained = once(stream, 'drain').then(() => undefined);
      // Awaited by the next write or settle(); a stream error meanwhile must not go unhandled until then.
      drained.catch(() => undefined);
      draining = drained;
    },
    settle,
  };
}

async function writeCsv(
  stream: WriteStream,
  columns: readonly ExportField[],
  kinds: ColumnKind[],
  rows: IterableIterator<RawValue[]>,
  bom: boolean,
  total: number,
  out: string,
  options: ExportOptions,
): Promise<number> {
  const csv = (records: RawValue[][]) => stringify(records, CSV_OPTIONS);
  // Text cells are neutralised; dates and counts are the export's own and left as they are.
  const textColumns = kinds.flatMap((kind, i) => (kind === 'text' ? [i] : []));
  const writer = overlappedWriter(stream);
  await writer.write((bom ? '\ufeff' : '') + csv([[...columns]]));
  let written = 0;
  const batch: RawValue[][] = [];
  const flush = async () => {
    const chunk = csv(batch);
    written += batch.length;
    batch.length = 0;
    await writer.write(chunk);
    options.onProgress?.(written, total);
    throwIfCancelled(options.signal, out);
  };
  try {
    for (const row of rows) {
      for (const i of textColumns) {
        const value = row[i];
        if (typeof value === 'string') row[i] = neutralise(value);
      }
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0 || written === 0) await flush();
    await writer.settle();
  } finally {
    rows.return?.();
  }
  return written;
}

function xlsxCell(value: RawValue, kind: ColumnKind): string | number | Date | null {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  if (kind === 'count') return Number(value);
  // XML reads any line end in text as LF (Excel's own line break in a cell), so write it so.
  const text = neutralise(String(value)).replace(NOT_XML, '\ufffd').replace(/\r\n?/g, '\n');
  return text.length > XLSX_MAX_TEXT ? `${text.slice(0, XLSX_MAX_TEXT - 1)}…` : text;
}

function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

async function writeXlsx(
  stream: WriteStream,
  columns: readonly ExportField[],
  kinds: ColumnKind[],
  rows: IterableIterator<RawValue[]>,
  total: number,
  out: string,
  options: ExportOptions,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Applications', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, i) => ({
    header: column,
    key: column,
    width: EXPORT_COLUMNS[column].width,
    style: kinds[i] === 'date' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }));
  sheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let written = 0;
  try {
    for (const row of rows) {
      sheet.addRow(row.map((value, i) => xlsxCell(value, kinds[i]!))).commit();
      written++;
      if (written % BATCH === 0) {
        options.onProgress?.(written, total);
        // Let the zip stream hand what it holds to the file before reading on.
        await new Promise((resolve) => setImmediate(resolve));
        if (stream.writableNeedDrain) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
        throwIfCancelled(options.signal, out);
      }
    }
  } finally {
    rows.return?.();
  }
  sheet.commit();
  await workbook.commit();
  options.onProgress?.(written, total);
  return written;
}
