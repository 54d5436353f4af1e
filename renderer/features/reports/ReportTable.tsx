/** A report's figures as a table named "<Kind> report": every row, candidate text as text, totals at the foot. */
import type { ReactNode } from 'react';

export interface ReportColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export function ReportTable<Row>({
  name,
  columns,
  rows,
  rowKey,
  total,
}: {
  name: string;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** The totals row: a label, then a cell per column after the first. */
  total?: { label: string; cells: readonly ReactNode[] };
}) {
  return (
    <div className="report-table-wrap">
      <table className="report-table" aria-label={name}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric === true ? 'is-numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column, i) =>
                i === 0 ? (
                  <th key={column.label} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.label} className={column.numeric === true ? 'is-numeric' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {total !== undefined && (
          <tfoot>
            <tr>
              <th scope="row">{total.label}</th>
              {total.cells.map((cell, i) => (
                <td key={columns[i + 1]?.label ?? i} className={columns[i + 1]?.numeric === true ? 'is-numeric' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
