/** Where the desktop app keeps its database, computed without Electron so the CLI opens the same file. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Candidate Viewer';
export const DATABASE_FILE = 'candidates.sqlite';

/** Electron's `app.getPath('userData')` for our product name, per platform. */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** `--db`, else `$CANDIDATE_VIEWER_DB`, else the desktop app's file. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CANDIDATE_VIEWER_DB;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(userDataDir(process.platform, env), DATABASE_FILE);
}
