/**
 * Reports and exports from the app: the downloaded file holds exactly what the list shows,
 * each report opens with its table, and a report prints to a PDF whose text is text.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '@playwright/test';
import { E2E_DB_KEY, expect, REPO, test } from './harness.js';
import { ApplicationsPage } from './pages.js';

const REPORT_TABLES = ['Pipeline report', 'Sources report', 'Interviewers report', 'Offers report', 'Time to hire report'];

/** What `list` answers for the same database and filters: the ids the export must hold. */
function listIds(db: string, args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli.ts'), 'list', '--db', db, '--limit', '1000', '--json', ...args], {
    cwd: REPO,
    // The desktop encrypts the seeded file with this key; a plaintext one (the web face's) opens as it is.
    env: { ...process.env, CANDIDATE_VIEWER_DB_KEY: E2E_DB_KEY },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`list failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { items: { id: string }[] }).items.map((item) => item.id);
}

async function download(page: Page, button: string, dir: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  // Without white space: a PDF's text breaks where lines wrap and around ligatures ("O ff ers").
  return pages.join('').replace(/\s+/g, '');
}

const squeezed = (text: string) => text.replace(/\s+/g, '');

async function openReports(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/[?&]view=reports/);
}

test.describe('exports', () => {
  test('export CSV holds what the list shows: its filter, sort and visible columns, every row', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    await view.facet('REJECTED').check();
    await expect(app.page).toHaveURL(/status=REJECTED/);
    await view.columnHeader('Candidate').click();
    await expect(view.columnHeader('Candidate')).toHaveAttribute('aria-sort', 'ascending');

    const { path, name } = await download(app.page, 'Export CSV', app.dir);
    expect(name).toMatch(/^applications-rejected-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync(path), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const ids = listIds(app.db, ['--status', 'REJECTED', '--sort', 'candidateName', '--order', 'asc']);
    expect(ids.length).toBeGreaterThan(50);
    expect(records.map((record) => record.id)).toEqual(ids);
    // The visible columns in their order (origin and owner are hidden in a new window).
    expect(Object.keys(records[0]!)).toEqual(['id', 'candidateName', 'email', 'jobTitle', 'stage', 'status', 'appliedAt', 'updatedAt']);
    expect(new Set(records.map((record) => record.status))).toEqual(new Set(['REJECTED']));
    await expect(app.page.getByRole('status').filter({ hasText: `Downloaded ${name}` })).toBeVisible();
  });

  test('export Excel opens with exceljs, one typed row per application', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    const { path, name } = await download(app.page, 'Export Excel', app.dir);
    expect(name).toMatch(/^applications-all-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getColumn(1).values.slice(2)).toEqual(listIds(app.db, []));
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['id', 'candidateName', 'email', 'jobTitle', 'stage', 'status', 'appliedAt', 'updatedAt']);
    expect(sheet.getRow(2).getCell(header.indexOf('appliedAt') + 1).value).toBeInstanceOf(Date);
  });

  test('the BOM choice is remembered', async ({ app }) => {
    const bom = app.page.getByRole('checkbox', { name: 'For Excel on Windows (BOM)' });
    await bom.check();
    await app.page.reload();
    await expect(bom).toBeChecked();
    const { path } = await download(app.page, 'Export CSV', app.dir);
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

test.describe('reports', () => {
  test('each report opens with its table, over the list’s filters, and Back returns to the list', async ({ app }) => {
    await expect(new ApplicationsPage(app.page).rows.first()).toBeVisible();
    await openReports(app.page);
    for (const name of REPORT_TABLES) {
      const table = app.page.getByRole('table', { name });
      await table.scrollIntoViewIfNeeded();
      await expect(table).toBeVisible();
      expect(await table.locator('tbody tr').count(), name).toBeGreaterThan(0);
    }
    const sources = app.page.getByRole('region', { name: 'Sources' });
    await expect(sources.getByText('Computed over: All applications')).toBeVisible();
    await expect(sources.getByText(/^Last sync: /)).toBeVisible();

    // A facet chosen beside the reports recomputes them over it.
    await app.page.getByRole('checkbox', { name: 'HIRED', exact: true }).check();
    await expect(sources.getByText('Computed over: Status: HIRED')).toBeVisible();
    const hired = listIds(app.db, ['--status', 'HIRED']).length;
    await expect(app.page.getByRole('table', { name: 'Pipeline report' }).locator('tfoot')).toContainText(String(hired));

    await app.page.goBack();
    await app.page.goBack();
    await expect(app.page.getByRole('grid', { name: 'Applications' })).toBeVisible();
  });

  test('a report table exports to CSV', async ({ app }) => {
    await openReports(app.page);
    const offers = app.page.getByRole('region', { name: 'Offers' });
    await expect(app.page.getByRole('table', { name: 'Offers report' })).toBeVisible();
    const [file] = await Promise.all([app.page.waitForEvent('download'), offers.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^offers-report-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = join(app.dir, file.suggestedFilename());
    await file.saveAs(path);
    const records = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(['jobId', 'jobTitle', 'offers', 'inProgress', 'signed', 'denied', 'deprecated', 'other', 'acceptanceRate', 'medianDaysToClose']);
    expect(records).toHaveLength(await app.page.getByRole('table', { name: 'Offers report' }).locator('tbody tr').count());
  });

  test('Print prints that report with the browser, and the PDF holds the reports as text without the window’s controls', async ({ app }) => {
    await app.page.addInitScript(() => {
      // What the print stylesheet was told to cover when the browser's print was asked for.
      window.print = () => {
        (window as unknown as { printed: string[] }).printed.push(document.documentElement.getAttribute('data-print-scope') ?? 'none');
      };
      (window as unknown as { printed: string[] }).printed = [];
    });
    await app.page.reload();
    await openReports(app.page);
    await expect(app.page.getByRole('table', { name: 'Time to hire report' })).toBeVisible();
    await app.page.getByRole('region', { name: 'Interviewers' }).getByRole('button', { name: 'Print', exact: true }).click();
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { printed: string[] }).printed)).toEqual(['interviewers']);
    await expect.poll(() => app.page.evaluate(() => document.documentElement.hasAttribute('data-print-scope'))).toBe(false);

    await app.page.emulateMedia({ media: 'print' });
    const all = join(app.dir, 'reports.pdf');
    await app.page.pdf({ path: all, format: 'A4', preferCSSPageSize: true });
    const text = await pdfText(all);
    for (const heading of ['Pipeline', 'Sources', 'Interviewers', 'Offers', 'Time to hire', 'Computed over:', 'Last sync:']) expect(text).toContain(squeezed(heading));
    const interviewer = (await app.page.getByRole('table', { name: 'Interviewers report' }).locator('tbody tr th').first().innerText()).trim();
    expect(text).toContain(squeezed(interviewer));
    for (const control of ['Sync now', 'Export CSV', 'Print all', 'Show deleted']) expect(text).not.toContain(squeezed(control));

    // One report's print: that report only, under the header.
    await app.page.evaluate(() => document.documentElement.setAttribute('data-print-scope', 'offers'));
    const one = join(app.dir, 'offers.pdf');
    await app.page.pdf({ path: one, format: 'A4', preferCSSPageSize: true });
    const offersText = await pdfText(one);
    expect(offersText).toContain('Offers');
    expect(offersText).not.toContain(squeezed('Time to hire'));
    expect(offersText).not.toContain('Interviewers');
  });
});
