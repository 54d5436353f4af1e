/**
 * Where the desktop app finds its files and data. No electron import: the build and
 * native scripts share these paths with the running app.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATABASE_FILE } from '../paths.js';

export interface AppLocations {
  indexHtml: string;
  /** The URL the window's page has: the only page that may call the API. */
  indexUrl: string;
  preload: string;
  /** better-sqlite3 built for this Electron, when `npm run native` made one (development). */
  nativeBinding: string | undefined;
  /** The window icon on Linux during development; packaged apps carry theirs. */
  icon: string | undefined;
}

/** Built for each Electron version, beside (never over) node_modules' build for Node. */
export function nativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, 'dist', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

export function appLocations(
  appRoot: string,
  electronVersion: string | undefined,
  exists: (path: string) => boolean = existsSync,
): AppLocations {
  const indexHtml = join(appRoot, 'dist', 'renderer', 'index.html');
  const nativeBinding = electronVersion === undefined ? undefined : nativeBindingPath(appRoot, electronVersion);
  const icon = join(appRoot, 'build', 'icon.png');
  return {
    indexHtml,
    indexUrl: pathToFileURL(indexHtml).href,
    preload: join(appRoot, 'dist', 'app', 'preload.cjs'),
    nativeBinding: nativeBinding !== undefined && exists(nativeBinding) ? nativeBinding : undefined,
    icon: exists(icon) ? icon : undefined,
  };
}

/** `$CANDIDATE_VIEWER_USER_DATA` (tests give each run its own), else Electron's default. */
export function userDataOverride(env: NodeJS.ProcessEnv): string | undefined {
  const dir = env.CANDIDATE_VIEWER_USER_DATA;
  return dir !== undefined && dir !== '' ? dir : undefined;
}

/** `$CANDIDATE_VIEWER_DB`, else the file the CLI opens by default too. */
export function databaseFile(userData: string, env: NodeJS.ProcessEnv): string {
  const file = env.CANDIDATE_VIEWER_DB;
  return file !== undefined && file !== '' ? file : join(userData, DATABASE_FILE);
}
