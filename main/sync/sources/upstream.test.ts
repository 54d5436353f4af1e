import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.js';
import { applicationEvent, startMockUpstream, type MockSyncRequest, type MockUpstream } from '../../testing/mock-upstream.js';
import { tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import { APPLICATION_MODELS, startUpstreamSync, UpstreamError } from './upstream.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook.js';

const apiKey = 'knit_test_key';
const integrationId = 'int_123';

const processed = {
  eventId: 'ev_done_1',
  eventType: 'sync.events.processed',
  eventData: { status: 'processed', processed: 3, emitted: 3, startedAt: '1676292064383', processedAt: '1676292068616', complete: true },
  syncType: 'initial_sync',
  syncDataType: 'ats_applications',
  syncJobId: 'sj_test',
  syncRunId: 'sr_test',
};
const stageChange = {
  eventId: 'ev_stage_1',
  eventType: 'record.modified',
  eventData: { currentStage: { id: 'st_offer', text: 'Offer' } },
  syncType: 'delta_sync',
  syncDataType: 'ats_applications',
  recordId: 'app_1',
};

/** An initial sync sends every record plus its run summary (one twice, as at-least-once allows); a delta sends one change. */
function eventsFor(request: MockSyncRequest): object[] {
  if (request.syncType === 'initial_sync') return [applicationEvent(1), applicationEvent(2), applicationEvent(2), applicationEvent(3), processed];
  return [stageChange];
}

let dir: TempDir;
let db: Db;
let receiver: WebhookReceiver;
let upstream: MockUpstream;

beforeEach(async () => {
  dir = tempDir();
  db = tempDb(dir);
  receiver = await startWebhookReceiver({ db, apiKey });
  upstream = await startMockUpstream({ apiKey, integrationId, webhookUrl: receiver.url, events: eventsFor });
});

afterEach(async () => {
  await upstream.close();
  await receiver.close();
  db.close();
  dir.remove();
});

const stageOf = (id: string) => (db.prepare('SELECT stage FROM applications WHERE id = ?').get(id) as { stage: string } | undefined)?.stage;

describe('upstream sync.start', () => {
  it('starts an initial sync whose pushed events land in the database through the webhook', async () => {
    const answer = await startUpstreamSync({ apiKey, integrationId, baseUrl: `${upstream.baseUrl}/`, initial: true });
    expect(answer).toEqual({ success: true, data: { syncJobId: 'sj_mock_1' } });
    expect(upstream.requests).toHaveLength(1);
    const { headers, body } = upstream.requests[0]!;
    expect(headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(headers['x-knit-integration-id']).toBe(integrationId);
    expect(headers['content-type']).toBe('application/json');
    expect(body).toEqual({ dataType: 'ats_applications', models: [...APPLICATION_MODELS], syncType: 'initial_sync' });
    expect(APPLICATION_MODELS).toEqual([
      'application_info', 'application_stage', 'application_interviews', 'application_rejection', 'application_offers', 'application_attachments',
    ]);

    await upstream.done;
    expect(db.prepare('SELECT id FROM applications ORDER BY id').all()).toEqual([{ id: 'app_1' }, { id: 'app_2' }, { id: 'app_3' }]);
    expect(db.prepare('SELECT sync_run_id, processed, complete FROM sync_runs').all()).toEqual([{ sync_run_id: 'sr_test', processed: 3, complete: 1 }]);
    expect(db.prepare('SELECT received, applied, duplicates FROM imports').get()).toEqual({ received: 5, applied: 4, duplicates: 1 });
  });

  it('starts a delta sync for the chosen models, without syncType', async () => {
    await startUpstreamSync({ apiKey, integrationId, baseUrl: upstream.baseUrl, initial: true });
    await upstream.done;
    expect(stageOf('app_1')).toBe('Screen');

    const answer = await startUpstreamSync({ apiKey, integrationId, baseUrl: upstream.baseUrl, models: ['application_stage'] });
    expect(answer).toMatchObject({ success: true, data: { syncJobId: 'sj_mock_2' } });
    expect(upstream.requests[1]!.body).toEqual({ dataType: 'ats_applications', models: ['application_stage'] });
    await upstream.done;
    expect(stageOf('app_1')).toBe('Offer');
  });

  it('fails with the upstream message on a wrong API key or integration id, and nothing is pushed', async () => {
    const wrongKey = startUpstreamSync({ apiKey: 'wrong', integrationId, baseUrl: upstream.baseUrl });
    await expect(wrongKey).rejects.toThrow(UpstreamError);
    await expect(wrongKey).rejects.toThrow('sync.start failed (HTTP 401): Invalid API key');
    await expect(startUpstreamSync({ apiKey, integrationId: 'int_other', baseUrl: upstream.baseUrl })).rejects.toThrow(/\(HTTP 401\): Invalid integration id/);
    await upstream.done;
    expect(upstream.deliveries).toEqual([]);
  });

  it('refuses an unknown model id before sending anything, naming the allowed ones', async () => {
    const bad = startUpstreamSync({ apiKey, integrationId, baseUrl: upstream.baseUrl, models: ['application_info', 'application_notes'] });
    await expect(bad).rejects.toThrow(UpstreamError);
    await expect(bad).rejects.toThrow(/"application_notes".*application_info, application_stage, .*application_attachments/);
    expect(upstream.requests).toEqual([]);
  });

  it('says it cannot reach an upstream that is not there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(startUpstreamSync({ apiKey, integrationId, baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(
      new RegExp(`^cannot reach http://127.0.0.1:${port}: `),
    );
  });

  it('reports a non-JSON error answer by its text, and a refusal inside a 200', async () => {
    const answering = (status: number, body: string) => (async () => new Response(body, { status })) as typeof fetch;
    await expect(startUpstreamSync({ apiKey, integrationId, fetch: answering(502, 'Bad Gateway') })).rejects.toThrow('sync.start failed (HTTP 502): Bad Gateway');
    await expect(
      startUpstreamSync({ apiKey, integrationId, fetch: answering(200, '{"success":false,"error":{"msg":"sync already running"}}') }),
    ).rejects.toThrow('sync.start was refused: sync already running');
  });
});

describe('mock upstream', () => {
  it('answers 400 to a sync.start body it cannot use, and pushes nothing', async () => {
    const headers = { Authorization: `Bearer ${apiKey}`, 'X-Knit-Integration-Id': integrationId, 'Content-Type': 'application/json' };
    for (const body of ['{', '{"models":["application_info"]}', '{"dataType":"ats_applications","models":[]}']) {
      const response = await fetch(`${upstream.baseUrl}/v1.0/sync.start`, { method: 'POST', headers, body });
      expect([body, response.status]).toEqual([body, 400]);
      expect(await response.json()).toMatchObject({ success: false });
    }
    await upstream.done;
    expect(upstream.deliveries).toEqual([]);
  });

  it('redelivers an event that did not get a 200, like the real upstream', async () => {
    let calls = 0;
    const flaky = createServer((req, res) => {
      req.resume();
      res.writeHead(++calls === 1 ? 503 : 200, { 'Content-Type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const mock = await startMockUpstream({
      apiKey,
      integrationId,
      webhookUrl: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/webhook`,
      events: () => [applicationEvent(1)],
    });
    try {
      await startUpstreamSync({ apiKey, integrationId, baseUrl: mock.baseUrl });
      await mock.done;
      expect(mock.deliveries).toEqual([{ eventId: 'ev_1', answers: [503, 200] }]);
    } finally {
      await mock.close();
      await new Promise((resolve) => flaky.close(resolve));
    }
  });
});
