import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationListItem } from '../../shared/api/applications.js';
import type { Db } from '../db/open.js';
import { BrowseQueries } from '../db/queries/browse.js';
import { SyncPipeline } from '../sync/apply.js';
import { applicationEvent, deletedEvent, jobEvent, mail } from '../testing/events.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { describeWriteError } from './atomic-file.js';
import { ExportService } from './service.js';

const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1:A9)', '\tTab', '\rCarriage', '\nLine', '\0Nul'];

let dir: TempDir;
let db: Db;
let exporter: ExportService;
let browse: BrowseQueries;

function rich(): Record<string, unknown> {
  const event = applicationEvent({
    id: 'rich',
    first: 'Zoë "Z"',
    last: 'Müller, 李',
    stage: 'Onsite',
    updatedAt: '2026-02-09T00:00:00Z',
    appliedAt: '2026-01-05T08:30:00Z',
    rejection: 'Relocation\r\nnot possible,\nsorry "really"',
  });
  const data = event.eventData as { info: Record<string, any>; interviews: unknown[]; offers: unknown[] };
  data.info.candidate.emails = [{ type: 'WORK', email: mail('zoe') }, { type: 'PERSONAL', email: mail('zoe', 'mail.example') }];
  data.info.candidate.phones = [{ type: 'WORK', phoneNumber: '030 1234' }, { type: 'PERSONAL', phoneNumber: '+49 170 5555' }];
  data.info.candidate.links = [{ url: 'https://zoe.example' }, { url: 'https://github.com/zoe' }];
  data.info.creditedTo = { id: 'u_9', email: mail('recruiter') };
  data.interviews = [1, 2, 3].map((n) => ({ id: `i${n}`, subject: 'Talk', status: 'COMPLETE', interviewers: [] }));
  data.offers = [
    { id: 'o1', status: 'DENIED', createdAt: '2026-01-20T00:00:00Z' },
    { id: 'o2', status: 'SIGNED', createdAt: '2026-01-28T00:00:00Z' },
    { id: 'o3', status: 'DEPRECATED', createdAt: '2026-01-10T00:00:00Z' },
  ];
  return event;
}

beforeAll(() => {
  dir = tempDir();
  db = tempDb(dir);
  const events = [
    jobEvent('job_1', 'Backend Engineer'),
    rich(),
    ...HOSTILE.map((first, i) =>
      applicationEvent({ id: `h${i}`, first, last: 'Hostile', updatedAt: `2026-02-0${(i % 8) + 1}T00:00:00Z`, status: i % 2 === 0 ? 'ACTIVE' : 'REJECTED' }),
    ),
    applicationEvent({ id: 'plain', first: 'Ada', last: 'Lovelace', stage: 'Screen', updatedAt: '2026-01-01T00:00:00Z' }),
    applicationEvent({ id: 'gone', first: 'Gone', last: 'Away' }),
    deletedEvent('gone'),
  ];
  const result = new SyncPipeline(db).applyBatch(events.map((value, i) => ({ source: `t:${i}`, value })));
  expect(result.rejected).toBe(0);
  exporter = new ExportService(db);
  browse = new BrowseQueries(db);
});
afterAll(() => {
  db.close();
  dir.remove();
});

