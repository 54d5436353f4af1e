import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/contract.js';
import { MemorySecretStore } from '../api/secrets.js';
import { createApiService, type ApiService } from '../api/service.js';
import type { Db } from '../db/open.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { CONTENT_SECURITY_POLICY, MAX_API_BODY_BYTES, startWebServer, type WebServer, type WebServerOptions } from './server.js';

const INDEX_HTML = '<!doctype html><title>Candidate Viewer</title><div id="root"></div><script type="module" src="/assets/app.js"></script>\n';
const APP_JS = 'console.log("candidate viewer");\n';
const OUTSIDE_SECRET = 'outside-the-build-do-not-serve';

let dir: TempDir;
let db: Db;
let api: ApiService;
let staticDir: string;
let server: WebServer | undefined;
/** Resolved when the server lets go of an event listener. */
let unsubscribed: Promise<void>;

beforeEach(() => {
  dir = tempDir();
  db = tempDb(dir);
  const real = createApiService({ db, secrets: new MemorySecretStore() });
  let released: () => void = () => undefined;
  unsubscribed = new Promise((resolve) => (released = resolve));
  api = {
    dispatch: (method, request) => real.dispatch(method, request),
    onEvent(listener) {
      const stop = real.onEvent(listener);
      return () => {
        stop();
        released();
      };
    },
    close: () => real.close(),
  };
  staticDir = dir.file('site');
  mkdirSync(`${staticDir}/assets`, { recursive: true });
  writeFileSync(`${staticDir}/index.html`, INDEX_HTML);
  writeFileSync(`${staticDir}/assets/app.js`, APP_JS);
  writeFileSync(`${staticDir}/.env`, `SECRET=${OUTSIDE_SECRET}\n`);
  // What a traversal would be after: a file next to the build.
  writeFileSync(dir.file('package.json'), JSON.stringify({ secret: OUTSIDE_SECRET }));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await api.close();
  db.close();
  dir.remove();
});

async function start(options: Partial<WebServerOptions> = {}): Promise<WebServer> {
  server = await startWebServer({ api, staticDir, ...options });
  return server;
}

async function call(method: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const response = await fetch(`${server!.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server!.token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, to send what fetch would not: another Host, a raw `..` in the path. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  const port = new URL(server!.origin).port;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An open event stream read with fetch's body reader, one parsed event at a time. */
async function openEvents(token = server!.token) {
  const response = await fetch(`${server!.origin}/api/events?token=${encodeURIComponent(token)}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  /** The next message (an event, or a comment such as `: ping`). */
  async function nextMessage(): Promise<string> {
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end !== -1) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        return message;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffered += decoder.decode(value, { stream: true });
    }
  }
  async function until(type: ApiEvent['type']): Promise<ApiEvent> {
    for (;;) {
      const message = await nextMessage();
      if (!message.startsWith('data: ')) continue;
      const event = JSON.parse(message.slice('data: '.length)) as ApiEvent;
      if (event.type === type) return event;
    }
  }
  return { response, reader, nextMessage, until };
}

