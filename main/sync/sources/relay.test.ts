import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.js';
import { applicationEvent, signedWebhookFixture } from '../../testing/mock-upstream.js';
import { ErasureService } from '../../privacy/erasure.js';
import { tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import { pullFeed } from './feed.js';
import { startRelay, type Relay } from './relay.js';
import { signBody } from './signature.js';

const apiKey = 'relay test key';
const feedToken = 'feed-token-123';

let dir: TempDir;
let db: Db;
let relay: Relay;

beforeEach(async () => {
  dir = tempDir();
  db = tempDb(dir, 'relay.sqlite');
  relay = await startRelay({ db, apiKey, feedToken, maxBodyBytes: 64 * 1024 });
});

afterEach(async () => {
  await relay.close();
  db.close();
  dir.remove();
});

async function deliver(payload: string, signature = signBody(payload, apiKey)): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${relay.url}/webhook`, { method: 'POST', headers: { 'X-Knit-Signature': signature }, body: payload });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function feed(query: string, token: string | null = feedToken) {
  const response = await fetch(`${relay.url}/feed${query}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, json: (await response.json()) as { events: unknown[]; cursor: string; hasMore: boolean; error?: string } };
}

const logSize = () => (db.prepare('SELECT count(*) AS n FROM relay_log').get() as { n: number }).n;

