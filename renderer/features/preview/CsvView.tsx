/** A CSV attachment as a table (csv-parse's browser build, loaded with the first CSV), with "Find in document". */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AttachmentFile } from '../../../shared/api/attachments';
import { formatCount } from '../../ui/format';
import { csvTable, findInTable, MAX_CSV_COLUMNS, MAX_CSV_ROWS, type CellHits, type CsvParse, type CsvTable } from './csv-table';
import { MAX_HITS, splitByHits } from './find';
import { decodeText } from './text-content';
import { revealHit, type FindProps, type ZoomProps } from './view-props';

type Loaded = { table: CsvTable; truncated: boolean } | { error: string };

export function CsvView({ file, find, activeHit, onHits, scale, title }: { file: AttachmentFile; title: string } & FindProps & Pick<ZoomProps, 'scale'>) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    void import('csv-parse/browser/esm/sync').then(({ parse }) => {
      if (cancelled) return;
      const decoded = decodeText(file.bytes, file.mediaType);
      try {
        setLoaded({ table: csvTable(decoded.text, parse as CsvParse), truncated: decoded.truncated });
      } catch (error) {
        setLoaded({ error: error instanceof Error ? error.message : String(error) });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [file]);

  const table = loaded !== null && 'table' in loaded ? loaded.table : null;
  const found = useMemo(() => (table === null ? { cells: [], count: 0 } : findInTable(table, find, MAX_HITS)), [table, find]);
  const byCell = useMemo(() => new Map<string, CellHits>(found.cells.map((cell) => [`${cell.row}:${cell.column}`, cell])), [found]);

  useEffect(() => onHits({ count: found.count, capped: found.count >= MAX_HITS, searching: false }), [found, onHits]);
  useEffect(() => revealHit(ref.current, activeHit), [activeHit, byCell]);

  if (loaded === null) return <p className="preview-loading">Opening…</p>;
  if ('error' in loaded) return <p className="preview-message">This CSV could not be read as a table ({loaded.error}). Save it to open it in a spreadsheet.</p>;
  const { table: shown } = loaded;
  const cell = (row: number, column: number, text: string) => {
    const hits = byCell.get(`${row}:${column}`);
    if (hits === undefined) return text;
    return splitByHits(text, hits.hits, hits.first).map((run, i) =>
      run.hit < 0 ? (
        run.text
      ) : (
        <mark key={i} data-hit={run.hit}>
          {run.text}
        </mark>
      ),
    );
  };
  const notes: string[] = [];
  if (shown.moreRows || loaded.truncated) notes.push(`Showing the first ${formatCount(shown.rows.length)} rows (at most ${formatCount(MAX_CSV_ROWS)}): Save the file to see all of them.`);
  if (shown.moreColumns) notes.push(`Showing the first ${MAX_CSV_COLUMNS} columns.`);
  return (
    <div ref={ref} className="preview-scroll">
      {notes.map((note) => (
        <p key={note} className="preview-note">
          {note}
        </p>
      ))}
      <table className="preview-table" aria-label={title} style={{ fontSize: `${13 * scale}px` }}>
        <thead>
          <tr>
            {shown.header.map((text, column) => (
              <th key={column} scope="col">
                {cell(-1, column, text)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((row, r) => (
            <tr key={r}>
              {row.map((text, column) => (
                <td key={column}>{cell(r, column, text)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
