/** A report's rows as CSV (DESIGN §4): the header names the row fields; text cells neutralised like exports. */
import { stringify } from 'csv-stringify/sync';
import { REPORT_ROW_FIELDS, type Report } from '../../shared/api/reports.js';
import { neutralise } from '../export/columns.js';

export function reportCsv(report: Report): string {
  const fields: readonly string[] = REPORT_ROW_FIELDS[report.report];
  const rows = (report.rows as object[]).map((row) =>
    fields.map((field) => {
      const value = (row as Record<string, unknown>)[field];
      return typeof value === 'string' ? neutralise(value) : (value as number | null);
    }),
  );
  return stringify([[...fields], ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
