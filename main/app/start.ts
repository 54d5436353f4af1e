/**
 * The desktop app's life: one instance, paths, the database and API, the guarded window,
 * the menu, and an orderly quit. Every decision lives in the small modules it calls.
 */
import { app, BrowserWindow, dialog, powerMonitor, safeStorage, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../api/service.js';
import { parseKey, type DatabaseKey } from '../db/key.js';
import { DatabaseError, type Db } from '../db/open.js';
import { PRODUCT_NAME } from '../paths.js';
import { MENU_CHANNEL, type MenuCommand } from './channels.js';
import { guardWebContents, installSessionPolicy } from './guards.js';
import { registerApiIpc } from './ipc.js';
import { appLocations, databaseFile, userDataOverride, type AppLocations } from './locations.js';
import { AppLock } from './lock.js';
import { installApplicationMenu } from './menu.js';
import { SafeStorageSecretStore } from './secrets.js';
import { desktopHost } from './dialogs.js';
import { DesktopVault, VaultError, type HexKey } from './vault.js';
import { createMainWindow } from './window.js';

export interface StartOptions {
  /** The folder holding package.json and dist/ (app.asar when packaged). */
  appRoot: string;
  env?: NodeJS.ProcessEnv;
}

interface Services {
  db: Db;
  api: ApiService;
  unregisterIpc: () => void;
}

/** How long quitting waits for a running sync and the webhook receiver to stop. */
const SHUTDOWN_TIMEOUT_MS = 5000;

/** Resolves once the window is open (or the app has given up and is quitting). */
export function startDesktopApp({ appRoot, env = process.env }: StartOptions): Promise<void> {
  // Before `ready` and before the lock, which lives in userData: `electron dist/app/main.js`
  // would otherwise be named "Electron" and share that folder with every other app.
  app.setName(PRODUCT_NAME);
  app.setPath('userData', userDataOverride(env) ?? join(app.getPath('appData'), PRODUCT_NAME));
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }

  const locations = appLocations(appRoot, process.versions.electron);
  let mainWindow: BrowserWindow | null = null;
  let lock: AppLock<Services> | null = null;
  let unregisterVault: (() => void) | null = null;
  let shutdown: 'running' | 'stopping' | 'stopped' = 'running';

  const openWindow = () => {
    const window = createMainWindow(locations);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };
  const sendMenuCommand = (command: MenuCommand) => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_CHANNEL, command);
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, locations.indexUrl));
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (lock !== null && mainWindow === null) openWindow();
  });
  app.on('will-quit', (event) => {
    if (lock === null || shutdown === 'stopped') return;
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    unregisterVault?.();
    void lock.close().finally(() => {
      shutdown = 'stopped';
      app.quit();
    });
  });

  return app
    .whenReady()
    .then(async () => {
      checkBuild(locations);
      const file = databaseFile(app.getPath('userData'), env);
      const envKey = environmentKey(env);
      const vault = new DesktopVault({ userData: app.getPath('userData'), dbFile: file, storage: safeStorage, nativeBinding: locations.nativeBinding, envKey });
      lock = new AppLock<Services>({
        vault,
        startServices: (db, key) => startServices(db, key, vault, locations, () => mainWindow),
        stopServices,
        window: () => mainWindow,
        indexUrl: locations.indexUrl,
        power: powerMonitor,
        envKey,
        chooseKeyPath: () => desktopHost(() => mainWindow).chooseSavePath({ defaultName: 'candidate-viewer.key', filters: [{ name: 'Key', extensions: ['key'] }] }),
      });
      const appLock = lock;
      unregisterVault = appLock.registerIpc();
      installSessionPolicy(session.defaultSession, locations.indexUrl);
      installApplicationMenu({
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        send: sendMenuCommand,
        lock: vault.mode === 'passphrase' ? () => void appLock.lock() : undefined,
      });
      openWindow();
      await appLock.start();
    })
    .catch((error: unknown) => fail(error instanceof DatabaseError || error instanceof VaultError ? explainOpenError(error, app.isPackaged) : error));
}

function checkBuild(locations: AppLocations): void {
  for (const [file, what] of [
    [locations.indexHtml, 'the window'],
    [locations.preload, 'the preload script'],
  ] as const) {
    if (!existsSync(file)) throw new StartupError(`${file} (${what}) is missing: run \`npm run build\` first.`);
  }
}

class StartupError extends Error {}

/** `$CANDIDATE_VIEWER_DB_KEY`, as the CLI reads it: a passphrase or 64 hex digits. */
function environmentKey(env: NodeJS.ProcessEnv): DatabaseKey | null {
  const text = env.CANDIDATE_VIEWER_DB_KEY;
  if (text === undefined || text === '') return null;
  try {
    return parseKey(text, 'CANDIDATE_VIEWER_DB_KEY');
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
}

/** Opening the database with Electron's build of better-sqlite3 failed: say how to fix a Node build. */
export function explainOpenError(error: unknown, packaged: boolean): Error {
  const message = (error as Error).message;
  const wrongBuild = /NODE_MODULE_VERSION|different Node\.js version/.test(message);
  return new StartupError(
    wrongBuild && !packaged
      ? `better-sqlite3 is built for Node, not for Electron ${process.versions.electron}: run \`npm run native\` (it needs the internet once). ${message}`
      : message,
  );
}

function startServices(db: Db, key: HexKey, vault: DesktopVault, locations: AppLocations, window: () => BrowserWindow | null): Services {
  const api = createApiService({
    db,
    secrets: new SafeStorageSecretStore(db),
    host: desktopHost(window),
    // Exports read through a connection of their own, of Electron's build of better-sqlite3.
    openReader: () => vault.openReader(key),
  });
  const unregisterIpc = registerApiIpc({ api, window, indexUrl: locations.indexUrl });
  return { db, api, unregisterIpc };
}

async function stopServices({ db, api, unregisterIpc }: Services): Promise<void> {
  unregisterIpc();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.warn(`the sync did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; closing the database anyway`);
        resolve();
      }, SHUTDOWN_TIMEOUT_MS);
    });
    await Promise.race([api.close(), timeout]);
  } catch (error) {
    console.error(`while stopping the sync: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    try {
      db.close();
    } catch (error) {
      console.error(`while closing the database: ${(error as Error).message}`);
    }
  }
}

function fail(error: unknown): void {
  const message = error instanceof StartupError ? error.message : `Unexpected error: ${(error as Error)?.stack ?? String(error)}`;
  console.error(`${PRODUCT_NAME} cannot start: ${message}`);
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
  app.exit(1);
}
