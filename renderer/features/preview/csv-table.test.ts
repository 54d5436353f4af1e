import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';
import { csvTable, detectDelimiter, findInTable, type CsvParse } from './csv-table';

const csv = parse as CsvParse;

describe('the CSV table', () => {
  it('takes the first record as the header and keeps quoted commas, quotes and line breaks in their cell', () => {
    const table = csvTable('name,notes\r\n"Doe, Jane","said ""yes""\nthen left"\r\nLee,ok\r\n', csv);
    expect(table.header).toEqual(['name', 'notes']);
    expect(table.rows).toEqual([
      ['Doe, Jane', 'said "yes"\nthen left'],
      ['Lee', 'ok'],
    ]);
    expect(table.moreRows).toBe(false);
  });

  it('tells semicolons and tabs from commas by how evenly they split the first lines', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n', csv)).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n', csv)).toBe('\t');
    expect(detectDelimiter('just one column\nof text\n', csv)).toBe(',');
    expect(csvTable('Name;Score\nAna;3,5\n', csv).rows).toEqual([['Ana', '3,5']]);
  });

  it('pads short rows, widens the table for long ones, and drops the UTF-8 BOM', () => {
    const table = csvTable('\uFEFFa,b\n1\n1,2,3\n', csv);
    expect(table.header).toEqual(['a', 'b', '']);
    expect(table.rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
  });

  it('keeps the first rows and columns only, and says there are more', () => {
    const text = ['h1,h2,h3', ...Array.from({ length: 50 }, (_, i) => `${i},x,y`)].join('\n');
    const table = csvTable(text, csv, 10, 2);
    expect(table.rows).toHaveLength(10);
    expect(table.rows[9]).toEqual(['9', 'x']);
    expect(table.moreRows).toBe(true);
    expect(table.moreColumns).toBe(true);
    expect(csvTable('a,b\n1,2\n', csv, 1).moreRows).toBe(false);
  });

  it('finds in the header and the cells, numbering hits row by row', () => {
    const table = csvTable('Skill,Level\nKubernetes,senior\nGo,kubernetes too\n', csv);
    const found = findInTable(table, 'kubernetes', 100);
    expect(found.count).toBe(2);
    expect(found.cells.map((cell) => [cell.row, cell.column, cell.first])).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect(findInTable(table, 'skill', 100).cells[0]).toMatchObject({ row: -1, column: 0 });
    expect(findInTable(table, 'kubernetes', 1).count).toBe(1);
  });
});
