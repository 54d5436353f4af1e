/** What the commands print: one JSON document with --json, else text for a person. */
import type { ApplicationListItem, SearchMatch } from '../../shared/api/applications.js';
import type { IngestResult } from '../sync/types.js';

export function writeJson(value: unknown, pretty = false): void {
  process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

export function printIngestResult(result: IngestResult): void {
  const parts = [`${result.applied} applied`, `${result.duplicates} duplicates`, `${result.stale} stale`, `${result.deleted} deleted`, `${result.rejected} rejected`];
  if (result.suppressed > 0) parts.push(`${result.suppressed} suppressed (erased candidates)`);
  process.stdout.write(`Read ${result.received} events: ${parts.join(', ')}.\n`);
  for (const error of result.errors.slice(0, 50)) process.stderr.write(`  ${error.source}: ${error.message}\n`);
  if (result.errors.length > 50) process.stderr.write(`  … and ${result.errors.length - 50} more (use --json for all)\n`);
}

const COLUMNS: ReadonlyArray<[keyof ApplicationListItem, string, number]> = [
  ['candidateName', 'Candidate', 26],
  ['jobTitle', 'Job', 28],
  ['stage', 'Stage', 20],
  ['status', 'Status', 10],
  ['updatedAt', 'Updated', 10],
  ['id', 'Id', 20],
];

function cell(value: string | null | undefined, width: number): string {
  const text = (value ?? '—').replace(/[\u0000-\u001f\u007f]/g, ' ');
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

const MATCHED_IN: Readonly<Record<SearchMatch['field'], string>> = {
  attachment: 'an attachment',
  attachmentName: 'an attachment name',
  interviews: 'an interview',
  rejection: 'the rejection',
  people: 'the people on it',
};

/** Where a hit outside the columns was: "in CV.pdf: … skills Kubernetes …". */
function matchText(match: SearchMatch): string {
  if (match.attachment !== undefined && match.snippet !== undefined) return `in ${match.attachment.name ?? `attachment ${match.attachment.n}`}: ${match.snippet}`;
  return `matched in ${MATCHED_IN[match.field]}`;
}

export function printList(items: ApplicationListItem[], total: number, offset: number): void {
  process.stdout.write(`${COLUMNS.map(([, title, width]) => cell(title, width)).join('  ')}\n`);
  for (const item of items) {
    const values = COLUMNS.map(([key, , width]) => {
      const value = (item[key] as string | null | undefined) ?? null;
      return cell(key === 'updatedAt' && value !== null ? value.slice(0, 10) : value, width);
    });
    process.stdout.write(`${values.join('  ').trimEnd()}${item.deletedAt ? '  (deleted)' : ''}\n`);
    if (item.match) process.stdout.write(`    ${cell(matchText(item.match), 110).trimEnd()}\n`);
  }
  const shown = items.length === 0 ? 'none' : `${offset + 1}-${offset + items.length}`;
  process.stdout.write(`${shown} of ${total} applications\n`);
}
