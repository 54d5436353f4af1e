import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, ApiRequest, Envelope } from '../../../shared/api/contract';
import type { ExportFile, ExportResult } from '../../../shared/api/export';
import { disconnectedClient } from '../../api/client';
import { appStore, resetStore } from '../../app/store';
import { settle } from '../../testing/fake-api';
import { EMPTY_FILTERS } from '../filters/view';
import { exportProgressText, exportStatusText } from './export-text';
import type { PageActions } from './page';

const state = () => appStore.getState();

/** Export calls wait until the test answers them, as a save dialog and a long export do. */
function scriptedApi() {
  const exports: { request: ApiRequest<'exportApplications'> | ApiRequest<'reportExport'>; answer(value: Envelope<ExportResult>): void }[] = [];
  const calls: { method: string; request: unknown }[] = [];
  const file: ExportFile = { fileName: 'applications-all-2026-12-03.csv', mediaType: 'text/csv; charset=utf-8', size: 3, rows: 2, bytes: new Uint8Array([105, 100, 10]) };
  const waiting = <T,>(request: T) =>
    new Promise<Envelope<ExportResult>>((resolve) => exports.push({ request: request as never, answer: resolve }));
  const client: ApiClient = {
    ...disconnectedClient(),
    exportApplications: (request) => waiting(request),
    reportExport: (request) => waiting(request),
    downloadExport: async (request) => {
      calls.push({ method: 'downloadExport', request });
      return { ok: true, value: file };
    },
    cancelExport: async (request) => {
      calls.push({ method: 'cancelExport', request });
      return { ok: true, value: { cancelled: true } };
    },
    showInFolder: async (request) => {
      calls.push({ method: 'showInFolder', request });
      return { ok: false, error: { code: 'not-found', message: '/home/ada/x.csv is no longer there' } };
    },
  };
  return { client, exports, calls, file };
}

let api: ReturnType<typeof scriptedApi>;
let downloads: ExportFile[];
const page: PageActions = { saveDownload: (file) => void downloads.push(file), setPrintScope: () => {}, print: () => {} };

beforeEach(() => {
  api = scriptedApi();
  downloads = [];
  resetStore({ api: api.client, storage: null, page, now: () => 1_790_000_000_000 });
});

const result = (exportId: string, change: Partial<ExportResult>): Envelope<ExportResult> => ({
  ok: true,
  value: { exportId, outcome: 'saved', path: '/home/ada/applications-all-2026-12-03.csv', rows: 2, fileName: 'applications-all-2026-12-03.csv', ...change },
});

describe('exporting from the window', () => {
  it('asks for what the list shows, follows progress, and offers the folder once saved', async () => {
    appStore.setState({ filters: { ...EMPTY_FILTERS, status: ['HIRED'] }, sort: 'appliedAt', order: 'asc', hiddenColumns: ['owner', 'origin'] });
    const done = state().exportApplications('csv');
    const [call] = api.exports;
    expect(call!.request).toEqual({
      query: { status: ['HIRED'], sort: 'appliedAt', order: 'asc' },
      columns: ['id', 'candidateName', 'email', 'jobTitle', 'stage', 'status', 'appliedAt', 'updatedAt'],
      format: 'csv',
      bom: false,
      exportId: expect.any(String),
    });
    const exportId = call!.request.exportId!;
    const job = () => state().exportJob!;
    expect(job()).toMatchObject({ phase: 'running', total: null });
    expect(exportProgressText(job())).toBe('Starting…');

    state().handleApiEvent({ type: 'export.progress', exportId: 'someone-else', rows: 5, total: 9 });
    state().handleApiEvent({ type: 'export.progress', exportId, rows: 1000, total: 2300 });
    expect(exportProgressText(job())).toBe('1,000 of 2,300 rows');
    expect(exportStatusText(job())).toBe('Exporting applications to CSV…');

    // One export at a time.
    void state().exportApplications('xlsx');
    expect(api.exports).toHaveLength(1);

    call!.answer(result(exportId, { rows: 2300 }));
    await done;
    expect(job()).toMatchObject({ phase: 'saved', rows: 2300, path: '/home/ada/applications-all-2026-12-03.csv' });
    expect(exportStatusText(job())).toBe('Exported 2,300 applications to applications-all-2026-12-03.csv');

    state().showExportInFolder();
    await settle();
    expect(api.calls).toEqual([{ method: 'showInFolder', request: { path: '/home/ada/applications-all-2026-12-03.csv' } }]);
    expect(job().message).toBe('/home/ada/x.csv is no longer there');
    state().dismissExport();
    expect(state().exportJob).toBeNull();
  });

  it('says nothing when the save dialog is closed', async () => {
    const done = state().exportApplications('xlsx');
    api.exports[0]!.answer(result(api.exports[0]!.request.exportId!, { outcome: 'cancelled', path: null, rows: 0 }));
    await done;
    expect(state().exportJob).toBeNull();
  });

  it('cancels a running export and says nothing was saved', async () => {
    const done = state().exportApplications('csv');
    const exportId = api.exports[0]!.request.exportId!;
    state().cancelExport();
    await settle();
    expect(api.calls).toEqual([{ method: 'cancelExport', request: { exportId } }]);
    expect(exportStatusText(state().exportJob!)).toBe('Cancelling the CSV export…');
    api.exports[0]!.answer(result(exportId, { outcome: 'cancelled', path: null, rows: 0 }));
    await done;
    expect(state().exportJob).toMatchObject({ phase: 'cancelled' });
    expect(exportStatusText(state().exportJob!)).toBe('Export cancelled: nothing was saved.');
  });

  it('in the web face, fetches the finished file and hands it to the browser', async () => {
    const done = state().exportApplications('csv');
    const exportId = api.exports[0]!.request.exportId!;
    api.exports[0]!.answer(result(exportId, { outcome: 'download', path: null }));
    await done;
    expect(api.calls).toEqual([{ method: 'downloadExport', request: { exportId } }]);
    expect(downloads).toEqual([api.file]);
    expect(exportStatusText(state().exportJob!)).toBe('Downloaded applications-all-2026-12-03.csv');
  });

  it('shows why an export failed, and lets the next one start', async () => {
    const done = state().exportApplications('csv');
    api.exports[0]!.answer({ ok: false, error: { code: 'failed', message: 'the disk is full: could not write /home/ada/x.csv' } });
    await done;
    expect(exportStatusText(state().exportJob!)).toBe('The export failed: the disk is full: could not write /home/ada/x.csv');
    void state().exportApplications('csv');
    expect(api.exports).toHaveLength(2);
  });

  it('exports a report over the list’s filters, with the remembered BOM for CSV', async () => {
    appStore.setState({ filters: { ...EMPTY_FILTERS, q: 'ada' } });
    state().setExportBom(true);
    const done = state().exportReport('time-to-hire', 'csv');
    expect(api.exports[0]!.request).toEqual({ kind: 'time-to-hire', filters: { q: 'ada' }, format: 'csv', bom: true, exportId: expect.any(String) });
    api.exports[0]!.answer(result(api.exports[0]!.request.exportId!, { rows: 4, fileName: 'time-to-hire-report-search-ada-2026-12-03.csv' }));
    await done;
    expect(exportStatusText(state().exportJob!)).toBe('Exported the Time to hire report (4 rows) to time-to-hire-report-search-ada-2026-12-03.csv');
  });
});
