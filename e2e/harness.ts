/**
 * Each test gets its own data folder and database, seeded through the real CLI, and the
 * app on top of it: the web face in Chromium by default, the Electron app in the
 * `electron` project. Tests wait on what the app shows, never on time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type Page } from '@playwright/test';
import { startWebFace } from '../main/testing/browser.js';

export { startWebFace };

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The Electron project's database key (the web face opens the seeded plaintext file as it is). */
export const E2E_DB_KEY = 'e2e0'.repeat(16);

export type Seed = { demo: number; seed?: string } | { events: unknown[] } | 'empty';

export interface AppUnderTest {
  page: Page;
  /** The web face's base URL with its token (web project only). */
  url: string | null;
  db: string;
  dir: string;
  /** Gives the page this much room: the browser's viewport, or the Electron window's content. */
  resize(width: number, height: number): Promise<void>;
}

function runCli(args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli.ts'), ...args], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${run.stderr}`);
}

export function seedDatabase(db: string, dir: string, seed: Seed): void {
  if (seed === 'empty') return;
  if ('demo' in seed) {
    runCli(['sync', '--demo', '--count', String(seed.demo), '--seed', seed.seed ?? 'e2e', '--db', db]);
    return;
  }
  const file = join(dir, 'events.ndjson');
  writeFileSync(file, seed.events.map((event) => JSON.stringify(event)).join('\n'));
  runCli(['sync', file, '--db', db]);
}


export const test = base.extend<{ seed: Seed; app: AppUnderTest }>({
  seed: [{ demo: 300 }, { option: true }],
  app: async ({ seed, browser }, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-e2e-'));
    const db = join(dir, 'candidates.sqlite');
    seedDatabase(db, dir, seed);
    if (testInfo.project.name === 'electron') {
      const electronApp = await _electron.launch({
        // Chromium refuses to run as root without --no-sandbox (containers, CI).
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(REPO, 'dist/app/main.js')],
        // A key of the test's own, so the window opens without a keyring or a passphrase (CI has neither).
        env: { ...process.env, CANDIDATE_VIEWER_DB: db, CANDIDATE_VIEWER_USER_DATA: join(dir, 'user-data'), CANDIDATE_VIEWER_DB_KEY: E2E_DB_KEY },
      });
      const page = await electronApp.firstWindow();
      const resize = async (width: number, height: number) => {
        await electronApp.evaluate(({ BrowserWindow }, size) => BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height), { width, height });
      };
      await use({ page, url: null, db, dir, resize });
      await electronApp.close();
    } else {
      const { url, child } = await startWebFace(db);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await use({ page, url, db, dir, resize: (width, height) => page.setViewportSize({ width, height }) });
      await context.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
