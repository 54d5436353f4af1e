/**
 * Runs one sync at a time for the UI (demo, feed, upstream) and the webhook receiver,
 * and tells listeners how it goes. The same sources and pipeline as the CLI.
 */
import { AttachmentTextIndexer } from '../attachments/extract/text-index.js';
import type { SyncSource } from '../../shared/api/contract.js';
import type { SyncState } from '../../shared/api/sync.js';
import type { Db } from '../db/open.js';
import { HistoryQueries } from '../db/queries/history.js';
import { DEMO_DEFAULT_COUNT, demoSourceItems } from '../sync/sources/demo/index.js';
import { pullFeed } from '../sync/sources/feed.js';
import { startUpstreamSync } from '../sync/sources/upstream.js';
import { startWebhookReceiver, type WebhookReceiver } from '../sync/sources/webhook.js';
import { runImport } from '../sync/run.js';
import type { IngestResult } from '../sync/types.js';
import { ApiFailure } from './errors.js';
import type { SecretStore } from './secrets.js';
import type { SettingsRepository } from './settings.js';

export interface SyncListener {
  progress(state: SyncState): void;
  finished(state: SyncState): void;
  dataChanged(): void;
}

interface Running {
  id: number;
  source: string;
  startedAt: string;
  soFar: IngestResult | null;
}

export class SyncService {
  private running: Running | null = null;
  private current: Promise<void> | null = null;
  private receiver: WebhookReceiver | null = null;
  private receiverError: string | null = null;
  private received = 0;
  private readonly history: HistoryQueries;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepository,
    private readonly secrets: SecretStore,
    private readonly listener: SyncListener,
  ) {
    this.history = new HistoryQueries(db);
    // Attachments stored before text extraction existed get extracted once, in the background, after the face is up.
    setImmediate(() => {
      if (db.open && !db.readonly) new AttachmentTextIndexer(db).backfill();
    });
  }

  state(): SyncState {
    const running = this.running;
    return {
      running:
        running === null
          ? null
          : {
              id: running.id,
              source: running.source,
              startedAt: running.startedAt,
              received: running.soFar?.received ?? 0,
              applied: running.soFar?.applied ?? 0,
              duplicates: running.soFar?.duplicates ?? 0,
              stale: running.soFar?.stale ?? 0,
              deleted: running.soFar?.deleted ?? 0,
              rejected: running.soFar?.rejected ?? 0,
              suppressed: running.soFar?.suppressed ?? 0,
            },
      last: this.history.lastFinishedRun(),
      receiver: this.receiver === null ? { url: null, error: this.receiverError } : { url: this.receiver.url, receivedSinceStart: this.received },
    };
  }

  /** Starts a sync in the background; resolves with its run id once it has one. */
  async start(source: SyncSource): Promise<number> {
    if (this.running !== null) throw new ApiFailure('conflict', `a sync is already running (${this.running.source})`);
    if (source.kind === 'upstream') return this.startUpstream(source.initial ?? false);
    const label = source.kind === 'demo' ? 'demo' : 'feed';
    const placeholder: Running = { id: 0, source: label, startedAt: new Date().toISOString(), soFar: null };
    this.running = placeholder;
    return new Promise<number>((resolve, reject) => {
      const onStart = (id: number) => {
        placeholder.id = id;
        resolve(id);
        this.listener.progress(this.state());
      };
      const onProgress = (soFar: IngestResult) => {
        placeholder.soFar = soFar;
        this.listener.progress(this.state());
        // Each batch is committed: the list may grow while a long import runs.
        this.listener.dataChanged();
      };
      let work: Promise<unknown>;
      try {
        work = source.kind === 'demo' ? this.runDemo(source, onStart, onProgress) : this.runFeed(onStart, onProgress);
      } catch (error) {
        this.running = null;
        reject(error);
        return;
      }
      this.current = work.then(
        () => undefined,
        (error: unknown) => {
          // Before the import row existed, the caller hears it; after, the history has it.
          if (placeholder.id === 0) reject(error);
        },
      ).finally(() => {
        this.running = null;
        this.current = null;
        this.listener.finished(this.state());
        this.listener.dataChanged();
      });
    });
  }

  private runDemo(source: Extract<SyncSource, { kind: 'demo' }>, onStart: (id: number) => void, onProgress: (r: IngestResult) => void) {
    const count = source.count ?? DEMO_DEFAULT_COUNT;
    const seed = source.seed ?? 'demo';
    return runImport(this.db, demoSourceItems({ count, seed }), { source: `demo (${count}, seed ${seed})`, onStart, onProgress });
  }

  private runFeed(onStart: (id: number) => void, onProgress: (r: IngestResult) => void) {
    const { feedUrl } = this.settings.get();
    if (feedUrl === '') throw new ApiFailure('invalid-request', 'no feed URL is set: add one in Sync settings');
    return pullFeed({ db: this.db, url: feedUrl, token: this.secrets.get('feedToken') ?? undefined, onStart, onProgress });
  }

  /** Asks the upstream to push a sync to our webhook receiver (started if needed). */
  private async startUpstream(initial: boolean): Promise<number> {
    const apiKey = this.secrets.get('apiKey');
    const { integrationId, upstreamBaseUrl } = this.settings.get();
    if (apiKey === null) throw new ApiFailure('invalid-request', 'no upstream API key is set: add it in Sync settings');
    if (integrationId === '') throw new ApiFailure('invalid-request', 'no integration id is set: add it in Sync settings');
    if (this.receiver === null) await this.startReceiver();
    try {
      await startUpstreamSync({ apiKey, integrationId, baseUrl: upstreamBaseUrl || undefined, initial });
    } catch (error) {
      throw new ApiFailure('unavailable', (error as Error).message);
    }
    return this.history.recentRuns(1)[0]?.id ?? 0;
  }

  async startReceiver(): Promise<SyncState> {
    if (this.receiver !== null) return this.state();
    const apiKey = this.secrets.get('apiKey');
    if (apiKey === null) throw new ApiFailure('invalid-request', 'the webhook receiver needs the upstream API key to verify signatures: add it in Sync settings');
    try {
      this.receiver = await startWebhookReceiver({
        db: this.db,
        apiKey,
        port: this.settings.get().webhookPort,
        onEvent: () => {
          this.received++;
          this.listener.dataChanged();
          this.listener.progress(this.state());
        },
      });
      this.receiverError = null;
      this.received = 0;
    } catch (error) {
      this.receiverError = (error as Error).message;
      throw new ApiFailure('unavailable', `cannot start the webhook receiver: ${this.receiverError}`);
    }
    return this.state();
  }

  async stopReceiver(): Promise<SyncState> {
    const receiver = this.receiver;
    this.receiver = null;
    await receiver?.close();
    return this.state();
  }

  /** Waits for a running sync and stops the receiver. */
  async close(): Promise<void> {
    await this.current;
    await this.stopReceiver();
  }
}