const strictCsv = (bytes: Buffer) => parse(bytes, { bom: true, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];
const neutralised = (text: string) => (/^[=+\-@\t\r\n\0]/.test(text) ? `'${text}` : text);
const LIST_COLUMNS = ['id', 'candidateId', 'candidateName', 'email', 'jobId', 'jobTitle', 'stage', 'status', 'origin', 'owner', 'appliedAt', 'updatedAt'] as const;
const listed = (query: Parameters<BrowseQueries['list']>[0]) => browse.list({ ...query, limit: 1000 }).items;
const asCsvRow = (item: ApplicationListItem) => LIST_COLUMNS.map((column) => neutralised(item[column] ?? ''));

describe('CSV export', () => {
  it('holds exactly what list shows, in its order, re-read by a strict parser', async () => {
    for (const query of [{}, { sort: 'candidateName' as const, order: 'desc' as const }, { status: ['REJECTED'] }, { includeDeleted: true, sort: 'id' as const }]) {
      const out = dir.file('list.csv');
      const result = await exporter.export(out, { ...query, format: 'csv', columns: LIST_COLUMNS });
      const [header, ...rows] = strictCsv(readFileSync(out));
      expect(header).toEqual([...LIST_COLUMNS]);
      expect(rows).toEqual(listed(query).map(asCsvRow));
      expect(result).toEqual({ rows: rows.length, out, format: 'csv' });
    }
  });

  it('neutralises text a spreadsheet would run as a formula and keeps the rest verbatim', async () => {
    const out = dir.file('hostile.csv');
    await exporter.export(out, { format: 'csv', columns: ['id', 'candidateName', 'interviews', 'appliedAt'], sort: 'id' });
    const rows = strictCsv(readFileSync(out)).slice(1);
    const byId = new Map(rows.map((row) => [row[0], row]));
    HOSTILE.forEach((first, i) => expect(byId.get(`h${i}`)!.slice(1)).toEqual([`'${first} Hostile`, '0', '2026-01-10T09:00:00.000Z']));
    expect(byId.get('rich')!.slice(1)).toEqual(['Zoë "Z" Müller, 李', '3', '2026-01-05T08:30:00.000Z']);
    expect(byId.get('plain')![1]).toBe('Ada Lovelace');
  });

  it('flattens contacts and adds the export-only fields, in the order asked', async () => {
    const out = dir.file('fields.csv');
    const columns = ['phone', 'emails', 'phones', 'links', 'location', 'creditedTo', 'rejectionReason', 'rejectedAt', 'interviews', 'offerStatus', 'id'] as const;
    await exporter.export(out, { format: 'csv', columns, q: 'Zoë' });
    expect(strictCsv(readFileSync(out))).toEqual([
      [...columns],
      [
        '030 1234',
        `${mail('zoe')}; ${mail('zoe', 'mail.example')}`,
        "030 1234; +49 170 5555",
        'https://zoe.example; https://github.com/zoe',
        'Lisbon, Portugal',
        mail('recruiter'),
        'Relocation\r\nnot possible,\nsorry "really"',
        '2026-02-02T00:00:00.000Z',
        '3',
        'SIGNED',
        'rich',
      ],
    ]);
  });

  it('writes CRLF line ends, and a BOM exactly when asked', async () => {
    const plain = dir.file('plain.csv');
    const withBom = dir.file('bom.csv');
    await exporter.export(plain, { format: 'csv', columns: ['id', 'candidateName'], sort: 'id' });
    await exporter.export(withBom, { format: 'csv', columns: ['id', 'candidateName'], sort: 'id', bom: true });
    const bytes = readFileSync(plain);
    expect(bytes.subarray(0, 3).toString('latin1')).toBe('id,');
    expect(readFileSync(withBom).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(withBom).subarray(3)).toEqual(bytes);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted cells every line ends in CRLF: strip the quoted cells and look for a bare LF or CR.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // The BOM is recognised as one by a strict parser, not read into the first header.
    expect(strictCsv(readFileSync(withBom))[0]).toEqual(['id', 'candidateName']);
    expect((parse(readFileSync(withBom), { bom: false }) as string[][])[0]![0]).toBe('\ufeffid');
  });

  it('reports progress as rows written of the total', async () => {
    const seen: [number, number][] = [];
    await exporter.export(dir.file('progress.csv'), { format: 'csv' }, { onProgress: (written, total) => seen.push([written, total]) });
    expect(seen.at(-1)).toEqual([10, 10]);
  });
});

describe('XLSX export', () => {
  it('opens with typed cells, a frozen header, an autofilter and no formula anywhere', async () => {
    const out = dir.file('apps.xlsx');
    const columns = ['id', 'candidateName', 'appliedAt', 'interviews', 'rejectedAt', 'offerStatus'] as const;
    const result = await exporter.export(out, { format: 'xlsx', columns, sort: 'id' });
    expect(result).toEqual({ rows: 10, out, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:F1');
    expect(sheet.getColumn(2).width).toBeGreaterThan(10);
    const rows = new Map<string, ExcelJS.CellValue[]>();
    sheet.eachRow((row, n) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      });
      if (n > 1) rows.set(String(row.getCell(1).value), (row.values as ExcelJS.CellValue[]).slice(1));
    });
    expect(rows.get('rich')).toEqual(['rich', 'Zoë "Z" Müller, 李', new Date('2026-01-05T08:30:00.000Z'), 3, new Date('2026-02-02T00:00:00.000Z'), 'SIGNED']);
    const plain = rows.get('plain')!;
    expect(plain.slice(2, 4)).toEqual([new Date('2026-01-10T09:00:00.000Z'), 0]);
    expect(plain[4] ?? null).toBeNull();
    // Neutralised as in CSV; NUL cannot be stored in XML at all (it shows as U+FFFD), and a CR is a cell's line break, LF.
    HOSTILE.forEach((first, i) => expect(rows.get(`h${i}`)![1]).toBe(`'${first.replace('\0', '\ufffd').replace('\r', '\n')} Hostile`));
    expect(rows.size).toBe(10);
  });
});

