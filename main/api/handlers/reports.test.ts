import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS, type Report } from '../../../shared/api/reports.js';
import type { Db } from '../../db/open.js';
import { demoSourceItems } from '../../sync/sources/demo/index.js';
import { runImport } from '../../sync/run.js';
import { tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import type { HostServices, SaveDialogOptions } from '../host.js';
import { MemorySecretStore } from '../secrets.js';
import { createApiService, type ApiService } from '../service.js';

let dir: TempDir;
let db: Db;
let api: ApiService;

beforeAll(async () => {
  dir = tempDir();
  db = tempDb(dir);
  await runImport(db, demoSourceItems({ count: 400, seed: 'h6-reports' }), { source: 'demo' });
  api = createApiService({ db, secrets: new MemorySecretStore() });
});
afterAll(async () => {
  await api.close();
  db.close();
  dir.remove();
});

async function report(kind: string, filters?: Record<string, unknown>): Promise<Report> {
  const answer = await api.dispatch('report', { kind, ...(filters === undefined ? {} : { filters }) });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as Report;
}

async function total(filters: Record<string, unknown>): Promise<number> {
  const answer = await api.dispatch('listApplications', { ...filters, limit: 1 });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as { total: number }).total;
}

describe('reports through the API', () => {
  it('answers each kind in the JSON of DESIGN §4, stating its filters and the last sync', async () => {
    for (const kind of REPORT_KINDS) {
      const answer = await report(kind, { status: ['ACTIVE', 'HIRED'] });
      expect(answer).toEqual({
        report: kind,
        filters: { status: ['ACTIVE', 'HIRED'] },
        generatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        lastSyncAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        rows: expect.any(Array),
        total: expect.any(Object),
        ...(kind === 'interviewers' ? { interviewLoad: expect.any(Array) } : {}),
      });
      expect(answer.rows.length, kind).toBeGreaterThan(0);
    }
  });

  it('counts the applications the list shows for the same filters', async () => {
    for (const filters of [{}, { status: ['HIRED'] }, { origin: ['REFERRAL'], q: 'a' }, { includeDeleted: true }]) {
      const pipeline = await report('pipeline', filters);
      expect(pipeline.total).toEqual({ applications: await total(filters) });
      const sources = await report('sources', filters);
      expect((sources.total as { applications: number }).applications).toBe(await total(filters));
    }
  });

  it('gives the interviewers report its load per week, Mondays oldest first, adding up to the interviews', async () => {
    const answer = await report('interviewers');
    if (answer.report !== 'interviewers') throw new Error('not the interviewers report');
    const weeks = answer.interviewLoad ?? [];
    expect(weeks.length).toBeGreaterThan(1);
    for (const week of weeks) expect(new Date(`${week.week}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(weeks.map((week) => week.week)).toEqual([...weeks.map((week) => week.week)].sort());
    expect(weeks.reduce((n, week) => n + week.interviews, 0)).toBeLessThanOrEqual(answer.total.interviews);
  });

  it('refuses an unknown kind or filter', async () => {
    expect(await api.dispatch('report', { kind: 'salaries' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: /^report: kind: / } });
    expect(await api.dispatch('report', { kind: 'offers', filters: { stauts: ['HIRED'] } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('printing a report to PDF', () => {
  const PDF = Buffer.from('%PDF-1.7\n% the window as printed\n');

  function desktop(answer: string | null, printer?: () => Promise<Uint8Array>) {
    const asked: SaveDialogOptions[] = [];
    const host: HostServices = {
      chooseSavePath: async (options) => {
        asked.push(options);
        return answer;
      },
      ...(printer === undefined ? {} : { printToPdf: printer }),
    };
    return { asked, service: createApiService({ db, secrets: new MemorySecretStore(), host }) };
  }

  it('is the browser’s job in the web face', async () => {
    expect(await api.dispatch('printReportToPdf', { kind: 'pipeline' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('saves the printed window where the dialog says, under a name stating the report and filters', async () => {
    const folder = dir.file('pdf');
    mkdirSync(folder);
    const path = join(folder, 'pipeline.pdf');
    const { asked, service } = desktop(path, async () => new Uint8Array(PDF));
    try {
      expect(await service.dispatch('printReportToPdf', { kind: 'pipeline', filters: { status: ['ACTIVE'] } })).toEqual({ ok: true, value: { path } });
      expect(asked[0]).toEqual({ defaultName: expect.stringMatching(/^pipeline-report-active-\d{4}-\d{2}-\d{2}\.pdf$/), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      expect(readFileSync(path).equals(PDF)).toBe(true);
      expect(readdirSync(folder)).toEqual(['pipeline.pdf']);
    } finally {
      await service.close();
    }
  });

  it('prints nothing when the dialog is closed, and says so when the shell cannot print', async () => {
    let printed = 0;
    const closed = desktop(null, async () => {
      printed++;
      return new Uint8Array(PDF);
    });
    const noPrinter = desktop('/tmp/never.pdf');
    try {
      expect(await closed.service.dispatch('printReportToPdf', {})).toEqual({ ok: true, value: { path: null } });
      expect(closed.asked[0]!.defaultName).toMatch(/^reports-all-/);
      expect(printed).toBe(0);
      expect(await noPrinter.service.dispatch('printReportToPdf', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await closed.service.close();
      await noPrinter.service.close();
    }
  });
});
