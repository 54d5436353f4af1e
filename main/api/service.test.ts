import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/contract.js';
import type { Db } from '../db/open.js';
import { SyncPipeline } from '../sync/apply.js';
import { applicationEvent } from '../testing/events.js';
import { fixtureJson, tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { MemorySecretStore } from './secrets.js';
import { createApiService, type ApiService } from './service.js';

let dir: TempDir;
let db: Db;
let api: ApiService;
let events: ApiEvent[];

beforeEach(() => {
  dir = tempDir();
  db = tempDb(dir);
  api = createApiService({ db, secrets: new MemorySecretStore() });
  events = [];
  api.onEvent((event) => events.push(event));
});
afterEach(async () => {
  await api.close();
  db.close();
  dir.remove();
});

function finished(): Promise<void> {
  return new Promise((resolve) => {
    const stop = api.onEvent((event) => {
      if (event.type === 'sync.finished') {
        stop();
        resolve();
      }
    });
  });
}

describe('the API service', () => {
  it('answers in envelopes, validating requests at the boundary', async () => {
    expect(await api.dispatch('listApplications', {})).toEqual({ ok: true, value: { total: 0, items: [] } });
    expect(await api.dispatch('dropTables', {})).toEqual({ ok: false, error: { code: 'invalid-request', message: 'unknown method "dropTables"' } });
    expect(await api.dispatch('listApplications', { limit: 'all' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^listApplications: limit: /) },
    });
    expect(await api.dispatch('listApplications', { sort: 'salary' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.dispatch('overview', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // A misplaced or misspelt key is refused, not ignored into an unfiltered answer.
    expect(await api.dispatch('listApplications', { filters: { status: ['ACTIVE'] } })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'listApplications: Unrecognized key: "filters"' },
    });
    expect(await api.dispatch('facets', { stauts: ['ACTIVE'] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/"stauts"/) } });
    expect(await api.dispatch('startSync', { source: { kind: 'demo', cuont: 5 } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.dispatch('saveSettings', { feedURL: 'https://relay.example' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.dispatch('getApplication', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no application with id "nope"' },
    });
  });

  it('gives the detail pane a normalised application with its timeline', async () => {
    new SyncPipeline(db).applyBatch([{ source: 't', value: fixtureJson('seed-example-event.json') }]);
    const answer = await api.dispatch('getApplication', { id: 'lRQ03MnbWBSTKHX' });
    expect(answer.ok).toBe(true);
    const detail = (answer as { value: any }).value;
    expect(detail).toMatchObject({
      id: 'lRQ03MnbWBSTKHX',
      candidate: { name: 'ABC DEF', location: 'Delhi, India', links: ['www.blog.com', 'www.linkedin.com/abc'] },
      stage: { text: 'Technical Test' },
      status: 'ACTIVE',
      owner: { id: 'tDWso22iFg8iN56' },
      deletedAt: null,
    });
    expect(detail.interviews[0]).toMatchObject({ subject: 'Tehnical Screen', status: 'COMPLETE', interviewers: [{ id: 'PrJjg0mYYSkucbC' }, { id: 'LjwEnf8vBXMCa1q' }, { id: 'uf6XtHjVqoJATnD' }] });
    expect(detail.attachments).toEqual([
      expect.objectContaining({ n: 1, name: 'Offer 1', size: null, link: 'abc.com/offer1' }),
      expect.objectContaining({ n: 2, name: 'Cover Letter', size: 31, mediaType: 'text/plain' }),
    ]);
    expect(detail.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['applied', 'interview', 'offer', 'offer', 'rejection']);
  });

  it('orders the timeline by time, unknown times last', async () => {
    new SyncPipeline(db).applyBatch([
      { source: 't', value: applicationEvent({ id: 'x', appliedAt: '2026-01-05T00:00:00Z', rejection: 'No visa', interviewSubject: 'Screen' }) },
    ]);
    const detail = ((await api.dispatch('getApplication', { id: 'x' })) as { value: any }).value;
    expect(detail.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['applied', 'rejection', 'interview']);
  });

  it('runs a demo sync in the background with progress, one at a time, and records it', async () => {
    const done = finished();
    const started = await api.dispatch('startSync', { source: { kind: 'demo', count: 1500, seed: 'api' } });
    expect(started).toEqual({ ok: true, value: { runId: expect.any(Number) } });
    expect(await api.dispatch('startSync', { source: { kind: 'demo' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await done;
    expect(events.some((e) => e.type === 'sync.progress')).toBe(true);
    expect(events.some((e) => e.type === 'data.changed')).toBe(true);
    const overview = (await api.dispatch('overview', {})) as { value: any };
    expect(overview.value).toMatchObject({ applications: 1500, deleted: 0, jobs: expect.any(Number) });
    const runs = ((await api.dispatch('syncRuns', {})) as { value: any[] }).value;
    expect(runs[0]).toMatchObject({ id: (started as { value: { runId: number } }).value.runId, applied: runs[0].received, rejected: 0, error: null });
    const status = ((await api.dispatch('syncStatus', {})) as { value: any }).value;
    expect(status).toMatchObject({ running: null, last: { id: runs[0].id }, receiver: { url: null } });
  });

  it('says what is missing before a feed or upstream sync can start', async () => {
    expect(await api.dispatch('startSync', { source: { kind: 'feed' } })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'no feed URL is set: add one in Sync settings' },
    });
    expect(await api.dispatch('startSync', { source: { kind: 'upstream' } })).toMatchObject({ ok: false, error: { message: /no upstream API key/ } });
    expect(await api.dispatch('startReceiver', {})).toMatchObject({ ok: false, error: { message: /needs the upstream API key/ } });
  });

  it('records a failing feed sync in the history with its reason', async () => {
    const feed = createServer((_req, res) => res.writeHead(401).end('{"error":"bad token"}'));
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = feed.address() as AddressInfo;
      await api.dispatch('saveSettings', { feedUrl: `http://127.0.0.1:${port}/feed`, feedToken: 'wrong' });
      const done = finished();
      const started = await api.dispatch('startSync', { source: { kind: 'feed' } });
      expect(started.ok).toBe(true);
      await done;
      const runs = ((await api.dispatch('syncRuns', { limit: 1 })) as { value: any[] }).value;
      expect(runs[0].error).toMatch(/refused the token \(HTTP 401\)/);
    } finally {
      feed.close();
    }
  });

  it('keeps secrets write-only, and says where they live', async () => {
    const saved = await api.dispatch('saveSettings', { feedUrl: 'https://relay.example/feed', feedToken: 's3cret', integrationId: 'int_1' });
    expect(saved).toEqual({
      ok: true,
      value: {
        feedUrl: 'https://relay.example/feed',
        hasFeedToken: true,
        hasApiKey: false,
        integrationId: 'int_1',
        upstreamBaseUrl: '',
        webhookPort: 0,
        retentionMonths: 0,
        secretsPersisted: false,
        secretsWarning: expect.stringMatching(/memory only/),
      },
    });
    expect(JSON.stringify(await api.dispatch('getSettings', {}))).not.toContain('s3cret');
    expect(JSON.stringify(db.prepare('SELECT * FROM settings').all())).not.toContain('s3cret');
    expect(await api.dispatch('saveSettings', { feedUrl: 'ftp://x' })).toMatchObject({ ok: false, error: { message: /must be an http\(s\) URL/ } });
    expect(((await api.dispatch('saveSettings', { feedToken: '' })) as { value: any }).value.hasFeedToken).toBe(false);
  });

  it('lists a run’s rejected events', async () => {
    const done = finished();
    await api.dispatch('startSync', { source: { kind: 'demo', count: 3 } });
    await done;
    const run = ((await api.dispatch('syncRuns', {})) as { value: any[] }).value[0];
    expect(await api.dispatch('syncErrors', { runId: run.id })).toEqual({ ok: true, value: [] });
    expect(await api.dispatch('syncErrors', { runId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
