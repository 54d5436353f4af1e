import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api/contract.js';
import { localDay, type ExportFile, type ExportResult } from '../../../shared/api/export.js';
import type { Db } from '../../db/open.js';
import { ReportService } from '../../reports/service.js';
import { demoSourceItems } from '../../sync/sources/demo/index.js';
import { runImport } from '../../sync/run.js';
import { tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import type { HostServices, SaveDialogOptions } from '../host.js';
import { MemorySecretStore } from '../secrets.js';
import { createApiService, type ApiService } from '../service.js';
import { exportHandlers } from './export.js';

let dir: TempDir;
let db: Db;

beforeAll(async () => {
  dir = tempDir();
  db = tempDb(dir);
  // More than one export batch (1,000 rows), so progress comes before the end and Cancel can land mid-way.
  await runImport(db, demoSourceItems({ count: 2300, seed: 'h6-export' }), { source: 'demo' });
});
afterAll(() => {
  db.close();
  dir.remove();
});

/** A save dialog that answers what the test says, and remembers what it was asked. */
class FakeHost implements HostServices {
  asked: SaveDialogOptions[] = [];
  shown: string[] = [];
  answer: (options: SaveDialogOptions) => Promise<string | null> = async () => null;
  chooseSavePath(options: SaveDialogOptions) {
    this.asked.push(options);
    return this.answer(options);
  }
  showInFolder(path: string) {
    this.shown.push(path);
  }
}

let api: ApiService;
let host: FakeHost;
let events: ApiEvent[];
let out: string;

function open(withHost: boolean) {
  host = new FakeHost();
  api = createApiService({ db, secrets: new MemorySecretStore(), ...(withHost ? { host } : {}) });
  events = [];
  api.onEvent((event) => events.push(event));
}
beforeEach(() => {
  out = join(dir.path, `out-${Math.random().toString(36).slice(2)}`);
  mkdirSync(out);
});
afterEach(async () => {
  await api.close();
});

async function value<T>(answer: Promise<unknown>): Promise<T> {
  const envelope = (await answer) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`expected success, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function listIds(query: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await value<{ total: number; items: { id: string }[] }>(api.dispatch('listApplications', { ...query, limit: 1000, offset }));
    ids.push(...page.items.map((item) => item.id));
    if (ids.length >= page.total) return ids;
  }
}

const ACTIVE_BY_NAME = { status: ['ACTIVE', 'REJECTED'], sort: 'candidateName', order: 'asc' } as const;

describe('exporting in the web face (no save dialog)', () => {
  beforeEach(() => open(false));

  it('writes every matching row in list order, then hands the file over once', async () => {
    const result = await value<ExportResult>(
      api.dispatch('exportApplications', { query: ACTIVE_BY_NAME, columns: ['id', 'candidateName', 'email', 'status'], format: 'csv', exportId: 'web-1' }),
    );
    expect(result).toEqual({ exportId: 'web-1', outcome: 'download', path: null, rows: expect.any(Number), fileName: expect.stringMatching(/^applications-active-rejected-\d{4}-\d{2}-\d{2}\.csv$/) });
    const ids = await listIds(ACTIVE_BY_NAME);
    expect(ids.length).toBeGreaterThan(1000);
    expect(result.rows).toBe(ids.length);

    const progress = events.filter((event) => event.type === 'export.progress');
    expect(progress[0]).toEqual({ type: 'export.progress', exportId: 'web-1', rows: 1000, total: ids.length });
    expect(events.at(-1)).toEqual({ type: 'export.finished', exportId: 'web-1', path: null, rows: ids.length });

    const file = await value<ExportFile>(api.dispatch('downloadExport', { exportId: 'web-1' }));
    expect(file).toMatchObject({ fileName: result.fileName, mediaType: 'text/csv; charset=utf-8', rows: ids.length, size: file.bytes.length });
    const records = parse(Buffer.from(file.bytes), { columns: true }) as Record<string, string>[];
    expect(records.map((record) => record.id)).toEqual(ids);
    expect(Object.keys(records[0]!)).toEqual(['id', 'candidateName', 'email', 'status']);
    expect(new Set(records.map((record) => record.status))).toEqual(new Set(['ACTIVE', 'REJECTED']));

    expect(await api.dispatch('downloadExport', { exportId: 'web-1' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no export web-1 is waiting to be downloaded (each export downloads once)' },
    });
  });

  it('puts a BOM in front only when asked', async () => {
    const first = async (bom: boolean, exportId: string) => {
      await value(api.dispatch('exportApplications', { query: { status: ['HIRED'] }, format: 'csv', bom, exportId }));
      return Buffer.from((await value<ExportFile>(api.dispatch('downloadExport', { exportId }))).bytes).subarray(0, 3);
    };
    expect([...(await first(true, 'bom'))]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await first(false, 'no-bom')).toString('utf8')).toBe('id,');
  });

  it('cannot show a file in its folder, having no desktop', async () => {
    expect(await api.dispatch('showInFolder', { path: '/tmp/x.csv' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses unknown or repeated columns, an unknown format and a malformed id', async () => {
    expect(await api.dispatch('exportApplications', { columns: ['id', 'salary'], format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: /columns\.1/ } });
    expect(await api.dispatch('exportApplications', { columns: ['id', 'id'], format: 'csv' })).toMatchObject({ ok: false, error: { message: /names a column twice/ } });
    expect(await api.dispatch('exportApplications', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.dispatch('exportApplications', { format: 'csv', exportId: '../etc' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.dispatch('exportApplications', { query: { limit: 5 }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('exporting in the desktop app (native save dialog)', () => {
  beforeEach(() => open(true));

  it('proposes the default name, writes the chosen file, and shows only that file in its folder', async () => {
    const path = join(out, 'hired.xlsx');
    host.answer = async () => path;
    const result = await value<ExportResult>(api.dispatch('exportApplications', { query: { status: ['HIRED'] }, format: 'xlsx', exportId: 'desk-1' }));
    expect(host.asked[0]).toEqual({ defaultName: expect.stringMatching(/^applications-hired-\d{4}-\d{2}-\d{2}\.xlsx$/), filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] });
    const ids = await listIds({ status: ['HIRED'] });
    expect(result).toEqual({ exportId: 'desk-1', outcome: 'saved', path, rows: ids.length, fileName: 'hired.xlsx' });
    expect(events.at(-1)).toEqual({ type: 'export.finished', exportId: 'desk-1', path, rows: ids.length });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(ids.length + 1);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(ids);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    expect(await api.dispatch('showInFolder', { path })).toEqual({ ok: true, value: { shown: true } });
    expect(host.shown).toEqual([path]);
    expect(await api.dispatch('showInFolder', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('writes nothing when the dialog is closed', async () => {
    host.answer = async () => null;
    expect(await value<ExportResult>(api.dispatch('exportApplications', { format: 'csv', exportId: 'closed' }))).toEqual({
      exportId: 'closed',
      outcome: 'cancelled',
      path: null,
      rows: 0,
      fileName: expect.stringMatching(/^applications-all-/),
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('stops on Cancel mid-way, leaving neither the file nor a temporary one', async () => {
    const path = join(out, 'all.csv');
    host.answer = async () => path;
    api.onEvent((event) => {
      if (event.type === 'export.progress') void api.dispatch('cancelExport', { exportId: 'to-cancel' });
    });
    const result = await value<ExportResult>(api.dispatch('exportApplications', { format: 'csv', exportId: 'to-cancel' }));
    expect(result).toMatchObject({ exportId: 'to-cancel', outcome: 'cancelled', path: null, rows: 0 });
    expect(readdirSync(out)).toEqual([]);
    expect(await api.dispatch('cancelExport', { exportId: 'to-cancel' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('says why a file could not be written, and tells the window', async () => {
    host.answer = async () => join(out, 'no such folder', 'x.csv');
    const answer = await api.dispatch('exportApplications', { format: 'csv', exportId: 'nowhere' });
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: `no folder ${join(out, 'no such folder')} to save x.csv in` } });
    expect(events.at(-1)).toEqual({ type: 'export.failed', exportId: 'nowhere', message: `no folder ${join(out, 'no such folder')} to save x.csv in` });
  });

  it('refuses a second export under an id still in use', async () => {
    let choose: (path: string | null) => void = () => {};
    host.answer = () => new Promise((resolve) => (choose = resolve));
    const first = api.dispatch('exportApplications', { format: 'csv', exportId: 'twice' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await api.dispatch('exportApplications', { format: 'csv', exportId: 'twice' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    choose(null);
    expect(await first).toMatchObject({ ok: true, value: { outcome: 'cancelled' } });
  });

  it('exports a report table as CSV and as a workbook', async () => {
    const report = new ReportService(db).report('sources', { status: ['ACTIVE', 'HIRED'] });
    host.answer = async (options) => join(out, options.defaultName);
    const csv = await value<ExportResult>(api.dispatch('reportExport', { kind: 'sources', filters: { status: ['ACTIVE', 'HIRED'] }, format: 'csv' }));
    expect(csv.fileName).toMatch(/^sources-report-active-hired-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync(csv.path!), { columns: true, cast: true }) as Record<string, unknown>[];
    expect(records.map((record) => ({ ...record, origin: record.origin === '' ? null : record.origin }))).toEqual(report.rows);
    expect(csv.rows).toBe(report.rows.length);

    const xlsx = await value<ExportResult>(api.dispatch('reportExport', { kind: 'sources', filters: { status: ['ACTIVE', 'HIRED'] }, format: 'xlsx' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'origin', 'applications', 'interviewed', 'offered', 'hired', 'interviewRate', 'offerRate', 'hireRate']);
    expect(sheet.getRow(2).getCell(2).value).toBe(report.rows[0]!.applications);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(existsSync(xlsx.path!)).toBe(true);
  });
});

describe('default file names', () => {
  it('name the filters and the local day', async () => {
    const host = new FakeHost();
    host.answer = async () => null;
    const now = new Date(2026, 11, 3, 23, 30);
    const { handlers, close } = exportHandlers({ db, reports: new ReportService(db), host, emit: () => {}, now: () => now });
    try {
      await handlers.exportApplications({ query: { status: ['ACTIVE'], sort: 'appliedAt' }, format: 'csv' });
      await handlers.exportApplications({ format: 'xlsx' });
      await handlers.reportExport({ kind: 'time-to-hire', filters: { q: 'José Müller', includeDeleted: true }, format: 'csv' });
      expect(host.asked.map((options) => options.defaultName)).toEqual([
        `applications-active-${localDay(now)}.csv`,
        'applications-all-2026-12-03.xlsx',
        'time-to-hire-report-search-jose-muller-with-deleted-2026-12-03.csv',
      ]);
    } finally {
      close();
    }
  });
});
