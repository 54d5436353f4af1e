import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../api/secrets.js';
import { createApiService, type ApiService } from '../api/service.js';
import type { Db } from '../db/open.js';
import { demoSourceItems } from '../sync/sources/demo/index.js';
import { runImport } from '../sync/run.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { startWebServer, type WebServer } from './server.js';

let dir: TempDir;
let db: Db;
let api: ApiService;
let server: WebServer;

beforeAll(async () => {
  dir = tempDir();
  db = tempDb(dir);
  await runImport(db, demoSourceItems({ count: 300, seed: 'h6-web' }), { source: 'demo' });
  api = createApiService({ db, secrets: new MemorySecretStore() });
  const site = dir.file('site');
  mkdirSync(site);
  writeFileSync(`${site}/index.html`, '<!doctype html>');
  server = await startWebServer({ api, staticDir: site });
});
afterAll(async () => {
  await server.close();
  await api.close();
  db.close();
  dir.remove();
});

const post = (method: string, body: unknown, token = server.token) =>
  fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

describe('exports over the web face', () => {
  it('arrive as a download named for the filters, holding what the list shows', async () => {
    const query = { origin: ['REFERRAL'], sort: 'appliedAt', order: 'asc' };
    const started = await post('exportApplications', { query, columns: ['id', 'candidateName', 'appliedAt'], format: 'csv', exportId: 'web-download' });
    const result = (await started.json()) as { ok: true; value: { outcome: string; fileName: string; rows: number } };
    expect(result).toMatchObject({ ok: true, value: { outcome: 'download', fileName: expect.stringMatching(/^applications-referral-\d{4}-\d{2}-\d{2}\.csv$/) } });
    const { fileName } = result.value;

    const download = await post('downloadExport', { exportId: 'web-download' });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toBe('no-store');
    const text = await download.text();
    expect(download.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));

    const list = (await (await post('listApplications', { ...query, limit: 1000 })).json()) as {
      value: { items: { id: string; candidateName: string | null; appliedAt: string | null }[] };
    };
    const records = parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toEqual(list.value.items.map((item) => ({ id: item.id, candidateName: item.candidateName ?? '', appliedAt: item.appliedAt ?? '' })));
    expect(records).toHaveLength(result.value.rows);
  });

  it('hands a file only to the page holding the token, and only once', async () => {
    await post('exportApplications', { format: 'xlsx', exportId: 'guarded' });
    expect((await post('downloadExport', { exportId: 'guarded' }, 'wrong-token-wrong-token')).status).toBe(401);
    const download = await post('downloadExport', { exportId: 'guarded' });
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // An XLSX is a zip.
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    const again = await post('downloadExport', { exportId: 'guarded' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
