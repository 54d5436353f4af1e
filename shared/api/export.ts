/**
 * Exporting what the view shows (DESIGN §4 `export`) and report tables, as the page and
 * main share it: the column names, the answer, the progress events and the default file
 * name. Plain constants and types (no zod), so the page can use them at run time.
 */
import type { ApplicationFilters } from './applications.js';
import { LIST_FIELDS } from './fields.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Beyond the list's fields: contacts flattened, and what the detail pane shows. */
export const EXPORT_ONLY_FIELDS = [
  'phone',
  'emails',
  'phones',
  'links',
  'location',
  'creditedTo',
  'rejectionReason',
  'rejectedAt',
  'interviews',
  'offerStatus',
] as const;
export const EXPORT_FIELDS = [...LIST_FIELDS, ...EXPORT_ONLY_FIELDS] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

/** How an export ended up, as the call answers it. */
export type ExportOutcome =
  /** Written under `path` (desktop: the save dialog's choice). */
  | 'saved'
  /** The user closed the save dialog, or cancelled while it was being written. */
  | 'cancelled'
  /** The web face: the file waits in main for `downloadExport`, exactly once. */
  | 'download';

/**
 * The answer of `exportApplications` and `reportExport`. It comes once the file is
 * complete (or the export was cancelled); `export.progress` events come meanwhile.
 */
export interface ExportResult {
  exportId: string;
  outcome: ExportOutcome;
  /** Where the file was saved; null unless `saved`. */
  path: string | null;
  /** Data rows written (the header not counted); 0 when cancelled. */
  rows: number;
  /** The file's name: the default one, or the one chosen in the dialog. */
  fileName: string;
}

/** An export's file, handed to the web face's page as a download. */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  size: number;
  rows: number;
  bytes: Uint8Array;
}

/** Pushed while an export runs (rows written so far of `total`). */
export type ExportEvent =
  | { type: 'export.progress'; exportId: string; rows: number; total: number }
  | { type: 'export.finished'; exportId: string; path: string | null; rows: number }
  | { type: 'export.failed'; exportId: string; message: string };

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const MAX_FILTER_PART = 48;

/** Lower-case ASCII words joined by `-`: safe in a file name on every OS, readable in a folder. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The filters in a few words for a file name: `active`, `active-hired-referral`, `all`. */
export function filterSlug(filters: ApplicationFilters): string {
  const parts: string[] = [];
  for (const field of ['status', 'stage', 'origin', 'job', 'owner'] as const) {
    for (const value of filters[field] ?? []) parts.push(value === null ? `no-${field}` : slug(value));
  }
  const q = filters.q?.trim() ?? '';
  if (q !== '') parts.push(`search-${slug(q)}`);
  if (filters.appliedFrom !== undefined) parts.push(`from-${slug(filters.appliedFrom.slice(0, 10))}`);
  if (filters.appliedTo !== undefined) parts.push(`to-${slug(filters.appliedTo.slice(0, 10))}`);
  let text = parts.map((part) => part.replace(/^-+|-+$/g, '')).filter((part) => part !== '').join('-');
  if (text.length > MAX_FILTER_PART) {
    // One character more: a dash right after the limit ends a whole word.
    const dash = text.slice(0, MAX_FILTER_PART + 1).lastIndexOf('-');
    text = dash > MAX_FILTER_PART / 2 ? text.slice(0, dash) : text.slice(0, MAX_FILTER_PART);
  }
  // A search in a script without ASCII letters leaves no word: the name still says it is a subset.
  if (text === '') text = parts.length > 0 ? 'filtered' : 'all';
  return filters.includeDeleted === true ? `${text}-with-deleted` : text;
}

/** The local calendar day of a time, `YYYY-MM-DD`. */
export function localDay(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/**
 * What the save dialog (or the download) proposes:
 * `applications-active-2026-12-03.csv`, `pipeline-report-all-2026-12-03.xlsx`.
 */
export function defaultExportName(what: string, filters: ApplicationFilters, extension: ExportFormat | 'pdf', now: Date): string {
  return `${slug(what)}-${filterSlug(filters)}-${localDay(now)}.${extension}`;
}
