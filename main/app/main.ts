/**
 * The Electron entry (package.json "main": dist/app/main.js, bundled from this file).
 * Playwright starts it as `_electron.launch({ args: ['dist/app/main.js'] })`;
 * CANDIDATE_VIEWER_DB and CANDIDATE_VIEWER_USER_DATA point it at a test's own files.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesktopApp } from './start.js';

// Both this file and its bundle (dist/app/main.js) sit two folders below the app's root.
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

void startDesktopApp({ appRoot });
