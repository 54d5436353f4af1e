import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, ApiRequest, Envelope } from '../../../shared/api/contract';
import type { Report } from '../../../shared/api/reports';
import { disconnectedClient } from '../../api/client';
import { appStore, resetStore } from '../../app/store';
import { historyActionFor, searchToAppView, viewToSearch } from '../../app/url-state';
import { settle } from '../../testing/fake-api';
import type { PageActions } from '../export/page';
import { EMPTY_FILTERS, EMPTY_VIEW } from '../filters/view';

const state = () => appStore.getState();

function pipeline(applications: number): Report {
  return { report: 'pipeline', filters: {}, generatedAt: '2026-12-03T10:00:00.000Z', lastSyncAt: null, rows: [], total: { applications } };
}

let reportCalls: { request: ApiRequest<'report'>; answer(value: Envelope<Report>): void }[];
let printAnswer: Envelope<{ path: string | null }>;
let pageLog: string[];
const page: PageActions = {
  saveDownload: () => {},
  setPrintScope: (scope) => pageLog.push(`scope ${scope === undefined ? 'cleared' : (scope ?? 'all')}`),
  print: () => pageLog.push('print'),
};

beforeEach(() => {
  reportCalls = [];
  pageLog = [];
  const client: ApiClient = {
    ...disconnectedClient(),
    report: (request) => new Promise((resolve) => reportCalls.push({ request, answer: resolve })),
    printReportToPdf: async (request) => {
      pageLog.push(`printReportToPdf ${JSON.stringify(request)}`);
      return printAnswer;
    },
  };
  resetStore({ api: client, storage: null, page });
});

describe('the reports', () => {
  it('are computed over the list’s filters and search, all five', () => {
    appStore.setState({ filters: { ...EMPTY_FILTERS, q: 'ada', status: ['HIRED'] } });
    state().loadReports();
    expect(reportCalls.map((call) => call.request)).toEqual(
      ['pipeline', 'sources', 'interviewers', 'offers', 'time-to-hire'].map((kind) => ({ kind, filters: { q: 'ada', status: ['HIRED'] } })),
    );
  });

  it('keep the shown report while the next is computed, and drop answers that came too late', async () => {
    state().loadReport('pipeline');
    reportCalls[0]!.answer({ ok: true, value: pipeline(10) });
    await settle();
    state().loadReport('pipeline');
    state().loadReport('pipeline');
    expect(state().reports.pipeline).toEqual({ report: pipeline(10), loading: true, error: null });
    reportCalls[2]!.answer({ ok: true, value: pipeline(30) });
    reportCalls[1]!.answer({ ok: true, value: pipeline(20) });
    await settle();
    expect(state().reports.pipeline).toEqual({ report: pipeline(30), loading: false, error: null });
  });

  it('say why one could not be computed', async () => {
    state().loadReport('offers');
    reportCalls[0]!.answer({ ok: false, error: { code: 'failed', message: 'database is locked' } });
    await settle();
    expect(state().reports.offers).toEqual({ report: null, loading: false, error: { code: 'failed', message: 'database is locked' } });
  });
});

describe('printing', () => {
  it('saves a PDF through the desktop, marking what the print covers meanwhile', async () => {
    printAnswer = { ok: true, value: { path: '/home/ada/pipeline.pdf' } };
    await state().printReports('pipeline');
    expect(pageLog).toEqual(['scope pipeline', 'printReportToPdf {"kind":"pipeline","filters":{}}', 'scope cleared']);
    expect(state().printState).toEqual({ status: 'saved', path: '/home/ada/pipeline.pdf' });
  });

  it('falls back to the browser’s print dialog in the web face', async () => {
    printAnswer = { ok: false, error: { code: 'unavailable', message: 'this window prints with the browser' } };
    await state().printReports(null);
    expect(pageLog).toEqual(['scope all', 'printReportToPdf {"filters":{}}', 'print', 'scope cleared']);
    expect(state().printState).toEqual({ status: 'idle' });
  });

  it('says why a PDF could not be saved', async () => {
    printAnswer = { ok: false, error: { code: 'failed', message: 'cannot write in /mnt: permission denied' } };
    await state().printReports('offers');
    expect(state().printState).toEqual({ status: 'failed', message: 'cannot write in /mnt: permission denied' });
    state().dismissPrint();
    expect(state().printState).toEqual({ status: 'idle' });
  });
});

describe('the view in the address', () => {
  it('reads and writes ?view=reports, the list being the default', () => {
    expect(searchToAppView('')).toBe('applications');
    expect(searchToAppView('?view=reports&status=HIRED')).toBe('reports');
    expect(searchToAppView('?view=salaries')).toBe('applications');
    expect(viewToSearch(EMPTY_VIEW, 'reports')).toBe('?view=reports');
    expect(viewToSearch({ ...EMPTY_VIEW, filters: { ...EMPTY_FILTERS, status: ['HIRED'] } }, 'reports')).toBe('?view=reports&status=HIRED');
    expect(viewToSearch(EMPTY_VIEW)).toBe('');
  });

  it('pushes a history entry when the view changes, so Back returns to the list', () => {
    expect(historyActionFor(EMPTY_VIEW, EMPTY_VIEW, { previous: 'applications', next: 'reports' })).toBe('push');
    expect(historyActionFor(EMPTY_VIEW, EMPTY_VIEW, { previous: 'reports', next: 'reports' })).toBe('none');
  });
});
