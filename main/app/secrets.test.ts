import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/open.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { NO_ENCRYPTION_WARNING, NO_KEYRING_WARNING, SafeStorageSecretStore } from './secrets.js';
import { resetFakeElectron, safeStorage } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

describe('SafeStorageSecretStore', () => {
  let dir: TempDir;
  let db: Db;
  const stored = () => db.prepare("SELECT key, value FROM settings WHERE key LIKE 'secret:%' ORDER BY key").all() as { key: string; value: string }[];

  beforeEach(() => {
    resetFakeElectron();
    dir = tempDir();
    db = tempDb(dir);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  describe('with a system keyring', () => {
    it('keeps only ciphertext in the settings table, and reads it back after a restart', () => {
      const secrets = new SafeStorageSecretStore(db, { platform: 'linux' });
      expect(secrets.persisted).toBe(true);
      expect(secrets.warning).toBeNull();
      secrets.set('feedToken', 'feed-token-ÄÖ-123');
      secrets.set('apiKey', 'sk_live_abcdef');

      const rows = stored();
      expect(rows.map((row) => row.key)).toEqual(['secret:apiKey', 'secret:feedToken']);
      const everything = JSON.stringify(db.prepare('SELECT * FROM settings').all());
      expect(everything).not.toContain('feed-token');
      expect(everything).not.toContain('sk_live');
      expect(safeStorage.decryptString(Buffer.from(rows[1]!.value, 'base64'))).toBe('feed-token-ÄÖ-123');

      const afterRestart = new SafeStorageSecretStore(db, { platform: 'linux' });
      expect(afterRestart.get('feedToken')).toBe('feed-token-ÄÖ-123');
      expect(afterRestart.get('apiKey')).toBe('sk_live_abcdef');
    });

    it('forgets a secret set to empty or null, in the table too', () => {
      const secrets = new SafeStorageSecretStore(db, { platform: 'darwin' });
      secrets.set('apiKey', 'key');
      secrets.set('feedToken', 'token');
      secrets.set('apiKey', '');
      secrets.set('feedToken', null);
      expect(secrets.get('apiKey')).toBeNull();
      expect(secrets.get('feedToken')).toBeNull();
      expect(stored()).toEqual([]);
    });

    it('counts a secret it cannot decrypt (another keyring) as unset', () => {
      db.prepare("INSERT INTO settings (key, value) VALUES ('secret:apiKey', ?)").run(Buffer.from('garbage').toString('base64'));
      expect(new SafeStorageSecretStore(db, { platform: 'linux' }).get('apiKey')).toBeNull();
    });
  });

  it.each(['basic_text', 'unknown'] as const)('on Linux with the %s backend keeps secrets in memory and says why', (backend) => {
    safeStorage.backend = backend;
    const secrets = new SafeStorageSecretStore(db, { platform: 'linux' });
    expect(secrets.persisted).toBe(false);
    expect(secrets.warning).toBe(NO_KEYRING_WARNING);
    expect(secrets.warning).toMatch(/^No system keyring found: /);
    secrets.set('apiKey', 'sk_live_abcdef');
    expect(secrets.get('apiKey')).toBe('sk_live_abcdef');
    expect(stored()).toEqual([]);
    expect(new SafeStorageSecretStore(db, { platform: 'linux' }).get('apiKey')).toBeNull();
  });

  it('keeps secrets in memory and says why when encryption is unavailable', () => {
    safeStorage.available = false;
    const secrets = new SafeStorageSecretStore(db, { platform: 'win32' });
    expect(secrets.persisted).toBe(false);
    expect(secrets.warning).toBe(NO_ENCRYPTION_WARNING);
    secrets.set('feedToken', 'token');
    expect(secrets.get('feedToken')).toBe('token');
    expect(stored()).toEqual([]);
  });

  it('looks at the Linux backend only on Linux', () => {
    safeStorage.backend = 'basic_text';
    expect(new SafeStorageSecretStore(db, { platform: 'darwin' }).persisted).toBe(true);
  });
});
