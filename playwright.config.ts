/**
 * e2e: by default the web face in Debian's Chromium (no browser download here); the same
 * specs run against the Electron app where an Electron binary is installed
 * (CANDIDATE_VIEWER_E2E=electron, or automatically when `electron` resolves to a binary).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig, type PlaywrightTestProject } from '@playwright/test';
import { chromiumLaunchOptions } from './main/testing/browser.js';

const require = createRequire(import.meta.url);

/** The installed Electron binary, found without `require('electron')` (which downloads when missing). */
export function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}


const projects: PlaywrightTestProject[] = [];
if (process.env.CANDIDATE_VIEWER_E2E !== 'electron') {
  projects.push({
    name: 'web-chromium',
    use: {
      browserName: 'chromium',
      launchOptions: chromiumLaunchOptions(),
    },
  });
}
if (process.env.CANDIDATE_VIEWER_E2E === 'electron' || (process.env.CANDIDATE_VIEWER_E2E !== 'web' && electronBinary() !== null)) {
  projects.push({ name: 'electron', testIgnore: /web-face\.spec\.ts$/ });
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects,
});
