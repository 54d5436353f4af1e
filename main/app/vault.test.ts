import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { looksEncrypted } from '../db/key.js';
import { KeyRequiredError, openDatabase } from '../db/open.js';
import { tempDir, type TempDir } from '../testing/temp.js';
import { resetFakeElectron, safeStorage } from './testing/fake-electron.js';
import { DesktopVault, VaultError } from './vault.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const CANARY = 'Philippa-Canary-Vault';

describe('DesktopVault', () => {
  let dir: TempDir;
  let dbFile: string;
  const sleeps: number[] = [];
  const vault = () => new DesktopVault({ userData: dir.path, dbFile, storage: safeStorage, platform: 'linux', sleep: async (ms) => void sleeps.push(ms) });

  beforeEach(() => {
    resetFakeElectron();
    sleeps.length = 0;
    dir = tempDir('cv-vault-');
    dbFile = dir.file('candidates.sqlite');
  });
  afterEach(() => dir.remove());

  describe('with a system keyring', () => {
    it('makes a random key on first run, keeps it only as safeStorage ciphertext, and creates the database encrypted', async () => {
      const first = vault();
      expect(first.mode).toBe('keyring');
      const key = first.keyringKey();
      const stored = readFileSync(dir.file('database.key'));
      expect(stored.includes(key.hex)).toBe(false);
      expect(safeStorage.decryptString(stored)).toBe(key.hex);

      const { db } = await first.open(key);
      db.prepare("INSERT INTO settings (key, value) VALUES ('note', ?)").run(CANARY);
      db.close();
      expect(looksEncrypted(dbFile)).toBe(true);
      expect(() => openDatabase(dbFile)).toThrow(KeyRequiredError);
      // After a restart: the same key, the same data.
      const again = vault();
      expect(again.keyringKey()).toEqual(key);
      const reopened = (await again.open(again.keyringKey())).db;
      expect(reopened.prepare("SELECT value FROM settings WHERE key = 'note'").get()).toEqual({ value: CANARY });
      reopened.close();
    });

    it('encrypts the plaintext database of an earlier version in place, with progress', async () => {
      const plain = openDatabase(dbFile);
      plain.prepare("INSERT INTO settings (key, value) VALUES ('note', ?)").run(CANARY);
      plain.close();
      const v = vault();
      expect(v.needsEncryption()).toBe(true);
      const progress: number[] = [];
      const { db } = await v.open(v.keyringKey(), (done, total) => progress.push(done / total));
      expect(db.prepare("SELECT value FROM settings WHERE key = 'note'").get()).toEqual({ value: CANARY });
      db.close();
      expect(progress.at(-1)).toBe(1);
      const bytes = Buffer.concat(readdirSync(dir.path).filter((f) => f.startsWith('candidates')).map((f) => readFileSync(dir.file(f))));
      expect(bytes.includes(CANARY)).toBe(false);
    });

    it('refuses to start over when the database is encrypted but its key file is gone', async () => {
      const v = vault();
      (await v.open(v.keyringKey())).db.close();
      rmSync(dir.file('database.key'));
      expect(() => vault().keyringKey()).toThrow(/is encrypted, but its key is not in/);
    });
  });

  describe('without a keyring (basic_text)', () => {
    beforeEach(() => {
      safeStorage.backend = 'basic_text';
    });

    it('asks for a passphrase: the first one sets it (at least 8 characters), later ones must match and are slowed down', async () => {
      const v = vault();
      expect(v.mode).toBe('passphrase');
      expect(v.keyringProblem).toMatch(/No system keyring/);
      expect(v.hasPassphrase()).toBe(false);
      await expect(v.open({ kind: 'passphrase', passphrase: 'short' })).rejects.toThrow(/at least 8 characters/);
      const { db, key } = await v.open({ kind: 'passphrase', passphrase: 'a long enough passphrase' });
      expect(key.kind).toBe('hex');
      db.close();
      expect(v.hasPassphrase()).toBe(true);
      expect(readdirSync(dir.path)).not.toContain('database.key');

      const later = vault();
      await expect(later.open({ kind: 'passphrase', passphrase: 'wrong one!' })).rejects.toThrow(VaultError);
      await expect(later.open({ kind: 'passphrase', passphrase: 'wrong two!' })).rejects.toThrow('That passphrase does not open the database.');
      await expect(later.open({ kind: 'passphrase', passphrase: 'wrong three' })).rejects.toThrow(VaultError);
      expect(sleeps).toEqual([500, 1000]);
      const right = await later.open({ kind: 'passphrase', passphrase: 'a long enough passphrase' });
      right.db.close();
      expect(sleeps).toEqual([500, 1000, 2000]);
      // Success resets the wait.
      (await later.open({ kind: 'passphrase', passphrase: 'a long enough passphrase' })).db.close();
      expect(sleeps).toHaveLength(3);
      expect(() => later.keyringKey()).toThrow(/no system keyring/);
    });
  });
});
