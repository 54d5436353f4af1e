/**
 * An export asks for exactly what the view shows: the list's filters, search, sort and
 * deleted setting, and the visible columns in their order (each as the fields its cell
 * shows), led by the application id so a spreadsheet row can be found again.
 */
import type { ApiRequest } from '../../../shared/api/contract';
import type { ExportField, ExportFormat } from '../../../shared/api/export';
import type { SortField } from '../../../shared/api/fields';
import type { KeyValueStorage } from '../../app/store-context';
import { visibleColumns, type ColumnId } from '../applications/columns';
import { toListQuery, type SortOrder, type ViewFilters } from '../filters/view';

/** The export fields each list column shows: the candidate cell shows the name and the email. */
export const COLUMN_EXPORT_FIELDS: Readonly<Record<ColumnId, readonly ExportField[]>> = {
  candidate: ['candidateName', 'email'],
  job: ['jobTitle'],
  stage: ['stage'],
  status: ['status'],
  origin: ['origin'],
  owner: ['owner'],
  applied: ['appliedAt'],
  updated: ['updatedAt'],
};

export function exportColumns(hidden: readonly ColumnId[]): ExportField[] {
  const fields: ExportField[] = ['id'];
  for (const column of visibleColumns(hidden)) {
    for (const field of COLUMN_EXPORT_FIELDS[column.id]) if (!fields.includes(field)) fields.push(field);
  }
  return fields;
}

export interface ListView {
  filters: ViewFilters;
  sort: SortField | null;
  order: SortOrder | null;
  hiddenColumns: readonly ColumnId[];
}

export function applicationsExportRequest(
  view: ListView,
  options: { format: ExportFormat; bom: boolean; exportId: string },
): ApiRequest<'exportApplications'> {
  return {
    query: toListQuery(view.filters, view.sort, view.order),
    columns: exportColumns(view.hiddenColumns),
    format: options.format,
    // A BOM only means something to a CSV reader.
    bom: options.format === 'csv' && options.bom,
    exportId: options.exportId,
  };
}

/** Unique enough within one window's life; the contract takes letters, digits and `-`. */
export function newExportId(now: number, random: () => number = Math.random): string {
  return `x${now.toString(36)}-${Math.floor(random() * 36 ** 8).toString(36)}`;
}

export const EXPORT_BOM_KEY = 'candidate-viewer.export-bom';

export function loadExportBom(storage: KeyValueStorage | null): boolean {
  try {
    return storage?.getItem(EXPORT_BOM_KEY) === 'true';
  } catch {
    return false;
  }
}

export function saveExportBom(storage: KeyValueStorage | null, bom: boolean): void {
  try {
    storage?.setItem(EXPORT_BOM_KEY, String(bom));
  } catch {
    // A full or disabled storage only costs the preference.
  }
}
