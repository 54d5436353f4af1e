import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES } from '../../shared/api/contract.js';
import { looksEncrypted } from '../db/key.js';
import { openDatabase } from '../db/open.js';
import { tempDir, type TempDir } from '../testing/temp.js';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { startDesktopApp } from './start.js';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  powerMonitor,
  resetFakeElectron,
  safeStorage,
  session,
  shell,
  type FakeBrowserWindow,
} from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

describe('the desktop app', () => {
  let dir: TempDir;
  let appRoot: string;
  let env: NodeJS.ProcessEnv;

  const indexHtml = () => join(appRoot, 'dist', 'renderer', 'index.html');
  const indexUrl = () => pathToFileURL(indexHtml()).href;
  const theWindow = (): FakeBrowserWindow => {
    expect(BrowserWindow.all).toHaveLength(1);
    return BrowserWindow.all[0]!;
  };
  const quit = async () => {
    app.quit();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
  };

  beforeEach(() => {
    resetFakeElectron();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    dir = tempDir();
    appRoot = dir.file('app');
    mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
    mkdirSync(join(appRoot, 'dist', 'app'), { recursive: true });
    writeFileSync(indexHtml(), '<!doctype html><title>Candidate Viewer</title>');
    writeFileSync(join(appRoot, 'dist', 'app', 'preload.cjs'), '');
    app.setPath('appData', dir.file('appData'));
    env = { CANDIDATE_VIEWER_USER_DATA: dir.file('user-data'), CANDIDATE_VIEWER_DB: dir.file('test.sqlite') };
  });
  afterEach(async () => {
    if (app.listenerCount('will-quit') > 0 && !app.quitted) await quit();
    dir.remove();
  });

  describe('once started', () => {
    beforeEach(async () => {
      await startDesktopApp({ appRoot, env });
    });

    it("is named, keeps its data where it is told, sandboxes every page and opens the test's database", () => {
      expect(app.getName()).toBe('Candidate Viewer');
      expect(app.getPath('userData')).toBe(dir.file('user-data'));
      expect(app.sandboxEnabled).toBe(true);
      expect(existsSync(dir.file('test.sqlite'))).toBe(true);
      expect(dialog.errors).toEqual([]);
    });

    it('opens one window on the built page, shown only when ready', () => {
      const window = theWindow();
      expect(window.options).toMatchObject({ title: 'Candidate Viewer', show: false, backgroundColor: '#ffffff' });
      expect(window.options.minWidth).toBeGreaterThanOrEqual(800);
      expect(window.options.minHeight).toBeGreaterThanOrEqual(500);
      expect(window.loadedFile).toBe(indexHtml());
      expect(window.visible).toBe(false);
      window.emit('ready-to-show');
      expect(window.visible).toBe(true);
    });

    it('gives the page isolated, sandboxed web preferences with the built preload', () => {
      expect(theWindow().options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: true,
        preload: join(appRoot, 'dist', 'app', 'preload.cjs'),
      });
    });

    it('sends the content security policy with every response, so inline script cannot run', () => {
      const headers = session.defaultSession.respond(indexUrl(), { 'Content-Type': ['text/html'], 'content-security-policy': ["script-src 'unsafe-inline'"] });
      expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
      const scriptSources = /(?:^|;\s*)script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1];
      expect(scriptSources).toBe("'self'");
    });

    it("denies the page's permission requests", () => {
      for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read', 'display-capture']) {
        expect(session.defaultSession.requestPermission(permission, indexUrl())).toBe(false);
      }
      expect(session.defaultSession.permissionCheckHandler?.(null, 'media', 'file:///', { requestingUrl: indexUrl() })).toBe(false);
    });

    it('keeps the window on its page: navigation and redirects elsewhere are prevented', () => {
      const contents = theWindow().webContents;
      expect(contents.navigate('https://evil.example/phish')).toBe(false);
      expect(contents.navigate('file:///etc/passwd')).toBe(false);
      expect(contents.navigate('https://evil.example/', 'will-redirect')).toBe(false);
      expect(contents.navigate(`${indexUrl()}#/applications`)).toBe(true);
      expect(contents.attachWebview()).toBe(false);
    });

    it('opens no window: http(s) links go to the browser, file: and javascript: nowhere', () => {
      const contents = theWindow().webContents;
      for (const url of ['https://www.linkedin.com/in/x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://good.com@evil.com']) {
        expect(contents.openWindow(url)).toEqual({ action: 'deny' });
      }
      expect(shell.opened).toEqual(['https://www.linkedin.com/in/x']);
      expect(BrowserWindow.all).toHaveLength(1);
    });

    it('guards any other web contents the same way', () => {
      const other = new BrowserWindow({}).webContents;
      expect(other.navigate('https://evil.example/')).toBe(false);
      expect(other.openWindow('https://example.com/')).toEqual({ action: 'deny' });
      expect(other.attachWebview()).toBe(false);
    });

    it("answers the API over IPC to its page only, from the test's database", async () => {
      expect([...ipcMain.handlers.keys()].sort()).toEqual([...API_METHOD_NAMES.map((method) => `api:${method}`), 'vault:exportKey', 'vault:lock', 'vault:state', 'vault:unlock'].sort());
      const window = theWindow();
      await expect(ipcMain.invoke('api:overview', { sender: window.webContents }, {})).resolves.toEqual({
        ok: true,
        value: { applications: 0, deleted: 0, jobs: 0, lastSyncedAt: null },
      });
      await expect(ipcMain.invoke('api:getApplication', { sender: window.webContents }, { id: '' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
      const foreign = new BrowserWindow({});
      await foreign.loadFile(indexHtml());
      await expect(ipcMain.invoke('api:overview', { sender: foreign.webContents }, {})).resolves.toMatchObject({ ok: false });
    });

    it('keeps secrets with the system keyring', async () => {
      const answer = (await ipcMain.invoke('api:getSettings', { sender: theWindow().webContents }, {})) as any;
      expect(answer.value).toMatchObject({ secretsPersisted: true, secretsWarning: null });
    });

    it("sends the menu's Sync Now to the page", () => {
      const file = Menu.applicationMenu?.template.find((item) => item.label === 'File');
      const syncNow = (file?.submenu as any[]).find((item) => item.label === 'Sync Now');
      expect(syncNow.accelerator).toBe('CmdOrCtrl+Shift+S');
      syncNow.click();
      expect(theWindow().webContents.sent).toContainEqual({ channel: 'menu:command', args: ['sync-now'] });
    });

    it('brings its window forward when started a second time', () => {
      const window = theWindow();
      window.minimized = true;
      app.emit('second-instance', {}, [], '');
      expect(window.minimized).toBe(false);
      expect(window.focused).toBe(true);
    });

    it('on quit stops the API and closes the database first', async () => {
      const wal = `${dir.file('test.sqlite')}-wal`;
      expect(existsSync(wal)).toBe(true);
      await quit();
      expect(app.quitRequests).toBe(2);
      expect(ipcMain.handlers.size).toBe(0);
      // The last connection to close checkpoints and removes the WAL file.
      expect(existsSync(wal)).toBe(false);
    });

    it('quits when its window closes (but not on macOS)', async () => {
      theWindow().close();
      app.emit('window-all-closed');
      if (process.platform !== 'darwin') await vi.waitFor(() => expect(app.quitted).toBe(true));
    });
  });

  it('opens the database in its user data folder unless told otherwise', async () => {
    delete env.CANDIDATE_VIEWER_DB;
    await startDesktopApp({ appRoot, env });
    expect(existsSync(join(dir.file('user-data'), 'candidates.sqlite'))).toBe(true);
  });

  it('without CANDIDATE_VIEWER_USER_DATA keeps its data under its own name', async () => {
    delete env.CANDIDATE_VIEWER_USER_DATA;
    await startDesktopApp({ appRoot, env });
    expect(app.getPath('userData')).toBe(join(dir.file('appData'), 'Candidate Viewer'));
  });

  it('with a keyring, creates the database encrypted with a key kept only by safeStorage', async () => {
    await startDesktopApp({ appRoot, env });
    expect(looksEncrypted(dir.file('test.sqlite'))).toBe(true);
    const stored = readFileSync(join(dir.file('user-data'), 'database.key'));
    expect(safeStorage.decryptString(stored)).toMatch(/^[0-9a-f]{64}$/);
    const contents = theWindow().webContents;
    await expect(ipcMain.invoke('vault:state', { sender: contents })).resolves.toEqual({ status: 'unlocked', canLock: false, idleMinutes: 15 });
    expect(theWindow().contentProtection).toBe(false);
    // Nothing to unlock with: Lock Now is not offered.
    await ipcMain.invoke('vault:lock', { sender: contents });
    await expect(ipcMain.invoke('api:overview', { sender: contents }, {})).resolves.toMatchObject({ ok: true });
  });

  it('opens with a key given in CANDIDATE_VIEWER_DB_KEY, as the CLI does, without a keyring or a passphrase', async () => {
    safeStorage.backend = 'basic_text';
    const hex = 'ab12'.repeat(16);
    await startDesktopApp({ appRoot, env: { ...env, CANDIDATE_VIEWER_DB_KEY: hex } });
    const contents = theWindow().webContents;
    await expect(ipcMain.invoke('vault:state', { sender: contents })).resolves.toEqual({ status: 'unlocked', canLock: false, idleMinutes: 15 });
    await expect(ipcMain.invoke('api:overview', { sender: contents }, {})).resolves.toMatchObject({ ok: true });
    expect(existsSync(join(dir.file('user-data'), 'database.key'))).toBe(false);
    await quit();
    openDatabase(dir.file('test.sqlite'), { readonly: true, key: { kind: 'hex', hex } }).close();
  });

  it('encrypts the plaintext database of an earlier version at start', async () => {
    const plain = openDatabase(dir.file('test.sqlite'));
    plain.prepare("INSERT INTO settings (key, value) VALUES ('note', 'Plaintext-Canary')").run();
    plain.close();
    await startDesktopApp({ appRoot, env });
    expect(looksEncrypted(dir.file('test.sqlite'))).toBe(true);
    expect(readFileSync(dir.file('test.sqlite')).includes('Plaintext-Canary')).toBe(false);
    await expect(ipcMain.invoke('api:overview', { sender: theWindow().webContents }, {})).resolves.toMatchObject({ ok: true });
  });

  describe.runIf(process.platform === 'linux')('without a keyring (basic_text)', () => {
    beforeEach(async () => {
      safeStorage.backend = 'basic_text';
      await startDesktopApp({ appRoot, env });
    });
    const contents = () => theWindow().webContents;
    const unlock = (passphrase: unknown) => ipcMain.invoke('vault:unlock', { sender: contents() }, passphrase);

    it('waits locked for a passphrase, with no API and no candidate data on screen', async () => {
      await expect(ipcMain.invoke('vault:state', { sender: contents() })).resolves.toEqual({
        status: 'locked',
        firstTime: true,
        why: expect.stringMatching(/^No system keyring found: /),
      });
      expect(theWindow().contentProtection).toBe(true);
      expect(existsSync(dir.file('test.sqlite'))).toBe(false);
      await expect(ipcMain.invoke('api:overview', { sender: contents() }, {})).rejects.toThrow(/No handler registered/);
      // Only the app's own page may unlock.
      const stranger = new BrowserWindow({}).webContents;
      await expect(ipcMain.invoke('vault:unlock', { sender: stranger }, 'a long passphrase')).resolves.toEqual({ ok: false, message: 'refused' });
    });

    it('unlocks with the passphrase, and locks on Lock Now and when the OS locks the screen or sleeps', async () => {
      await expect(unlock('short')).resolves.toEqual({ ok: false, message: 'Choose a passphrase of at least 8 characters.' });
      await expect(unlock('correct horse battery')).resolves.toEqual({ ok: true });
      expect(looksEncrypted(dir.file('test.sqlite'))).toBe(true);
      expect(contents().sent.at(-1)).toEqual({ channel: 'vault:changed', args: [{ status: 'unlocked', canLock: true, idleMinutes: 15 }] });
      const settings = (await ipcMain.invoke('api:getSettings', { sender: contents() }, {})) as any;
      expect(settings.value).toMatchObject({ secretsPersisted: false, secretsWarning: expect.stringMatching(/^No system keyring found: /) });

      // Lock Now (the menu's Cmd/Ctrl+L, or the page).
      const file = Menu.applicationMenu!.template.find((menu) => menu.label === 'File') as any;
      const lockNow = file.submenu.find((item: any) => item.label === 'Lock Now');
      expect(lockNow.accelerator).toBe('CmdOrCtrl+L');
      lockNow.click();
      await vi.waitFor(() => expect(contents().sent.at(-1)?.args[0]).toMatchObject({ status: 'locked', firstTime: false }));
      await vi.waitFor(() => expect(ipcMain.handlers.has('api:overview')).toBe(false));
      expect(theWindow().contentProtection).toBe(true);

      await expect(unlock('wrong horse battery')).resolves.toEqual({ ok: false, message: 'That passphrase does not open the database.' });
      for (const event of ['lock-screen', 'suspend'] as const) {
        await expect(unlock('correct horse battery')).resolves.toEqual({ ok: true });
        powerMonitor.emit(event);
        await vi.waitFor(() => expect(ipcMain.handlers.has('api:overview')).toBe(false));
      }
    });
  });

  it("matches the window's background to a dark theme", async () => {
    nativeTheme.shouldUseDarkColors = true;
    await startDesktopApp({ appRoot, env });
    expect(theWindow().options.backgroundColor).toBe('#1e1e1e');
  });

  it('leaves when another instance already runs', async () => {
    app.lockAvailable = false;
    await startDesktopApp({ appRoot, env });
    expect(app.quitRequests).toBe(1);
    expect(BrowserWindow.all).toEqual([]);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('says what to do when the built page is missing, and exits', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    rmSync(indexHtml());
    await startDesktopApp({ appRoot, env });
    expect(dialog.errors).toEqual([{ title: 'Candidate Viewer cannot start', content: expect.stringContaining('npm run build') }]);
    expect(app.exitCode).toBe(1);
    expect(BrowserWindow.all).toEqual([]);
  });

  it('says why when the database is from a newer app, and exits', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Database = (await import('better-sqlite3')).default;
    const newer = new Database(dir.file('test.sqlite'));
    newer.pragma('user_version = 999999');
    newer.close();
    await startDesktopApp({ appRoot, env });
    expect(dialog.errors[0]?.content).toMatch(/newer Candidate Viewer/);
    expect(app.exitCode).toBe(1);
  });
});