describe('saving', () => {
  it('leaves nothing when cancelled, not even the temporary file, and keeps what was there', async () => {
    const target = dir.file('cancelled.csv');
    writeFileSync(target, 'an earlier export');
    const controller = new AbortController();
    await expect(
      exporter.export(target, { format: 'csv' }, { signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toThrow(`cancelled: nothing was saved as ${target}`);
    expect(readFileSync(target, 'utf8')).toBe('an earlier export');
    const xlsx = dir.file('cancelled.xlsx');
    const before = new AbortController();
    before.abort();
    await expect(exporter.export(xlsx, { format: 'xlsx' }, { signal: before.signal })).rejects.toThrow('cancelled');
    expect(existsSync(xlsx)).toBe(false);
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('replaces an earlier file under the name only when complete', async () => {
    const target = dir.file('again.csv');
    writeFileSync(target, 'old');
    await exporter.export(target, { format: 'csv', columns: ['id'], status: ['REJECTED'], sort: 'id' });
    expect(readFileSync(target, 'utf8')).toBe('id\r\nh1\r\nh3\r\nh5\r\nh7\r\n');
  });

  it('says clearly why a file cannot be written', async () => {
    const missing = dir.file('no-such-folder/apps.csv');
    await expect(exporter.export(missing, { format: 'csv' })).rejects.toThrow(`no folder ${dir.file('no-such-folder')} to save apps.csv in`);
    writeFileSync(dir.file('a-file'), '');
    await expect(exporter.export(dir.file('a-file/apps.xlsx'), { format: 'xlsx' })).rejects.toThrow(`${dir.file('a-file')} is not a folder`);
    const readOnly = dir.file('read-only');
    await import('node:fs').then((fs) => fs.mkdirSync(readOnly));
    chmodSync(readOnly, 0o500);
    // root may write anywhere: the permission case is only observable as another user.
    if (process.getuid?.() !== 0) {
      await expect(exporter.export(`${readOnly}/apps.csv`, { format: 'csv' })).rejects.toThrow(`cannot write in ${readOnly}: permission denied`);
    }
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('names a full disk', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(describeWriteError(full, '/exports/apps.csv').message).toBe('the disk is full: could not write /exports/apps.csv');
  });
});

describe('cancelling a long export', () => {
  it('stops mid-way in either format and leaves neither the file nor a temporary one', async () => {
    const big = tempDb(dir, 'big.sqlite');
    try {
      const events = Array.from({ length: 2500 }, (_, i) => applicationEvent({ id: `b${i}`, first: `Person ${i}` }));
      new SyncPipeline(big).applyBatch(events.map((value, i) => ({ source: `b:${i}`, value })));
      for (const format of ['csv', 'xlsx'] as const) {
        const target = dir.file(`long.${format}`);
        const controller = new AbortController();
        const seen: number[] = [];
        const onProgress = (written: number) => {
          seen.push(written);
          if (written >= 1000) controller.abort();
        };
        await expect(new ExportService(big).export(target, { format }, { signal: controller.signal, onProgress })).rejects.toThrow('cancelled');
        expect(seen).toEqual([1000]);
        expect(existsSync(target)).toBe(false);
      }
      expect(readdirSync(dir.path).filter((name) => name.endsWith('.part'))).toEqual([]);
    } finally {
      big.close();
    }
  });
});