describe('relay', () => {
  it('logs a signed webhook and serves it on the feed, exactly as received', async () => {
    const { body, apiKey: fixtureKey, signature } = signedWebhookFixture();
    await relay.close();
    relay = await startRelay({ db, apiKey: fixtureKey, feedToken });
    expect(await deliver(body.toString('utf8'), signature)).toEqual({ status: 200, json: { status: 'appended' } });
    expect(db.prepare('SELECT event_id, body FROM relay_log').all()).toEqual([{ event_id: 'ev_seed_0001', body: body.toString('utf8') }]);
    const page = await feed('');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.json).toEqual({ events: [JSON.parse(body.toString('utf8'))], cursor: '1', hasMore: false });
  });

  it('refuses the feed without the right bearer token', async () => {
    await deliver(JSON.stringify(applicationEvent(1)));
    for (const token of [null, 'wrong', `${feedToken}x`, '']) {
      const answer = await feed('', token);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.json.events).toBeUndefined();
    }
    const basic = await fetch(`${relay.url}/feed`, { headers: { Authorization: `Basic ${Buffer.from(`x:${feedToken}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  it('pages with limit and after, and says when there is more', async () => {
    for (let n = 1; n <= 5; n++) await deliver(JSON.stringify(applicationEvent(n)));
    const ids = (events: unknown[]) => events.map((e) => (e as { eventId: string }).eventId);

    const first = (await feed('?limit=2')).json;
    expect([ids(first.events), first.hasMore]).toEqual([['ev_1', 'ev_2'], true]);
    const second = (await feed(`?limit=2&after=${first.cursor}`)).json;
    expect([ids(second.events), second.hasMore]).toEqual([['ev_3', 'ev_4'], true]);
    const third = (await feed(`?limit=2&after=${second.cursor}`)).json;
    expect([ids(third.events), third.hasMore]).toEqual([['ev_5'], false]);
    expect(await feed(`?limit=2&after=${third.cursor}`)).toMatchObject({ json: { events: [], cursor: third.cursor, hasMore: false } });

    expect(ids((await feed('')).json.events)).toEqual(['ev_1', 'ev_2', 'ev_3', 'ev_4', 'ev_5']);
    expect(ids((await feed('?limit=0')).json.events)).toEqual(['ev_1']);
    expect(ids((await feed('?limit=999999')).json.events)).toHaveLength(5);
    expect(await feed('')).toMatchObject({ json: { cursor: '5', hasMore: false } });
    expect(await feed('?after=0&limit=1')).toMatchObject({ json: { cursor: '1', hasMore: true } });
  });

  it('answers 400 to a limit that is not a number or a cursor that is not a non-negative integer', async () => {
    for (const query of ['?limit=ten', '?limit=1.5', '?after=-1', '?after=abc', '?after=', '?after=1e3']) {
      const answer = await feed(query);
      expect(answer.status, query).toBe(400);
      expect(answer.json.error).toMatch(/limit|after/);
    }
  });

  it('answers a redelivered eventId with 200 without appending it again', async () => {
    const event = applicationEvent(1);
    expect((await deliver(JSON.stringify(event))).json).toEqual({ status: 'appended' });
    expect(await deliver(JSON.stringify(event))).toEqual({ status: 200, json: { status: 'duplicate' } });
    expect(await deliver(JSON.stringify({ ...event, eventType: 'record.modified' }))).toEqual({ status: 200, json: { status: 'duplicate' } });
    expect(logSize()).toBe(1);
  });

  it('forgets an erased candidate: their logged events go, and new ones are answered suppressed and not kept', async () => {
    const event = applicationEvent(1) as { eventData: { info: { id: string; candidate: { id: string } } } };
    const other = applicationEvent(2);
    await deliver(JSON.stringify(event));
    await deliver(JSON.stringify(other));
    expect(new ErasureService(db).forget({ candidateId: event.eventData.info.candidate.id })).toMatchObject({ relayEvents: 1 });
    expect(logSize()).toBe(1);
    expect(await deliver(JSON.stringify({ ...event, eventId: 'redelivered-later' }))).toEqual({ status: 200, json: { status: 'suppressed' } });
    expect(logSize()).toBe(1);
    expect((await feed('')).json.events).toEqual([other]);
  });

  it('refuses bad signatures, oversize bodies, non-JSON and events without an eventId, logging none of them', async () => {
    const event = JSON.stringify(applicationEvent(1));
    expect((await deliver(event, signBody(event, 'other key'))).status).toBe(401);
    expect((await deliver(event, '')).status).toBe(401);
    expect((await deliver('x'.repeat(64 * 1024 + 1))).status).toBe(413);
    const notJson = await deliver('{"eventId": }');
    expect([notJson.status, notJson.json.error]).toEqual([400, expect.stringMatching(/line 1 column 13/)]);
    for (const payload of ['[]', '"ev_1"', '{}', '{"eventId": ""}', '{"eventId": true}']) {
      const answer = await deliver(payload);
      expect([payload, answer.status, answer.json.error]).toEqual([payload, 400, expect.stringMatching(/eventId/)]);
    }
    expect(logSize()).toBe(0);
    // A numeric eventId is one the pipeline accepts, so the relay keeps it.
    expect((await deliver('{"eventId": 7, "eventType": "record.new"}')).status).toBe(200);
    expect(logSize()).toBe(1);
    expect((await fetch(`${relay.url}/feed`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${relay.url}/webhook`)).headers.get('allow')).toBe('POST');
  });

  it('feeds a laptop: pullFeed applies what the relay received into another database, and later only what is new', async () => {
    for (let n = 1; n <= 7; n++) await deliver(JSON.stringify(applicationEvent(n)));
    await deliver(JSON.stringify(applicationEvent(3)));
    const laptop = tempDb(dir, 'laptop.sqlite');
    try {
      const url = `${relay.url}/feed`;
      const first = await pullFeed({ db: laptop, url, token: feedToken, limit: 3 });
      expect(first).toMatchObject({ received: 7, applied: 7, duplicates: 0, rejected: 0 });
      const applications = laptop.prepare('SELECT id FROM applications ORDER BY id').all();
      expect(applications).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `app_${n}` })));
      expect(laptop.prepare('SELECT url, cursor FROM feed_cursors').all()).toEqual([{ url, cursor: '7' }]);

      expect(await pullFeed({ db: laptop, url, token: feedToken, limit: 3 })).toMatchObject({ received: 0 });
      await deliver(JSON.stringify(applicationEvent(8)));
      expect(await pullFeed({ db: laptop, url, token: feedToken })).toMatchObject({ received: 1, applied: 1 });
      expect(laptop.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 8 });
    } finally {
      laptop.close();
    }
  });
});
