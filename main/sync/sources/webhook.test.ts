import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.js';
import { signedWebhookFixture } from '../../testing/mock-upstream.js';
import { tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import type { IngestResult } from '../types.js';
import { signBody } from './signature.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook.js';

const { body, apiKey, signature } = signedWebhookFixture();

let dir: TempDir;
let db: Db;
let receiver: WebhookReceiver | undefined;

beforeEach(() => {
  dir = tempDir();
  db = tempDb(dir);
});

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  if (db.open) db.close();
  dir.remove();
});

async function post(payload: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; type: string | null }> {
  const response = await fetch(receiver!.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: payload });
  return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as Record<string, unknown> };
}

const signed = (payload: string) => post(payload, { 'X-Knit-Signature': signBody(payload, apiKey) });
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('webhook receiver', () => {
  it('applies a signed event, answers 200 after the commit, and ignores its redelivery', async () => {
    const events: IngestResult[] = [];
    receiver = await startWebhookReceiver({ db, apiKey, onEvent: (result) => events.push(result) });
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook$/);

    const first = await post(body, { 'X-Knit-Signature': signature });
    expect(first).toMatchObject({ status: 200, json: { status: 'applied' } });
    expect(first.type).toMatch(/^application\/json/);
    expect(db.prepare('SELECT id FROM applications').all()).toEqual([{ id: 'lRQ03MnbWBSTKHX' }]);
    const before = { applications: count('applications'), applied: db.prepare('SELECT * FROM applied_events').all() };

    const again = await post(body, { 'X-Knit-Signature': signature });
    expect(again).toMatchObject({ status: 200, json: { status: 'duplicate' } });
    expect({ applications: count('applications'), applied: db.prepare('SELECT * FROM applied_events').all() }).toEqual(before);
    expect(events.map((e) => [e.applied, e.duplicates])).toEqual([[1, 0], [0, 1]]);
    expect(db.prepare('SELECT source, received, applied, duplicates FROM imports').all()).toEqual([
      { source: 'webhook', received: 2, applied: 1, duplicates: 1 },
    ]);
  });

  it('refuses unsigned and wrongly signed bodies with 401 and stores nothing', async () => {
    receiver = await startWebhookReceiver({ db, apiKey });
    const missing = await post(body);
    expect(missing.status).toBe(401);
    expect(String(missing.json.error)).toMatch(/X-Knit-Signature/);
    expect((await post(body, { 'X-Knit-Signature': signBody(body, 'another key') })).status).toBe(401);
    expect((await post(body, { 'X-Knit-Signature': 'short' })).status).toBe(401);
    expect((await post(`${body.toString()} `, { 'X-Knit-Signature': signature })).status).toBe(401);
    expect(count('applications')).toBe(0);
    expect(count('applied_events')).toBe(0);
    expect(count('rejected_events')).toBe(0);
  });

  it('answers 413 to a body over the cap, announced or streamed, before reading it all', async () => {
    receiver = await startWebhookReceiver({ db, apiKey, maxBodyBytes: 100 });
    const announced = await post(body, { 'X-Knit-Signature': signature });
    expect(announced.status).toBe(413);
    const chunks = async function* () {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(16 * 1024, 0x20);
    };
    const streamed = await fetch(receiver.url, { method: 'POST', body: chunks(), duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: expect.stringMatching(/larger than 100 bytes/) });
    expect(count('applications')).toBe(0);
  });

  it('answers 400 naming the position to a signed body that is not JSON', async () => {
    receiver = await startWebhookReceiver({ db, apiKey });
    const answer = await signed('{"eventId": "ev_1",\n "eventType": oops}');
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/not valid JSON.*line 2 column 15/);
    expect((await signed('not json')).json.error).toMatch(/line 1 column 2/);
    expect((await signed('{"eventId":"ev_1"')).json.error).toMatch(/line 1 column 18/);
  });

  it('answers 400 to a signed event the pipeline rejects, and keeps it in rejected_events', async () => {
    receiver = await startWebhookReceiver({ db, apiKey });
    const payload = JSON.stringify({ eventType: 'record.new', eventData: { info: { id: 'app_1' } } });
    const answer = await signed(payload);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/eventId/);
    expect(db.prepare('SELECT source, message, body FROM rejected_events').all()).toEqual([
      { source: 'webhook', message: expect.stringMatching(/eventId/), body: payload },
    ]);
    expect(count('applications')).toBe(0);
  });

  it('allows only POST on /webhook and nothing elsewhere', async () => {
    receiver = await startWebhookReceiver({ db, apiKey });
    const get = await fetch(receiver.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    const elsewhere = await fetch(receiver.url.replace(/\/webhook$/, '/other'), { method: 'POST' });
    expect(elsewhere.status).toBe(404);
  });

  it('keeps serving after every kind of refusal', async () => {
    receiver = await startWebhookReceiver({ db, apiKey, maxBodyBytes: body.length });
    await post(body);
    await post(`${body.toString()}xx`, { 'X-Knit-Signature': signature });
    await signed('{');
    await signed('{}');
    await fetch(receiver.url);
    expect(await post(body, { 'X-Knit-Signature': signature })).toMatchObject({ status: 200, json: { status: 'applied' } });
  });

  it('answers 503 when the database fails, so the upstream retries, and does not crash', async () => {
    receiver = await startWebhookReceiver({ db, apiKey });
    db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON applications BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    const failed = await post(body, { 'X-Knit-Signature': signature });
    expect(failed.status).toBe(503);
    expect(failed.json.error).toMatch(/disk is full/);
    expect(count('applied_events')).toBe(0);

    db.exec('DROP TRIGGER full_disk');
    expect(await post(body, { 'X-Knit-Signature': signature })).toMatchObject({ status: 200, json: { status: 'applied' } });
  });
});
