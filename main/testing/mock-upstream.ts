/**
 * A stand-in for the upstream Sync API, over real HTTP on 127.0.0.1: answers
 * `POST /v1.0/sync.start` like the real one, then pushes the sync's events as signed
 * webhook POSTs, one after another, retrying any that do not get a 200.
 */
import { createServer, type IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { signBody } from '../sync/sources/signature.js';
import { fixturePath, readFixture } from './temp.js';

/** The published signed delivery: the exact body bytes, the key, and the signature they give. */
export function signedWebhookFixture(): { body: Buffer; apiKey: string; signature: string } {
  const facts = readFixture('signed-webhook.txt');
  const field = (name: string) => {
    const value = new RegExp(`^${name}: (.+)$`, 'm').exec(facts)?.[1]?.trim();
    if (value === undefined) throw new Error(`signed-webhook.txt has no "${name}:" line`);
    return value;
  };
  return { body: readFileSync(fixturePath('signed-webhook-body.json')), apiKey: field('API key'), signature: field('X-Knit-Signature') };
}

/** A small, valid `record.new` for application `app_<n>` (event `ev_<n>`), as the upstream sends them. */
export function applicationEvent(n: number, syncType = 'initial_sync'): Record<string, unknown> {
  const id = `app_${n}`;
  return {
    eventId: `ev_${n}`,
    eventType: 'record.new',
    eventData: {
      info: { id, status: 'ACTIVE', updatedAt: '2026-01-01T00:00:00Z', candidate: { id: `cand_${n}`, firstName: 'Ada', lastName: `Number ${n}` } },
      currentStage: { id: 'st_screen', text: 'Screen' },
    },
    syncType,
    syncDataType: 'ats_applications',
    syncJobId: 'sj_test',
    syncRunId: 'sr_test',
    recordId: id,
  };
}

export interface MockSyncRequest {
  syncType?: string;
  models: string[];
}

export interface MockUpstreamOptions {
  apiKey: string;
  integrationId: string;
  webhookUrl: string;
  /** The events one sync.start pushes. */
  events: (request: MockSyncRequest) => object[];
  /** Tries per event before giving up on it (the real upstream keeps trying for days). */
  attempts?: number;
}

export interface MockDelivery {
  eventId: unknown;
  /** Every answer's HTTP status, or the network error, one per try. */
  answers: Array<number | string>;
}

export interface MockUpstream {
  baseUrl: string;
  /** Every request received, in order, accepted or not; `body` parsed when it is JSON, else the text. */
  requests: Array<{ headers: IncomingHttpHeaders; body: unknown }>;
  deliveries: MockDelivery[];
  /** Settles when every event pushed so far has been answered 200; rejects if one never was. */
  readonly done: Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_ATTEMPTS = 4;

export async function startMockUpstream(options: MockUpstreamOptions): Promise<MockUpstream> {
  const requests: MockUpstream['requests'] = [];
  const deliveries: MockDelivery[] = [];
  let pushing: Promise<void> = Promise.resolve();
  let closed = false;
  let syncJobs = 0;

  const push = async (events: object[]) => {
    for (const event of events) {
      if (closed) return;
      deliveries.push(await deliver(event, options, () => closed));
    }
  };

  const server = createServer((req, res) => {
    void readText(req)
      .then((body) => {
        requests.push({ headers: req.headers, body: parseOrText(body) });
        const refusal = refuse(req, body, options);
        if (refusal !== null) return answer(res, refusal.status, { success: false, error: { msg: refusal.message } });
        const events = options.events(JSON.parse(body) as MockSyncRequest);
        answer(res, 200, { success: true, data: { syncJobId: `sj_mock_${++syncJobs}` } });
        // Like the real upstream: the answer comes first, the events after it, in order.
        pushing = pushing.then(() => push(events));
      })
      .catch((error: unknown) => answer(res, 500, { success: false, error: { msg: (error as Error).message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    get done() {
      return pushing.then(() => {
        const failed = deliveries.filter((d) => d.answers[d.answers.length - 1] !== 200);
        if (failed.length > 0) throw new Error(`not delivered: ${failed.map((d) => `${String(d.eventId)} (${d.answers.join(', ')})`).join('; ')}`);
      });
    },
    close: async () => {
      closed = true;
      await pushing;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

function refuse(req: IncomingMessage, body: string, options: MockUpstreamOptions): { status: number; message: string } | null {
  if (req.method !== 'POST' || req.url !== '/v1.0/sync.start') return { status: 404, message: 'not found' };
  if (req.headers.authorization !== `Bearer ${options.apiKey}`) return { status: 401, message: 'Invalid API key' };
  if (req.headers['x-knit-integration-id'] !== options.integrationId) return { status: 401, message: 'Invalid integration id' };
  if (!String(req.headers['content-type']).startsWith('application/json')) return { status: 400, message: 'Content-Type must be application/json' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { status: 400, message: 'body is not JSON' };
  }
  const request = value as { dataType?: unknown; models?: unknown; syncType?: unknown };
  if (typeof request.dataType !== 'string') return { status: 400, message: 'dataType is required' };
  if (!Array.isArray(request.models) || request.models.length === 0 || !request.models.every((m) => typeof m === 'string')) {
    return { status: 400, message: 'models must be a non-empty list of model ids' };
  }
  if (request.syncType !== undefined && request.syncType !== 'initial_sync') return { status: 400, message: 'unknown syncType' };
  return null;
}

async function deliver(event: object, options: MockUpstreamOptions, isClosed: () => boolean): Promise<MockDelivery> {
  const body = JSON.stringify(event);
  const delivery: MockDelivery = { eventId: (event as { eventId?: unknown }).eventId, answers: [] };
  for (let attempt = 1; attempt <= (options.attempts ?? DEFAULT_ATTEMPTS) && !isClosed(); attempt++) {
    try {
      const response = await fetch(options.webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Knit-Signature': signBody(body, options.apiKey) },
        body,
      });
      await response.arrayBuffer();
      delivery.answers.push(response.status);
      if (response.status === 200) break;
    } catch (error) {
      delivery.answers.push((error as Error).message);
    }
    await delay(20 * attempt);
  }
  return delivery;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}
