/**
 * A CSV attachment as a table: the first record is the header, short rows are padded and
 * long ones widen the table, and only the first MAX_CSV_ROWS rows are kept (the rest is
 * counted as "more" and reachable through Save). Parsing is csv-parse's, passed in so this
 * module stays free of it until a CSV preview needs it.
 */
import { findTermHits, type Hit } from './find';
import { searchTerms } from '../search/highlight';

export const MAX_CSV_ROWS = 1000;
export const MAX_CSV_COLUMNS = 100;
/** The delimiters sniffing accepts (comma, semicolon as Excel writes in much of Europe, tab). */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The subset of csv-parse's sync `parse` we call. */
export type CsvParse = (
  input: string,
  options: { delimiter: string; to: number; relax_column_count: true; relax_quotes: true; skip_empty_lines: true; bom: true },
) => string[][];

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  rows: string[][];
  columnCount: number;
  /** More rows (or columns) exist than are shown. */
  moreRows: boolean;
  moreColumns: boolean;
}

function parseWith(parse: CsvParse, text: string, delimiter: string, to: number): string[][] {
  return parse(text, { delimiter, to, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
}

/**
 * The delimiter that splits the first lines into the same number of columns (two or more),
 * preferring the most columns; comma when none does.
 */
export function detectDelimiter(text: string, parse: CsvParse, sampleRows = 20): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; columns: number } = { delimiter: ',', columns: 1 };
  for (const delimiter of CSV_DELIMITERS) {
    let records: string[][];
    try {
      records = parseWith(parse, text, delimiter, sampleRows);
    } catch {
      continue;
    }
    const widths = new Set(records.map((record) => record.length));
    const columns = records[0]?.length ?? 0;
    if (widths.size === 1 && columns > best.columns) best = { delimiter, columns };
  }
  return best.delimiter;
}

export function csvTable(text: string, parse: CsvParse, maxRows = MAX_CSV_ROWS, maxColumns = MAX_CSV_COLUMNS): CsvTable {
  const delimiter = detectDelimiter(text, parse);
  // One record more than shown tells whether there are more, without parsing the rest.
  const records = parseWith(parse, text, delimiter, maxRows + 2);
  const widest = records.reduce((max, record) => Math.max(max, record.length), 0);
  const columnCount = Math.min(widest, maxColumns);
  const fit = (record: readonly string[]) => Array.from({ length: columnCount }, (_, i) => record[i] ?? '');
  const [header = [], ...body] = records;
  return {
    delimiter,
    header: fit(header),
    rows: body.slice(0, maxRows).map(fit),
    columnCount,
    moreRows: body.length > maxRows,
    moreColumns: widest > maxColumns,
  };
}

export interface CellHits {
  /** -1 for the header row. */
  row: number;
  column: number;
  hits: Hit[];
  /** The number of the cell's first hit in the whole table. */
  first: number;
}

/** Every hit in the table, header first, then row by row, left to right. */
export function findInTable(table: CsvTable, query: string, limit: number): { cells: CellHits[]; count: number } {
  const terms = searchTerms(query);
  const cells: CellHits[] = [];
  let count = 0;
  if (terms.length === 0) return { cells, count };
  const rows = [table.header, ...table.rows];
  for (let r = 0; r < rows.length && count < limit; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length && count < limit; c++) {
      const hits = findTermHits(row[c]!, terms, limit - count);
      if (hits.length === 0) continue;
      cells.push({ row: r - 1, column: c, hits, first: count });
      count += hits.length;
    }
  }
  return { cells, count };
}
