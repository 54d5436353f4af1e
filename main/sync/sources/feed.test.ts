import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeExtractors } from '../../attachments/extract/index.js';
import type { Db } from '../../db/open.js';
import { BrowseQueries } from '../../db/queries/browse.js';
import { applicationWithAttachments } from '../../testing/attachment-events.js';
import { applicationEvent } from '../../testing/mock-upstream.js';
import { dumpState, tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import { FeedError, pullFeed } from './feed.js';

/** What the test feed does with one request instead of serving a page. */
type Override = 'reset' | { status: number; headers?: Record<string, string>; body: string } | undefined;

interface TestFeed {
  url: string;
  /** The path and query of every request, in order. */
  requests: string[];
  authorizations: Array<string | undefined>;
  pagesServed: number;
  /** Consulted before each page; undefined serves the page. */
  override: (request: URL) => Override;
  close(): Promise<void>;
}

const TOKEN = 'feed-secret';
const EVENTS = Array.from({ length: 10 }, (_, i) => applicationEvent(i + 1));

/** A feed over `events` with offsets as cursors, which the tests can make fail on demand. */
async function startTestFeed(events: object[]): Promise<TestFeed> {
  const feed: TestFeed = { url: '', requests: [], authorizations: [], pagesServed: 0, override: () => undefined, close: async () => {} };
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://feed');
    feed.requests.push(`${url.pathname}${url.search}`);
    feed.authorizations.push(req.headers.authorization);
    const override = feed.override(url);
    if (override === 'reset') return req.socket.destroy();
    if (override !== undefined) {
      res.writeHead(override.status, { 'Content-Type': 'application/json', ...override.headers });
      return res.end(override.body);
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });
      return res.end('{"error":"bad token"}');
    }
    const after = Number(url.searchParams.get('after') ?? 0);
    const page = events.slice(after, after + Number(url.searchParams.get('limit')));
    feed.pagesServed++;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ events: page, cursor: String(after + page.length), hasMore: after + page.length < events.length }));
  };
  const server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  feed.close = () => new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return feed;
}

let dir: TempDir;
let db: Db;
let feed: TestFeed;
let sleeps: number[];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

beforeEach(async () => {
  dir = tempDir();
  db = tempDb(dir);
  feed = await startTestFeed(EVENTS);
  sleeps = [];
});

afterEach(async () => {
  await feed.close();
  db.close();
  dir.remove();
});

const pull = (options: { db?: Db; url?: string; token?: string; maxRetries?: number } = {}) =>
  pullFeed({ db, url: feed.url, token: TOKEN, limit: 3, sleep, ...options });
const applicationIds = (from: Db = db) => (from.prepare('SELECT id FROM applications ORDER BY pk').all() as { id: string }[]).map((row) => row.id);
const storedCursor = (from: Db = db) => (from.prepare('SELECT cursor FROM feed_cursors').get() as { cursor: string } | undefined)?.cursor;

/** Everything but what our clock writes (feed_cursors.updated_at too). */
function state(from: Db) {
  const dumped = dumpState(from);
  dumped.feed_cursors = (dumped.feed_cursors as Array<Record<string, unknown>>).map(({ url, cursor }) => ({ url, cursor }));
  return dumped;
}

