import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../api/secrets.js';
import { createApiService, type ApiService } from '../api/service.js';
import type { Db } from '../db/open.js';
import { runImport } from '../sync/run.js';
import { applicationEvent } from '../testing/events.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { retentionCutoff } from './retention.js';

describe('retentionCutoff', () => {
  it('goes back calendar months, to the end of a shorter month', () => {
    expect(retentionCutoff(6, new Date('2026-12-04T10:00:00Z'))).toBe('2026-06-04T10:00:00.000Z');
    expect(retentionCutoff(1, new Date('2026-03-31T00:00:00Z'))).toBe('2026-02-28T00:00:00.000Z');
    expect(retentionCutoff(12, new Date('2024-02-29T12:00:00Z'))).toBe('2023-02-28T12:00:00.000Z');
  });
});

describe('the retention setting', () => {
  let dir: TempDir;
  let db: Db;
  let api: ApiService;
  const ids = () => (db.prepare('SELECT id FROM applications ORDER BY id').all() as { id: string }[]).map((r) => r.id);

  beforeEach(async () => {
    dir = tempDir('cv-retention-');
    db = tempDb(dir);
    const old = '2020-01-01T00:00:00Z';
    await runImport(
      db,
      [
        applicationEvent({ id: 'old_rejected', status: 'REJECTED', updatedAt: old }),
        applicationEvent({ id: 'old_hired', status: 'HIRED', updatedAt: old }),
        applicationEvent({ id: 'old_active', status: 'ACTIVE', updatedAt: old }),
        applicationEvent({ id: 'new_rejected', status: 'REJECTED', updatedAt: new Date().toISOString() }),
      ].map((value, i) => ({ source: `t:${i}`, value })),
      { source: 'test' },
    );
    api = createApiService({ db, secrets: new MemorySecretStore(null) });
  });
  afterEach(async () => {
    await api.close();
    db.close();
    dir.remove();
  });

  it('is off by default, shows what it would remove, and erases closed applications once turned on', async () => {
    expect(await api.dispatch('getSettings', {})).toMatchObject({ ok: true, value: { retentionMonths: 0 } });
    expect(ids()).toEqual(['new_rejected', 'old_active', 'old_hired', 'old_rejected']);
    expect(await api.dispatch('previewRetention', { months: 12 })).toMatchObject({ ok: true, value: { applications: 2, before: expect.any(String) } });
    expect(ids()).toHaveLength(4);
    expect(await api.dispatch('saveSettings', { retentionMonths: 12 })).toMatchObject({ ok: true, value: { retentionMonths: 12 } });
    expect(ids()).toEqual(['new_rejected', 'old_active']);
    expect(await api.dispatch('previewRetention', { months: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('applies at start and after each sync', async () => {
    await api.dispatch('saveSettings', { retentionMonths: 12 });
    await runImport(db, [{ source: 't', value: applicationEvent({ id: 'late_hired', status: 'HIRED', updatedAt: '2019-05-01T00:00:00Z' }) }], { source: 'later' });
    expect(ids()).toContain('late_hired');
    await api.close();
    api = createApiService({ db, secrets: new MemorySecretStore(null) });
    expect(ids()).not.toContain('late_hired');
  });
});
