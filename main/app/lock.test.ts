import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { openDatabase, type Db } from '../db/open.js';
import { tempDir, type TempDir } from '../testing/temp.js';
import { AppLock, type PowerEvents } from './lock.js';
import { BrowserWindow, resetFakeElectron, safeStorage } from './testing/fake-electron.js';
import { DesktopVault } from './vault.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

class Power extends EventEmitter implements PowerEvents {
  idle = 0;
  getSystemIdleTime(): number {
    return this.idle;
  }
}

describe('AppLock', () => {
  let dir: TempDir;
  let power: Power;
  let opened: Db[];
  let stopped: number;
  let lock: AppLock<Db>;
  let chosen: string | null = null;

  beforeEach(() => {
    resetFakeElectron();
    safeStorage.backend = 'basic_text';
    dir = tempDir('cv-lock-');
    power = new Power();
    opened = [];
    stopped = 0;
    const window = new BrowserWindow({}) as unknown as import('electron').BrowserWindow;
    lock = new AppLock<Db>({
      vault: new DesktopVault({ userData: dir.path, dbFile: dir.file('cv.sqlite'), storage: safeStorage, platform: 'linux' }),
      startServices: (db) => {
        opened.push(db);
        return db;
      },
      stopServices: async (db) => {
        stopped++;
        db.close();
      },
      window: () => window,
      indexUrl: 'file:///app/index.html',
      power,
      idleMinutes: 1,
      idleCheckMs: 5,
      chooseKeyPath: async () => chosen,
    });
  });
  afterEach(async () => {
    await lock.close();
    dir.remove();
  });

  it('locks once the system has been idle for the set time, closing the database', async () => {
    await lock.start();
    expect(lock.state).toMatchObject({ status: 'locked', firstTime: true });
    await expect(lock.unlock('a passphrase long enough')).resolves.toEqual({ ok: true });
    expect(lock.state).toEqual({ status: 'unlocked', canLock: true, idleMinutes: 1 });
    power.idle = 59;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(lock.state.status).toBe('unlocked');
    power.idle = 60;
    await vi.waitFor(() => expect(lock.state).toEqual({ status: 'locked', firstTime: false, why: null }));
    expect(stopped).toBe(1);
    expect(opened[0]!.open).toBe(false);
    expect(lock.services).toBeNull();
  });

  it('exports the key only while unlocked, readable by its owner only, and it opens the database', async () => {
    await lock.start();
    expect(await lock.exportKey()).toEqual({ ok: false, message: 'Unlock the app first.' });
    await lock.unlock('a passphrase long enough');
    chosen = null;
    expect(await lock.exportKey()).toEqual({ ok: true, path: null });
    chosen = dir.file('exported.key');
    expect(await lock.exportKey()).toEqual({ ok: true, path: chosen });
    const hex = readFileSync(chosen, 'utf8');
    expect(hex).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(chosen).mode & 0o777).toBe(0o600);
    await lock.lock();
    const db = openDatabase(dir.file('cv.sqlite'), { readonly: true, key: { kind: 'hex', hex: hex.trim() } });
    expect(db.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 0 });
    db.close();
    expect(await lock.exportKey()).toEqual({ ok: false, message: 'Unlock the app first.' });
  });

  it('takes one unlock at a time', async () => {
    await lock.start();
    const [first, second] = await Promise.all([lock.unlock('a passphrase long enough'), lock.unlock('a passphrase long enough')]);
    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true });
    expect(opened).toHaveLength(1);
  });
});
