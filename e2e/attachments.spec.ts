/**
 * The attachment preview in Chromium against the web face: every kind of file from real
 * bytes, files that cannot be shown, hostile HTML/SVG/PDF that must run nothing and fetch
 * nothing, Save as a download with the exact bytes, and a search hit inside a résumé.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import {
  applicationEvent,
  brokenFilesApplication,
  everyTypeApplication,
  HOSTILE_NAME,
  hostileApplication,
  RESUME_LINK,
  RESUME_PAGES,
  RESUME_PDF,
  RESUME_WORD,
  RESUME_WORD_PAGE,
} from './fixtures/attachments.js';
import { expect, test } from './harness.js';
import { ApplicationsPage } from './pages.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function previewDialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

/** Selects the candidate's row and opens the preview of their attachment `name`. */
async function openPreview(page: Page, candidate: string, name: string): Promise<Locator> {
  const view = new ApplicationsPage(page);
  await view.row(candidate).click();
  await expect(view.details.getByRole('heading', { name: candidate })).toBeVisible();
  await view.attachments.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Preview' }).click();
  const dialog = previewDialog(page, name);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function imageSize(image: Locator): Promise<{ width: number; src: string }> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  return image.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, src: img.src }));
}

test.describe('previewing attachments', () => {
  test.use({ seed: { events: [applicationEvent(everyTypeApplication()), applicationEvent(brokenFilesApplication())] } });

  test('shows every kind of file, moving through them with the arrow keys', async ({ app }) => {
    const { page } = app;
    let dialog = await openPreview(page, 'Priya Raman', 'Priya_Raman_CV.pdf');
    await expect(dialog.locator('.pdf-page[data-painted]').first()).toBeVisible();
    await expect(dialog.locator('.textLayer').first()).toContainText(`Page 1 of ${RESUME_PAGES}`);

    const next = async (name: string) => {
      await page.keyboard.press('ArrowRight');
      dialog = previewDialog(page, name);
      await expect(dialog).toBeVisible();
      return dialog;
    };

    dialog = await next('Cover_Letter.docx');
    await expect(dialog.frameLocator('iframe').getByText('I have run payment platforms at scale')).toBeVisible();

    dialog = await next('Cover_Letter.html');
    await expect(dialog.locator('iframe')).toHaveAttribute('sandbox', '');
    await expect(dialog.frameLocator('iframe').getByRole('heading', { name: 'Dear hiring team,' })).toBeVisible();
    // The letter's own inline data: image survives sanitising.
    await expect.poll(() => dialog.frameLocator('iframe').locator('img[alt="signature"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);

    for (const [name, width] of [
      ['Portfolio.png', 320],
      ['Headshot.jpg', 16],
      ['Badge.gif', 1],
      ['Diagram.webp', 1],
      ['Architecture.svg', 240],
    ] as const) {
      dialog = await next(name);
      const shown = await imageSize(dialog.getByRole('img', { name: `Preview of ${name}` }));
      expect(shown.width).toBe(width);
      expect(shown.src).toMatch(/^blob:/);
    }
    // SVG is only ever an image, never markup in the page.
    expect(await page.locator('dialog svg text').count()).toBe(0);

    dialog = await next('Screen_notes.txt');
    await expect(dialog.getByText('Strong on Go and Terraform.')).toBeVisible();

    dialog = await next('Interview_notes.md');
    await expect(dialog.locator('pre')).toContainText('# Interview notes');
    await expect(dialog.locator('pre')).toContainText('- **Systems design**: clear trade-offs');
    await expect(dialog.getByRole('heading', { name: 'Interview notes' })).toHaveCount(0);

    dialog = await next('Scorecard.csv');
    const table = dialog.getByRole('table', { name: 'Scorecard.csv' });
    await expect(table.getByRole('columnheader', { name: 'Interviewer' })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Lee, Sam' })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Values, culture' })).toBeVisible();

    dialog = await next('Assessment.json');
    // Laid out for reading, the long id exactly as received.
    await expect(dialog.locator('pre')).toContainText('"assessmentId": 12345678901234567890,\n  "scores": {\n    "systems": 4,');

    dialog = await next('Reference_letter.pdf');
    await expect(dialog.getByText(/short-lived/)).toBeVisible();
    const link = dialog.getByRole('link', { name: 'Open in the browser' });
    await expect(link).toHaveAttribute('href', 'https://ats.example/files/ref-8812?expires=1700000000');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(dialog.getByRole('button', { name: 'Save' })).toHaveCount(0);

    // The last attachment stays; Left goes back; Escape closes.
    await page.keyboard.press('ArrowRight');
    await expect(previewDialog(page, 'Reference_letter.pdf')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(previewDialog(page, 'Assessment.json')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('draws PDF pages as they come into view, zooms, selects text, finds every hit and links only to the web', async ({ app }) => {
    const { page } = app;
    const dialog = await openPreview(page, 'Priya Raman', 'Priya_Raman_CV.pdf');
    const pages = dialog.locator('.pdf-page');
    await expect(pages).toHaveCount(RESUME_PAGES);
    await expect(dialog.getByRole('region', { name: `Page 1 of ${RESUME_PAGES}` })).toHaveAttribute('data-painted', 'true');
    // Far pages are placeholders of page 1's size, not drawn.
    const last = dialog.getByRole('region', { name: `Page ${RESUME_PAGES} of ${RESUME_PAGES}` });
    await expect(last).not.toHaveAttribute('data-painted', /.*/);
    expect(await last.evaluate((el) => el.querySelector('canvas'))).toBeNull();
    const firstBox = await pages.first().boundingBox();
    const lastBox = await last.boundingBox();
    expect(lastBox?.width).toBeCloseTo(firstBox!.width, 0);

    // The text layer is real text: selectable, and what the page says.
    await expect(dialog.locator('.textLayer').first()).toContainText('Built payment services in Go and Rust');

    const zoom = dialog.getByRole('group', { name: 'Zoom' });
    const percent = async () => Number((await zoom.innerText()).match(/(\d+)%/)?.[1]);
    const fitted = await percent();
    await page.keyboard.type('+');
    await expect.poll(percent).toBeGreaterThan(fitted);
    await expect.poll(async () => (await pages.first().boundingBox())?.width ?? 0).toBeGreaterThan(firstBox!.width);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(percent).toBeLessThan(fitted);
    await zoom.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(percent).toBe(fitted);

    // Ctrl+F finds; every hit counted over all pages, Enter and Shift+Enter step through them.
    await page.keyboard.press('Control+f');
    const find = dialog.getByRole('searchbox', { name: 'Find in document' });
    await expect(find).toBeFocused();
    await find.fill('payment');
    const count = dialog.locator('.find-count');
    await expect(count).toHaveText(`1 of ${RESUME_PAGES + 1}`);
    await expect(dialog.locator('.pdf-hit.is-active-hit')).toBeVisible();
    await find.press('Enter');
    await expect(count).toHaveText(`2 of ${RESUME_PAGES + 1}`);
    await find.press('Shift+Enter');
    await find.press('Shift+Enter');
    await expect(count).toHaveText(`${RESUME_PAGES + 1} of ${RESUME_PAGES + 1}`);
    // The last hit is on the last page: it was drawn when the find went there.
    await expect(last).toHaveAttribute('data-painted', 'true');
    await expect(last.locator('.pdf-hit.is-active-hit')).toBeInViewport();
    // Words match as the search box matches them (each as the start of a word), so a no-match needs a word no page starts.
    await find.fill('zqxjv');
    await expect(count).toHaveText('No matches');

    // Links inside the PDF: web addresses as new-window anchors, drawn with their page when it is near the view.
    await pages.first().scrollIntoViewIfNeeded();
    const links = pages.first().locator('a.pdf-link');
    await expect(links).toHaveCount(1);
    await expect(links).toHaveAttribute('href', RESUME_LINK);
    await expect(links).toHaveAttribute('target', '_blank');
    await expect(links).toHaveAttribute('rel', /noopener/);
  });

  test('says why a file cannot be shown, and badges a name that lies about its type', async ({ app }) => {
    const { page } = app;
    const view = new ApplicationsPage(page);
    let dialog = await openPreview(page, 'Sam Okafor', 'Scan.pdf');
    await expect(dialog.getByText(/could not be decoded when it was synced: .*base64/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save' })).toHaveCount(0);

    const next = async (name: string) => {
      await page.keyboard.press('ArrowRight');
      dialog = previewDialog(page, name);
      await expect(dialog).toBeVisible();
      return dialog;
    };
    await expect((await next('Letter.txt')).getByText(/could not be decoded when it was synced: unsupported encoding "UUENCODE"/)).toBeVisible();
    await expect((await next('Cut_short.pdf')).getByText(/This PDF is damaged or incomplete/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeVisible();
    await expect((await next('Locked.pdf')).getByText(/protected by a password/)).toBeVisible();
    await expect((await next('Old_format.rtf')).getByText(/RTF documents cannot be previewed here/)).toBeVisible();
    await expect((await next('Blob.bin')).getByText(/cannot preview this kind of file/)).toBeVisible();
    dialog = await next('CV.pdf');
    await expect(dialog.getByText('named .pdf, is HTML')).toBeVisible();
    await expect(dialog.frameLocator('iframe').getByText('My CV, saved from the web as HTML.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(view.attachments.getByRole('listitem').filter({ hasText: 'CV.pdf' }).filter({ hasText: 'named .pdf, is HTML' })).toBeVisible();
  });

  test('saves a file from the web face as a download with exactly the bytes received', async ({ app }) => {
    const { page } = app;
    const dialog = await openPreview(page, 'Priya Raman', 'Priya_Raman_CV.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
    expect(download.suggestedFilename()).toBe('Priya_Raman_CV.pdf');
    const saved = readFileSync(await download.path());
    expect(sha256(saved)).toBe(sha256(RESUME_PDF));
    await expect(dialog.getByRole('status')).toHaveText('Downloaded as Priya_Raman_CV.pdf');

    // Save beside the attachment in the list, too.
    await page.keyboard.press('Escape');
    const view = new ApplicationsPage(page);
    const [again] = await Promise.all([page.waitForEvent('download'), view.attachments.getByRole('button', { name: 'Save Scorecard.csv' }).click()]);
    expect(again.suggestedFilename()).toBe('Scorecard.csv');
    expect(readFileSync(await again.path(), 'utf8')).toContain('"Lee, Sam",Systems design,4');
  });

  test('finds a candidate by a word only their résumé holds and opens it at the hit', async ({ app }) => {
    const { page } = app;
    const view = new ApplicationsPage(page);
    await expect(view.rows).toHaveCount(2);
    await view.search.fill(RESUME_WORD.toLowerCase());
    await expect(view.rows).toHaveCount(1);
    const row = view.row('Priya Raman');
    const snippet = row.getByRole('button', { name: new RegExp(RESUME_WORD, 'i') });
    await expect(snippet).toBeVisible();
    await expect(snippet.locator('mark')).toHaveText(RESUME_WORD);
    await snippet.click();
    const dialog = previewDialog(page, 'Priya_Raman_CV.pdf');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('searchbox', { name: 'Find in document' })).toHaveValue(RESUME_WORD.toLowerCase());
    await expect(dialog.locator('.find-count')).toHaveText('1 of 1');
    const hit = dialog.getByRole('region', { name: `Page ${RESUME_WORD_PAGE} of ${RESUME_PAGES}` }).locator('.pdf-hit.is-active-hit');
    await expect(hit).toHaveText(RESUME_WORD);
    await expect(hit).toBeInViewport();
  });
});

interface Beacon {
  origin: string;
  hits: string[];
}

const hostile = test.extend<object, { beacon: Beacon }>({
  beacon: [
    // Playwright reads a fixture's dependencies from its first parameter: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const hits: string[] = [];
      const server: Server = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.writeHead(204).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      await use({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits });
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: 'worker' },
  ],
  seed: async ({ beacon }, use) => use({ events: [applicationEvent(hostileApplication(beacon.origin))] }),
});

hostile.describe('hostile attachments', () => {
  hostile('HTML, SVG and PDF built to run script or call home run nothing and fetch nothing', async ({ app, beacon }) => {
    const { page } = app;
    const appOrigin = new URL(app.url!).origin;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const alerts: string[] = [];
    page.on('dialog', (prompt) => {
      alerts.push(prompt.message());
      void prompt.dismiss();
    });

    let dialog = await openPreview(page, 'Eve Mallory', 'Offer_letter.html');
    const frame = dialog.frameLocator('iframe');
    await expect(frame.getByText('we are pleased to offer you the role')).toBeVisible();
    await expect(dialog.locator('iframe')).toHaveAttribute('sandbox', '');
    // What reached the frame: no script, handler, form, frame, base, meta or remote address.
    const inner = await frame.locator('html').evaluate((html) => html.outerHTML);
    expect(inner).not.toMatch(/<script|onerror|onload|onfocus|<form|<iframe|<object|<embed|<base|http-equiv="refresh"|<link|srcset=|javascript:/i);
    expect(inner).not.toContain(beacon.origin);
    expect(inner).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // The letter's own frame exists while it is shown: the marker is unset in it and in the page.
    expect(page.frames().length).toBeGreaterThan(1);
    for (const candidate of page.frames()) {
      expect(await candidate.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }

    await page.keyboard.press('ArrowRight');
    dialog = previewDialog(page, 'Logo.svg');
    const logo = await imageSize(dialog.getByRole('img', { name: 'Preview of Logo.svg' }));
    expect(logo.width).toBe(200);

    await page.keyboard.press('ArrowRight');
    dialog = previewDialog(page, 'Eve_CV.pdf');
    await expect(dialog.locator('.pdf-page[data-painted]').first()).toBeVisible();
    await expect(dialog.locator('.textLayer').first()).toContainText('Nothing in this file may run.');
    // Of its three links only the web address is one.
    await expect(dialog.locator('a.pdf-link')).toHaveCount(1);
    await expect(dialog.locator('a.pdf-link')).toHaveAttribute('href', 'https://example.com/eve');

    // Every frame there is now (the PDF's): the marker never set.
    for (const candidate of page.frames()) {
      expect(await candidate.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    expect(alerts).toEqual([]);
    expect(beacon.hits).toEqual([]);
    const foreign = requests.filter((url) => !url.startsWith(`${appOrigin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });

  hostile('a file name with a path, NUL and a right-to-left override is shown and saved harmless', async ({ app, beacon }) => {
    const { page } = app;
    const view = new ApplicationsPage(page);
    await view.row('Eve Mallory').click();
    const item = view.attachments.getByRole('listitem').filter({ hasText: 'Eve\uFFFDCV\uFFFDfdp.exe' });
    await expect(item).toBeVisible();
    await item.getByRole('button', { name: 'Preview' }).click();
    const dialog = previewDialog(page, /Eve\uFFFDCV\uFFFDfdp\.exe/);
    await expect(dialog.getByText('A plain note with a dangerous name.')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
    const name = download.suggestedFilename();
    expect(name).not.toMatch(/[/\\\u0000\u202E]/);
    expect(name).not.toContain('..');
    expect(name).not.toBe(HOSTILE_NAME);
    expect(readFileSync(await download.path(), 'utf8')).toBe('A plain note with a dangerous name.\n');
    expect(beacon.hits).toEqual([]);
  });
});
