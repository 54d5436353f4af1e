/**
 * The columns an export may hold (DESIGN §4): the list's fields plus export-only ones read
 * from the normalised tables, each an SQL expression over the application row `a`.
 */
import { EXPORT_FIELDS, type ExportField } from '../../shared/api/export.js';

export { EXPORT_FIELDS, type ExportField };

export const DEFAULT_EXPORT_COLUMNS: readonly ExportField[] = [
  'id',
  'candidateName',
  'email',
  'phone',
  'jobTitle',
  'stage',
  'status',
  'origin',
  'owner',
  'appliedAt',
  'updatedAt',
];

/** How a column's values are typed: text is neutralised, dates and counts the export types itself are not. */
export type ColumnKind = 'text' | 'date' | 'count';

interface ColumnSpec {
  sql: string;
  kind: ColumnKind;
  /** Width in characters for the spreadsheet. */
  width: number;
}

const joined = (table: string, column: string) =>
  `(SELECT group_concat(${column}, '; ') FROM (SELECT ${column} FROM ${table} WHERE app_pk = a.pk ORDER BY pos))`;

export const EXPORT_COLUMNS: Readonly<Record<ExportField, ColumnSpec>> = {
  id: { sql: 'a.id', kind: 'text', width: 20 },
  candidateId: { sql: 'a.candidate_id', kind: 'text', width: 20 },
  candidateName: { sql: 'a.candidate_name', kind: 'text', width: 26 },
  email: { sql: 'a.email', kind: 'text', width: 30 },
  jobId: { sql: 'a.job_id', kind: 'text', width: 16 },
  jobTitle: { sql: 'a.job_title', kind: 'text', width: 28 },
  stage: { sql: 'a.stage', kind: 'text', width: 18 },
  status: { sql: 'a.status', kind: 'text', width: 12 },
  origin: { sql: 'a.origin', kind: 'text', width: 12 },
  owner: { sql: 'a.owner', kind: 'text', width: 28 },
  appliedAt: { sql: 'a.applied_at', kind: 'date', width: 20 },
  updatedAt: { sql: 'a.updated_at', kind: 'date', width: 20 },
  phone: { sql: '(SELECT phone_number FROM phones WHERE app_pk = a.pk ORDER BY pos LIMIT 1)', kind: 'text', width: 18 },
  emails: { sql: joined('emails', 'email'), kind: 'text', width: 40 },
  phones: { sql: joined('phones', 'phone_number'), kind: 'text', width: 30 },
  links: { sql: joined('links', 'url'), kind: 'text', width: 40 },
  location: { sql: 'a.location', kind: 'text', width: 24 },
  creditedTo: { sql: 'a.credited_to', kind: 'text', width: 28 },
  rejectionReason: { sql: '(SELECT text FROM rejections WHERE app_pk = a.pk)', kind: 'text', width: 30 },
  rejectedAt: { sql: '(SELECT rejected_at FROM rejections WHERE app_pk = a.pk)', kind: 'date', width: 20 },
  interviews: { sql: '(SELECT count(*) FROM interviews WHERE app_pk = a.pk)', kind: 'count', width: 11 },
  // The latest offer is the one created last; offers without a creation time count as older, the last listed first.
  offerStatus: {
    sql: '(SELECT status FROM offers WHERE app_pk = a.pk ORDER BY created_at IS NULL, created_at DESC, pos DESC LIMIT 1)',
    kind: 'text',
    width: 14,
  },
};

export function isExportField(name: string): name is ExportField {
  return (EXPORT_FIELDS as readonly string[]).includes(name);
}

/** The SELECT list for these columns, in order, each selected raw (positional). */
export function columnsSql(columns: readonly ExportField[]): string {
  return columns.map((column, i) => `${EXPORT_COLUMNS[column].sql} AS c${i}`).join(', ');
}

/** OWASP CSV injection: a text a spreadsheet would read as a formula starts with a quote instead. */
export function neutralise(text: string): string {
  // What starts a formula: = + - @ tab CR LF NUL (a switch on the first code unit: this runs for every cell).
  switch (text.charCodeAt(0)) {
    case 0x3d:
    case 0x2b:
    case 0x2d:
    case 0x40:
    case 0x09:
    case 0x0d:
    case 0x0a:
    case 0x00:
      return `'${text}`;
    default:
      return text;
  }
}
