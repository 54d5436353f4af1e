import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_META_HEADER } from '../../shared/api/attachments.js';
import { MemorySecretStore } from '../api/secrets.js';
import { createApiService, type ApiService } from '../api/service.js';
import type { Db } from '../db/open.js';
import { runImport } from '../sync/run.js';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { startWebServer, type WebServer } from './server.js';

const LETTER = Buffer.from('<!doctype html><script>window.__pwned = 1</script><p>Dear team, café</p>');

let dir: TempDir;
let db: Db;
let api: ApiService;
let server: WebServer;

beforeEach(async () => {
  dir = tempDir();
  db = tempDb(dir);
  await runImport(db, [{ source: 't:1', value: applicationWithAttachments('app_1', [{ name: 'Lettre d’Ada.pdf', bytes: LETTER }]) }], { source: 't' });
  api = createApiService({ db, secrets: new MemorySecretStore() });
  const site = dir.file('site');
  mkdirSync(site);
  writeFileSync(`${site}/index.html`, '<!doctype html>');
  server = await startWebServer({ api, staticDir: site });
});

afterEach(async () => {
  await server.close();
  await api.close();
  db.close();
  dir.remove();
});

const post = (method: string, body: unknown, token = server.token) =>
  fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

describe('attachments over the web face', () => {
  it('come raw, typed from their bytes, as a sandboxed download that the browser may not sniff', async () => {
    const response = await post('getAttachmentContent', { id: 'app_1', n: 1 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Lettre d_Ada.pdf"; filename*=UTF-8''Lettre%20d%E2%80%99Ada.pdf`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(LETTER)).toBe(true);
    const meta = JSON.parse(decodeURIComponent(response.headers.get(ATTACHMENT_META_HEADER)!));
    expect(meta).toEqual({
      fileName: 'Lettre d’Ada.pdf',
      mediaType: 'text/html',
      kind: 'html',
      size: LETTER.length,
      sha256: createHash('sha256').update(LETTER).digest('hex'),
    });
  });

  it('still need the token, and answer errors as envelopes', async () => {
    expect((await post('getAttachmentContent', { id: 'app_1', n: 1 }, 'wrong-token-wrong-token')).status).toBe(401);
    const missing = await post('getAttachmentContent', { id: 'app_1', n: 2 });
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('has 1 attachment') } });
  });
});
