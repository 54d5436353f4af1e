/**
 * Regenerates the README's screenshots from the web face in Chromium:
 * `npx tsx e2e/screenshots.ts` (needs `npm run build:renderer` first).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../main/testing/browser.js';
import { REPO, seedDatabase, startWebFace } from './harness.js';

const out = join(REPO, 'e2e', 'screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'cv-shots-'));
const db = join(dir, 'candidates.sqlite');
seedDatabase(db, dir, { demo: 2000, seed: 'readme' });
const { url, child } = await startWebFace(db);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(url);
    const grid = page.getByRole('grid', { name: 'Applications' });
    await grid.getByRole('row').nth(3).click();
    await page.getByRole('region', { name: 'Application details' }).getByRole('heading').first().waitFor();
    await page.screenshot({ path: join(out, `list-detail-${scheme}.png`), animations: 'disabled' });
    await page.getByRole('searchbox', { name: 'Search applications' }).fill('mar');
    await page.getByRole('checkbox', { name: 'ACTIVE', exact: true }).check();
    await page.waitForURL(/status=ACTIVE/);
    await grid.getByRole('row').nth(1).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `search-facets-${scheme}.png`), animations: 'disabled' });
    await page.getByRole('button', { name: 'Sync settings' }).click();
    await page.getByRole('dialog', { name: 'Sync' }).waitFor();
    await page.screenshot({ path: join(out, `sync-panel-${scheme}.png`), animations: 'disabled' });
    await page.close();

    const reports = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await reports.goto(url);
    await reports.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Reports' }).click();
    await reports.getByRole('table', { name: 'Pipeline report' }).waitFor();
    await reports.getByRole('table', { name: 'Time to hire report' }).waitFor();
    await reports.screenshot({ path: join(out, `reports-${scheme}.png`), animations: 'disabled' });
    await reports.close();

    // A résumé found by a word only its text holds, opened at the hit.
    const preview = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await preview.goto(url);
    await preview.getByRole('searchbox', { name: 'Search applications' }).fill('kubernetes');
    const hit = preview.getByRole('grid', { name: 'Applications' }).getByRole('button', { name: /kubernetes/i }).first();
    await hit.click();
    const dialog = preview.getByRole('dialog');
    await dialog.locator('.pdf-page[data-painted="true"]').first().waitFor();
    await dialog.locator('.pdf-hit.is-active-hit').waitFor();
    await preview.screenshot({ path: join(out, `pdf-preview-${scheme}.png`), animations: 'disabled' });
    await preview.close();

    // The confirmation before a candidate is erased (cancelled: the data stays for the next shots).
    const erase = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await erase.goto(url);
    await erase.getByRole('grid', { name: 'Applications' }).getByRole('row').nth(2).click();
    await erase.getByRole('region', { name: 'Application details' }).getByRole('button', { name: 'Erase candidate' }).click();
    await erase.getByRole('dialog').getByRole('listitem').first().waitFor();
    await erase.screenshot({ path: join(out, `erase-candidate-${scheme}.png`), animations: 'disabled' });
    await erase.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
