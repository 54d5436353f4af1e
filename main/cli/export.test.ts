import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../testing/cli.js';
import { applicationEvent, jobEvent } from '../testing/events.js';
import { tempDir, type TempDir } from '../testing/temp.js';

let dir: TempDir;
let db: string;

beforeAll(() => {
  dir = tempDir();
  db = dir.file('cv.sqlite');
  const events = [
    jobEvent('job_1', 'Backend Engineer', ['Screen', 'Onsite']),
    applicationEvent({ id: 'a1', first: 'Zoë', last: 'Müller, "Z"', stage: 'Screen', updatedAt: '2026-02-05T00:00:00Z', rejection: 'Line one\nline two' }),
    applicationEvent({ id: 'a2', first: '=HYPERLINK("http://evil.example")', last: 'X', status: 'REJECTED', updatedAt: '2026-02-04T00:00:00Z' }),
    applicationEvent({ id: 'a3', first: '李', last: '雷', status: 'HIRED', origin: 'REFERRAL', updatedAt: '2026-02-03T00:00:00Z', phone: '+44 20 7946 0000' }),
  ];
  const file = dir.file('events.ndjson');
  writeFileSync(file, events.map((event) => JSON.stringify(event)).join('\n'));
  expect(cli(['sync', file, '--db', db, '--json']).json()).toMatchObject({ applied: 4, rejected: 0 });
});
afterAll(() => dir.remove());

const LIST_COLUMNS = ['id', 'candidateId', 'candidateName', 'email', 'jobId', 'jobTitle', 'stage', 'status', 'origin', 'owner', 'appliedAt', 'updatedAt'];
const strictCsv = (file: string) => parse(readFileSync(file), { bom: true, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];

describe('export', () => {
  it('saves exactly what list --json gives for the same filters and order', () => {
    const filters = ['--status', 'active,rejected', '--sort', 'candidateName', '--order', 'asc'];
    const out = dir.file('apps.csv');
    const exported = cli(['export', '--out', out, ...filters, '--columns', LIST_COLUMNS.join(','), '--db', db, '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.json()).toEqual({ rows: 2, out, format: 'csv' });
    const listed = cli(['list', ...filters, '--db', db, '--json']).json<{ items: Record<string, string | null>[] }>().items;
    const [header, ...rows] = strictCsv(out);
    expect(header).toEqual(LIST_COLUMNS);
    expect(rows.map((row) => row[0])).toEqual(listed.map((item) => item.id));
    expect(rows).toEqual(
      listed.map((item) => LIST_COLUMNS.map((column) => {
        const value = item[column] ?? '';
        return value.startsWith('=') ? `'${value}` : value;
      })),
    );
    expect(rows[0]![2]).toBe(`'=HYPERLINK("http://evil.example") X`);
    expect(rows[1]![2]).toBe('Zoë Müller, "Z"');
  });

  it('starts the default columns with id, takes the format from the extension, and writes a BOM only with --bom', async () => {
    const csv = dir.file('default.csv');
    expect(cli(['export', '--out', csv, '--db', db]).stdout).toBe(`Saved 3 applications to ${csv}\n`);
    expect(strictCsv(csv)[0]![0]).toBe('id');
    expect(readFileSync(csv)[0]).toBe('i'.charCodeAt(0));
    const withBom = dir.file('bom.csv');
    cli(['export', '--out', withBom, '--bom', '--db', db]);
    expect([...readFileSync(withBom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = dir.file('apps.xlsx');
    expect(cli(['export', '--out', xlsx, '--columns', 'id,appliedAt,interviews', '--db', db, '--json']).json()).toEqual({ rows: 3, out: xlsx, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, 'a1', new Date('2026-01-10T09:00:00.000Z'), 0]);
    const forced = dir.file('forced.data');
    expect(cli(['export', '--out', forced, '--format', 'xlsx', '--db', db, '--json']).json()).toMatchObject({ format: 'xlsx' });
    expect(readFileSync(forced).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses to replace a file without --force, and replaces it with', () => {
    const out = dir.file('exists.csv');
    writeFileSync(out, 'keep me');
    const refused = cli(['export', '--out', out, '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`error: ${out} already exists: pass --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(cli(['export', '--out', out, '--force', '--columns', 'id', '--db', db]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('id\r\na1\r\na2\r\na3\r\n');
  });

  it('names the allowed columns and formats, and fails clearly when the folder is missing', () => {
    const unknown = cli(['export', '--out', dir.file('x.csv'), '--columns', 'id,salary', '--db', db]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^error: --columns: unknown column "salary"; the columns are id, candidateId, .*, interviews, offerStatus\n/);
    const format = cli(['export', '--out', dir.file('x.csv'), '--format', 'pdf', '--db', db]);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/^error: --format must be one of csv, xlsx\n/);
    expect(cli(['export', '--db', db]).stderr).toMatch(/^error: export needs --out FILE\n/);
    expect(cli(['export', '--out', dir.file('x.xlsx'), '--bom', '--db', db]).stderr).toMatch(/^error: --bom is for CSV only\n/);
    const missing = cli(['export', '--out', dir.file('nowhere/x.csv'), '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`error: no folder ${dir.file('nowhere')} to save x.csv in\n`);
    expect(existsSync(dir.file('x.csv'))).toBe(false);
  });
});

describe('report', () => {
  it('prints the JSON of DESIGN §4, over the same filters as list', () => {
    const report = cli(['report', 'pipeline', '--status', 'active', '--db', db]);
    expect(report.status).toBe(0);
    expect(report.json()).toEqual({
      report: 'pipeline',
      filters: { status: ['ACTIVE'] },
      generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      lastSyncAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      rows: [{ jobId: 'job_1', jobTitle: 'Backend Engineer', stageId: 'st_Screen', stage: 'Screen', position: null, applications: 1, reached: null }],
      total: { applications: 1 },
    });
  });

  it('writes CSV with the row fields as header, to a file when asked', () => {
    const out = dir.file('sources.csv');
    const written = cli(['report', 'sources', '--out', out, '--db', db]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(
      'origin,applications,interviewed,offered,hired,interviewRate,offerRate,hireRate\r\nEXTERNAL,2,0,0,0,0,0,0\r\nREFERRAL,1,0,0,1,0,0,1\r\n',
    );
    const json = dir.file('offers.json');
    cli(['report', 'offers', '--out', json, '--db', db]);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ report: 'offers', rows: [], total: { offers: 0, acceptanceRate: null } });
    expect(cli(['report', 'offers', '--out', json, '--db', db]).stderr).toBe(`error: ${json} already exists: pass --force to replace it\n`);
  });

  it('names the reports when the kind is unknown', () => {
    const unknown = cli(['report', 'salaries', '--db', db]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown report "salaries": the reports are pipeline, sources, interviewers, offers, time-to-hire\n/);
  });
});