describe('the web face API', () => {
  it('answers contract calls with the token, and pushes sync events over SSE', async () => {
    await start();
    expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(server!.url).toBe(`${server!.origin}/?token=${server!.token}`);

    const empty = await call('listApplications', {});
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ ok: true, value: { total: 0, items: [] } });
    expect(empty.headers.get('content-type')).toMatch(/^application\/json/);
    expect(empty.headers.get('cache-control')).toBe('no-store');
    expect(empty.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const events = await openEvents();
    expect(events.response.status).toBe(200);
    expect(events.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events.response.headers.get('cache-control')).toBe('no-store');
    const started = await call('startSync', { source: { kind: 'demo', count: 30 } });
    expect(started.json).toEqual({ ok: true, value: { runId: expect.any(Number) } });
    const finished = await events.until('sync.finished');
    expect(finished).toMatchObject({ type: 'sync.finished', state: { running: null, last: { id: started.json.value.runId } } });

    expect((await call('listApplications', {})).json).toMatchObject({ ok: true, value: { total: 30 } });
    await events.reader.cancel();
    await unsubscribed;
  });

  it('pings an idle event stream with a comment', async () => {
    await start({ pingIntervalMs: 10 });
    const events = await openEvents();
    expect(await events.nextMessage()).toBe(': ping');
    await events.reader.cancel();
  });

  it('ends open event streams when it closes', async () => {
    await start();
    const events = await openEvents();
    await server!.close();
    server = undefined;
    expect((await events.reader.read()).done).toBe(true);
    await unsubscribed;
  });

  it('lets a call in flight answer before it closes', async () => {
    let entered: () => void = () => undefined;
    let release: () => void = () => undefined;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const dispatch = api.dispatch;
    api.dispatch = async (method, request) => {
      entered();
      await released;
      return dispatch(method, request);
    };
    await start();
    const answer = call('overview', {});
    await inHandler;
    const closed = server!.close();
    server = undefined;
    release();
    const { status, json, headers } = await answer;
    expect({ status, json }).toMatchObject({ status: 200, json: { ok: true, value: { applications: 0 } } });
    expect(headers.get('connection')).toBe('close');
    await closed;
  });

  it('refuses calls without the token or with a wrong one', async () => {
    await start();
    const none = await fetch(`${server!.origin}/api/overview`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toEqual({ ok: false, error: { code: 'unavailable', message: 'missing or wrong token' } });
    const wrong = await call('overview', {}, { Authorization: `Bearer ${server!.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ ok: false, error: { message: 'missing or wrong token' } });
    expect((await call('overview', {}, { Authorization: server!.token })).status).toBe(401);
    // The token in the query is for the event stream only.
    const inQuery = await fetch(`${server!.origin}/api/overview?token=${server!.token}`, { method: 'POST', body: '{}' });
    expect(inQuery.status).toBe(401);
    // Unknown methods are not revealed without the token either.
    expect((await call('dropTables', {}, { Authorization: 'Bearer nope' })).status).toBe(401);

    expect((await fetch(`${server!.origin}/api/events`)).status).toBe(401);
    const wrongStream = await fetch(`${server!.origin}/api/events?token=${'A'.repeat(43)}`);
    expect(wrongStream.status).toBe(401);
    expect(await wrongStream.json()).toMatchObject({ ok: false, error: { message: 'missing or wrong token' } });
  });

  it('refuses another Host (DNS rebinding), a foreign Origin and cross-site fetches with 403', async () => {
    await start();
    const port = new URL(server!.origin).port;
    const auth = { Authorization: `Bearer ${server!.token}` };

    expect((await raw('/api/overview', { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    expect((await raw('/api/overview', { method: 'POST', headers: { ...auth, Host: `localhost:${port}` }, body: '{}' })).status).toBe(200);
    const rebound = await raw('/api/overview', { method: 'POST', headers: { ...auth, Host: `attacker.example:${port}` }, body: '{}' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/answers only to 127\.0\.0\.1/) } });
    expect((await raw('/api/overview', { method: 'POST', headers: { ...auth, Host: '127.0.0.1' }, body: '{}' })).status).toBe(403);
    expect((await raw(`/api/events?token=${server!.token}`, { headers: { Host: `attacker.example:${port}` } })).status).toBe(403);
    // The page itself is guarded too.
    const page = await raw('/', { headers: { Host: `attacker.example:${port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Candidate Viewer');

    const foreign = await raw('/api/overview', { method: 'POST', headers: { ...auth, Origin: 'http://attacker.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    expect((await raw('/api/overview', { method: 'POST', headers: { ...auth, Origin: 'null' }, body: '{}' })).status).toBe(403);
    expect((await raw('/api/overview', { method: 'POST', headers: { ...auth, Origin: `http://localhost:${Number(port) + 1}` }, body: '{}' })).status).toBe(403);
    expect((await raw('/', { headers: { Origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await raw('/api/overview', { method: 'POST', headers: { ...auth, Origin: server!.origin }, body: '{}' })).status).toBe(200);

    expect((await call('overview', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await call('overview', {}, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await call('overview', {}, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('answers an invalid request with an envelope naming the field', async () => {
    await start();
    const answer = await call('listApplications', { limit: 'all' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^listApplications: limit: /) } });
    expect((await call('getApplication', {})).json).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/id/) } });
    // A handler's failure is data too.
    expect((await call('getApplication', { id: 'nope' })).json).toEqual({ ok: false, error: { code: 'not-found', message: 'no application with id "nope"' } });
  });

  it('treats an empty body as an empty request', async () => {
    await start();
    const response = await fetch(`${server!.origin}/api/overview`, { method: 'POST', headers: { Authorization: `Bearer ${server!.token}` } });
    expect(await response.json()).toMatchObject({ ok: true, value: { applications: 0 } });
  });

  it('answers 404 to an unknown method, 405 to anything but POST, 413 to a large body, 400 to a body that is not JSON', async () => {
    await start();
    const unknown = await call('dropTables', {});
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ ok: false, error: { code: 'not-found', message: 'unknown method "dropTables"' } });
    expect((await call('__proto__', {})).status).toBe(404);
    expect((await fetch(`${server!.origin}/api`, { method: 'POST', headers: { Authorization: `Bearer ${server!.token}` } })).status).toBe(404);

    const get = await fetch(`${server!.origin}/api/overview`, { headers: { Authorization: `Bearer ${server!.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await fetch(`${server!.origin}/api/x`)).status).toBe(405);
    const postEvents = await fetch(`${server!.origin}/api/events?token=${server!.token}`, { method: 'POST' });
    expect(postEvents.status).toBe(405);
    expect(postEvents.headers.get('allow')).toBe('GET');

    const large = await call('listApplications', JSON.stringify({ q: 'x'.repeat(MAX_API_BODY_BYTES) }));
    expect(large.status).toBe(413);
    expect(large.json).toEqual({ ok: false, error: { code: 'invalid-request', message: `the body is larger than ${MAX_API_BODY_BYTES} bytes` } });
    const chunks = async function* () {
      for (let i = 0; i < 80; i++) yield Buffer.alloc(16 * 1024, 0x20);
    };
    const streamed = await fetch(`${server!.origin}/api/overview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server!.token}` },
      body: chunks(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const notJson = await call('listApplications', '{"limit": ten}');
    expect(notJson.status).toBe(400);
    expect(notJson.json).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^the body is not valid JSON: .* line 1 column 12/) } });
    // Still serving after all that.
    expect((await call('overview', {})).status).toBe(200);
  });
});

describe('the web face page', () => {
  it('serves index.html at / with the security headers', async () => {
    await start();
    const response = await fetch(`${server!.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX_HTML);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name !== 'date' && name !== 'content-length'))).toMatchObject({
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    // With the token in the address, as the user opens it.
    expect(await (await fetch(server!.url)).text()).toBe(INDEX_HTML);
    const head = await fetch(`${server!.origin}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(INDEX_HTML)));
  });

  it('serves assets with their content type and a long cache', async () => {
    await start();
    const response = await fetch(`${server!.origin}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(APP_JS);
    expect((await fetch(`${server!.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server!.origin}/assets/app.js`, { method: 'DELETE' })).status).toBe(405);
  });

  it('never serves files outside the build or hidden ones', async () => {
    await start();
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/.env',
      '/%2eenv',
      '/assets/.%2e/.env',
    ];
    for (const path of attempts) {
      const answer = await raw(path);
      expect({ path, status: answer.status }).toEqual({ path, status: expect.toBeOneOf([400, 403, 404]) });
      expect(answer.body).not.toContain(OUTSIDE_SECRET);
      expect(answer.body).not.toContain('<!doctype html>');
    }
    expect((await raw('/%E0%A4%A')).status).toBe(400);
  });

  it('does not follow a symlink out of the build', async () => {
    symlinkSync(dir.file('package.json'), `${staticDir}/assets/leak.json`);
    await start();
    const answer = await raw('/assets/leak.json');
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(OUTSIDE_SECRET);
  });

  it('answers client-side routes with index.html and unknown files with 404', async () => {
    await start();
    const route = await fetch(`${server!.origin}/applications/abc`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await route.text()).toBe(INDEX_HTML);
    expect(await (await fetch(`${server!.origin}/assets`)).text()).toBe(INDEX_HTML);
    const missing = await fetch(`${server!.origin}/favicon.ico`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('explains with a 503 when the page is not built', async () => {
    rmSync(`${staticDir}/index.html`);
    await start();
    const response = await fetch(`${server!.origin}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/npx vite build/);
    // The API does not need the page.
    expect((await call('overview', {})).status).toBe(200);
  });
});

describe('starting the web face', () => {
  it('binds 127.0.0.1 only', async () => {
    await expect(startWebServer({ api, staticDir, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/binds 127\.0\.0\.1 only/);
    await expect(startWebServer({ api, staticDir, host: 'localhost' as '127.0.0.1' })).rejects.toThrow(/binds 127\.0\.0\.1 only/);
  });

  it('takes a given token, but not a weak or URL-unsafe one', async () => {
    await start({ token: 'a-fixed-token-for-this-test' });
    expect(server!.url).toMatch(/\/\?token=a-fixed-token-for-this-test$/);
    await expect(startWebServer({ api, staticDir, token: 'short' })).rejects.toThrow(/at least 16/);
    await expect(startWebServer({ api, staticDir, token: 'has space and & more' })).rejects.toThrow(/token/);
  });
});