describe('feed pull', () => {
  afterAll(closeExtractors);

  it('commits each page searchable by the text inside its attachments', async () => {
    await feed.close();
    feed = await startTestFeed([
      applicationWithAttachments('with-cv', [{ name: 'cv.txt', bytes: 'Seasoned Fortran numerics engineer' }]),
      ...EVENTS.slice(0, 4),
    ]);
    expect(await pull()).toMatchObject({ received: 5, applied: 5, rejected: 0 });
    expect(new BrowseQueries(db).list({ q: 'fortran' }).items.map((item) => item.id)).toEqual(['with-cv']);
    expect(db.prepare('SELECT text FROM attachment_texts').pluck().all()).toEqual(['Seasoned Fortran numerics engineer']);
  });

  it('pages through the feed with the bearer token, no after on the first call, keeping the URL query', async () => {
    const result = await pull({ url: `${feed.url}?tenant=acme` });
    expect(result).toMatchObject({ received: 10, applied: 10, duplicates: 0, rejected: 0, errors: [] });
    expect(feed.requests).toEqual([
      '/feed?tenant=acme&limit=3',
      '/feed?tenant=acme&limit=3&after=3',
      '/feed?tenant=acme&limit=3&after=6',
      '/feed?tenant=acme&limit=3&after=9',
    ]);
    expect(new Set(feed.authorizations)).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(db.prepare('SELECT url, cursor FROM feed_cursors').all()).toEqual([{ url: `${feed.url}?tenant=acme`, cursor: '10' }]);
    expect(db.prepare('SELECT source, received, applied, error FROM imports').all()).toEqual([
      { source: `feed ${feed.url}?tenant=acme`, received: 10, applied: 10, error: null },
    ]);
  });

  it('resumes after an interruption from the committed cursor, ending where a clean run ends', async () => {
    feed.override = () => (feed.pagesServed >= 1 ? 'reset' : undefined);
    const interrupted = pull({ maxRetries: 2 });
    await expect(interrupted).rejects.toThrow(FeedError);
    await expect(interrupted).rejects.toThrow(/kept failing: .*fetch failed/);
    expect(sleeps).toEqual([500, 1000]);
    expect(storedCursor()).toBe('3');
    expect(applicationIds()).toEqual(['app_1', 'app_2', 'app_3']);
    expect(db.prepare('SELECT received, error FROM imports').get()).toEqual({ received: 3, error: expect.stringMatching(/kept failing/) });

    feed.override = () => undefined;
    feed.requests.length = 0;
    const resumed = await pull();
    expect(feed.requests[0]).toBe('/feed?limit=3&after=3');
    expect(resumed).toMatchObject({ received: 7, applied: 7, duplicates: 0 });

    const clean = tempDb(dir, 'clean.sqlite');
    try {
      await pull({ db: clean });
      expect(state(db)).toEqual(state(clean));
    } finally {
      clean.close();
    }
  });

  it('waits what Retry-After asks after a 429, in seconds or as a date', async () => {
    let calls = 0;
    feed.override = () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '7' }, body: '{"error":"slow down"}' } : undefined);
    expect(await pull()).toMatchObject({ received: 10, applied: 10 });
    expect(sleeps).toEqual([7000]);

    calls = 0;
    sleeps = [];
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    feed.override = () => (++calls === 1 ? { status: 503, headers: { 'Retry-After': inTwoMinutes }, body: '' } : undefined);
    await pull();
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(60_000);
    expect(sleeps[0]).toBeLessThanOrEqual(120_000);
  });

  it('retries a 500 with growing backoff, then carries on', async () => {
    let failures = 0;
    feed.override = (url) => (url.searchParams.get('after') === '3' && failures++ < 2 ? { status: 500, body: 'oops' } : undefined);
    expect(await pull()).toMatchObject({ received: 10, applied: 10, duplicates: 0 });
    expect(sleeps).toEqual([500, 1000]);
    expect(feed.requests.filter((r) => r.endsWith('after=3'))).toHaveLength(3);
  });

  it('gives up with the last failure after maxRetries', async () => {
    feed.override = () => ({ status: 502, body: 'bad gateway' });
    await expect(pull({ maxRetries: 3 })).rejects.toThrow(`feed ${feed.url} kept failing: HTTP 502`);
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(feed.requests).toHaveLength(4);
  });

  it('retries a connection that is refused, but not one that can never work', async () => {
    const closed = await startTestFeed([]);
    await closed.close();
    await expect(pull({ url: closed.url, maxRetries: 2 })).rejects.toThrow(`feed ${closed.url} kept failing: fetch failed (ECONNREFUSED)`);
    expect(sleeps).toEqual([500, 1000]);

    sleeps = [];
    // Port 1 is one fetch refuses to use, a certificate that does not verify will not start to.
    await expect(pull({ url: 'http://127.0.0.1:1/feed' })).rejects.toThrow('feed http://127.0.0.1:1/feed cannot be reached: fetch failed (bad port)');
    const badCertificate = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }) });
    const fetchFailing: typeof fetch = () => Promise.reject(badCertificate);
    await expect(pullFeed({ db, url: 'https://relay.example/feed', fetch: fetchFailing, sleep })).rejects.toThrow(
      'feed https://relay.example/feed cannot be reached: fetch failed (CERT_HAS_EXPIRED)',
    );
    expect(sleeps).toEqual([]);
    expect(db.prepare('SELECT error FROM imports ORDER BY pk DESC LIMIT 1').get()).toEqual({ error: expect.stringMatching(/cannot be reached/) });
  });

  it('stops at once when the feed refuses the token', async () => {
    const refused = pull({ token: 'wrong' });
    await expect(refused).rejects.toThrow(FeedError);
    await expect(refused).rejects.toThrow('the feed refused the token (HTTP 401)');
    expect(feed.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);

    feed.override = () => ({ status: 403, body: '{}' });
    await expect(pull()).rejects.toThrow('the feed refused the token (HTTP 403)');
    expect(storedCursor()).toBeUndefined();
  });

  it('reports another 4xx with its status and what the feed said', async () => {
    feed.override = () => ({ status: 404, body: '{"error":"no such feed"}' });
    await expect(pull()).rejects.toThrow(/HTTP 404: \{"error":"no such feed"\}/);
    expect(sleeps).toEqual([]);
  });

  it('refuses a malformed page and stores nothing of it', async () => {
    feed.override = () => ({ status: 200, body: JSON.stringify({ events: EVENTS.slice(0, 2), cursor: '2' }) });
    await expect(pull()).rejects.toThrow(/malformed page.*hasMore/);
    feed.override = () => ({ status: 200, body: '<html>login</html>' });
    await expect(pull()).rejects.toThrow(/not JSON/);
    expect(applicationIds()).toEqual([]);
    expect(storedCursor()).toBeUndefined();
  });

  it('commits the cursor with its page: a page that fails to apply leaves the cursor where it was', async () => {
    db.exec("CREATE TRIGGER broken_app BEFORE INSERT ON applications WHEN NEW.id = 'app_5' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    await expect(pull()).rejects.toThrow(/disk I\/O error/);
    expect(storedCursor()).toBe('3');
    expect(applicationIds()).toEqual(['app_1', 'app_2', 'app_3']);
  });

  it('commits the page with its cursor: a cursor that fails to save takes its page back', async () => {
    db.exec("CREATE TRIGGER broken_cursor BEFORE UPDATE ON feed_cursors WHEN NEW.cursor = '6' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    await expect(pull()).rejects.toThrow(/disk I\/O error/);
    expect(storedCursor()).toBe('3');
    expect(applicationIds()).toEqual(['app_1', 'app_2', 'app_3']);
    expect(db.prepare('SELECT count(*) AS n FROM applied_events').get()).toEqual({ n: 3 });

    db.exec('DROP TRIGGER broken_cursor');
    expect(await pull()).toMatchObject({ received: 7, applied: 7, duplicates: 0 });
  });

  it('refuses a feed that claims more without moving its cursor, instead of looping', async () => {
    feed.override = () => ({ status: 200, body: JSON.stringify({ events: [], cursor: '0', hasMore: true }) });
    await expect(pull()).rejects.toThrow(FeedError);
    expect(feed.requests).toEqual(['/feed?limit=3', '/feed?limit=3&after=0']);
    feed.requests.length = 0;
    await expect(pull()).rejects.toThrow(/did not move its cursor past 0/);
    expect(feed.requests).toHaveLength(1);
  });
});
