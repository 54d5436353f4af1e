import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, type ApiEvent } from '../../shared/api/contract';
import { connectionFromPreload, createEventStream, createHttpClient, takeTokenFromUrl } from './client';
import type { PreloadApi } from './preload-api';

type FetchCall = { url: string; init: RequestInit };

function fakeFetch(reply: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return reply(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the web client', () => {
  it('posts JSON to /api/<method> with the bearer token and returns the envelope', async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, value: { total: 0, items: [] } }));
    const client = createHttpClient({ token: 't0k', fetch });
    const answer = await client.listApplications({ q: 'anna', limit: 100, offset: 200 });
    expect(answer).toEqual({ ok: true, value: { total: 0, items: [] } });
    expect(calls[0]!.url).toBe('/api/listApplications');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ q: 'anna', limit: 100, offset: 200 });
  });

  it('turns a raw file answer back into the contract shape, bytes as bytes', async () => {
    const meta = { fileName: 'cv é.pdf', mediaType: 'application/pdf', kind: 'pdf', size: 3, sha256: 'ab' };
    const { fetch } = fakeFetch(
      () => new Response(new Uint8Array([37, 80, 68]), { headers: { 'Content-Type': 'application/pdf', 'X-Attachment-Meta': encodeURIComponent(JSON.stringify(meta)) } }),
    );
    const answer = await createHttpClient({ token: 't', fetch }).getAttachmentContent({ id: 'a', n: 1 });
    expect(answer).toEqual({ ok: true, value: { ...meta, bytes: new Uint8Array([37, 80, 68]) } });
    // A candidate's JSON file is still a file, not an answer of ours.
    const jsonMeta = { ...meta, fileName: 'scores.json', mediaType: 'application/json', kind: 'json' };
    const jsonFile = fakeFetch(
      () => new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json', 'X-Attachment-Meta': encodeURIComponent(JSON.stringify(jsonMeta)) } }),
    );
    expect(await createHttpClient({ token: 't', fetch: jsonFile.fetch }).getAttachmentContent({ id: 'a', n: 1 })).toEqual({
      ok: true,
      value: { ...jsonMeta, bytes: new TextEncoder().encode('{"ok":true}') },
    });
    const broken = fakeFetch(() => new Response(new Uint8Array([1]), { headers: { 'Content-Type': 'application/pdf' } }));
    expect(await createHttpClient({ token: 't', fetch: broken.fetch }).getAttachmentContent({ id: 'a', n: 1 })).toMatchObject({
      ok: false,
      error: { message: 'The server sent a file without its description.' },
    });
    const refused = fakeFetch(() => json({ ok: false, error: { code: 'not-found', message: 'no attachment 2' } }, 404));
    expect(await createHttpClient({ token: 't', fetch: refused.fetch }).getAttachmentContent({ id: 'a', n: 2 })).toMatchObject({ ok: false });
  });

  it('has one function per contract method', () => {
    const client = createHttpClient({ token: null, fetch: fakeFetch(() => json({ ok: true, value: null })).fetch });
    expect(Object.keys(client).sort()).toEqual([...API_METHOD_NAMES].sort());
  });

  it('passes error envelopes through, whatever the HTTP status', async () => {
    const error = { code: 'not-found', message: 'no application abc' };
    const client = createHttpClient({ token: 't', fetch: fakeFetch(() => json({ ok: false, error }, 404)).fetch });
    expect(await client.getApplication({ id: 'abc' })).toEqual({ ok: false, error });
  });

  it('turns a refused token, an unreadable answer and a network failure into error envelopes', async () => {
    const refused = createHttpClient({ token: 'old', fetch: fakeFetch(() => new Response('no', { status: 401 })).fetch });
    const denied = await refused.overview({});
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.message).toMatch(/token/);

    const forbidden = createHttpClient({
      token: 't',
      fetch: fakeFetch(() => json({ ok: false, error: { code: 'unavailable', message: 'requests from "https://evil.example" are not allowed' } }, 403)).fetch,
    });
    const refusedOrigin = await forbidden.overview({});
    expect(!refusedOrigin.ok && refusedOrigin.error.message).toMatch(/refused this request: requests from/);

    const html = createHttpClient({ token: 't', fetch: fakeFetch(() => new Response('<html>', { status: 502 })).fetch });
    const broken = await html.overview({});
    expect(!broken.ok && broken.error.message).toMatch(/HTTP 502/);

    const offline = createHttpClient({
      token: 't',
      fetch: fakeFetch(() => {
        throw new TypeError('Failed to fetch');
      }).fetch,
    });
    const down = await offline.overview({});
    expect(!down.ok && down.error.code).toBe('unavailable');
  });
});

describe('the page token', () => {
  it('is taken from ?token= and removed from the address, keeping the rest', () => {
    expect(takeTokenFromUrl('http://127.0.0.1:5173/?token=abc&q=anna#x')).toEqual({
      token: 'abc',
      cleanedHref: 'http://127.0.0.1:5173/?q=anna#x',
    });
    expect(takeTokenFromUrl('http://127.0.0.1:5173/?q=anna')).toEqual({ token: null, cleanedHref: null });
  });
});

describe('events over Server-Sent Events', () => {
  class FakeEventSource {
    static last: FakeEventSource | null = null;
    onmessage: ((m: MessageEvent<string>) => void) | null = null;
    onerror: (() => void) | null = null;
    onopen: (() => void) | null = null;
    closed = false;
    constructor(readonly url: string) {
      FakeEventSource.last = this;
    }
    close() {
      this.closed = true;
    }
  }

  it('subscribes with the token, parses each message, skips garbage, and catches up after a reconnect', () => {
    const subscribe = createEventStream({ token: 'a b', EventSource: FakeEventSource as unknown as typeof EventSource });
    const seen: ApiEvent[] = [];
    const stop = subscribe((event) => seen.push(event));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events?token=a%20b');
    source.onmessage!({ data: JSON.stringify({ type: 'data.changed' }) } as MessageEvent<string>);
    source.onmessage!({ data: 'not json' } as MessageEvent<string>);
    source.onerror!();
    source.onopen!();
    expect(seen).toEqual([{ type: 'data.changed' }, { type: 'data.changed' }]);
    stop();
    expect(source.closed).toBe(true);
  });
});

describe('the Electron preload', () => {
  it('is used as is, and a rejected IPC call still answers an envelope', async () => {
    const preload = {
      overview: async () => ({ ok: true, value: { applications: 1, deleted: 0, jobs: 1, lastSyncedAt: null } }),
      facets: async () => {
        throw new Error('ipc channel closed');
      },
      onEvent: () => () => undefined,
    } as unknown as PreloadApi;
    const { client } = connectionFromPreload(preload);
    expect(await client.overview({})).toMatchObject({ ok: true });
    const failed = await client.facets({});
    expect(!failed.ok && failed.error.message).toMatch(/ipc channel closed/);
    const missing = await client.syncRuns({});
    expect(!missing.ok && missing.error.code).toBe('unavailable');
  });
});
