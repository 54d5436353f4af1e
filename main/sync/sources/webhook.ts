/**
 * The webhook receiver (`listen`): the upstream POSTs one signed event per request and
 * counts it consumed on our 200, so 200 goes out only after the event is committed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../db/open.js';
import { SyncPipeline } from '../apply.js';
import { ImportRecorder } from '../run.js';
import { addResult, emptyResult, type IngestResult } from '../types.js';
import { HttpError, sendJson } from '../../http/respond.js';
import { startServer } from '../../http/server.js';
import { DEFAULT_MAX_BODY_BYTES, readSignedJson } from './signed-body.js';

export const WEBHOOK_PATH = '/webhook';
export const WEBHOOK_SOURCE = 'webhook';

export interface WebhookReceiverOptions {
  db: Db;
  apiKey: string;
  /** Default 127.0.0.1: only expose it wider on purpose. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  maxBodyBytes?: number;
  /** Called after each event is committed, with that event's outcome. */
  onEvent?: (result: IngestResult) => void;
}

export interface WebhookReceiver {
  /** `http://HOST:PORT/webhook`, the URL to register upstream. */
  url: string;
  close(): Promise<void>;
}

type EventStatus = 'applied' | 'duplicate' | 'stale' | 'deleted';

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const apply = eventApplier(options.db);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const routes = {
    [WEBHOOK_PATH]: {
      POST: async (req: IncomingMessage, res: ServerResponse) => {
        const { text, value } = await readSignedJson(req, options.apiKey, maxBytes);
        const result = apply(value, text);
        notify(options.onEvent, result);
        sendJson(res, 200, { status: statusOf(result) });
      },
    },
  };
  let server;
  try {
    server = await startServer(routes, options);
  } catch (error) {
    apply.finish((error as Error).message);
    throw error;
  }
  return {
    url: `${server.baseUrl}${WEBHOOK_PATH}`,
    close: async () => {
      await server.close();
      apply.finish();
    },
  };
}

/**
 * Applies one event per call through one pipeline, keeping one `imports` row for the
 * receiver's lifetime up to date with the running totals.
 */
function eventApplier(db: Db) {
  const pipeline = new SyncPipeline(db);
  const recorder = new ImportRecorder(db);
  const importPk = recorder.begin(WEBHOOK_SOURCE);
  // Only counts: a long-running receiver must not keep every error in memory (rejected_events has them).
  const total = emptyResult();
  const apply = (value: unknown, body: string): IngestResult => {
    let result: IngestResult;
    try {
      result = pipeline.applyBatch([{ source: WEBHOOK_SOURCE, value, body }], { importPk });
    } catch (error) {
      tryRecord(() => recorder.end(importPk, total, (error as Error).message));
      throw error;
    }
    addResult(total, { ...result, errors: [] });
    // The event is committed; a failure to update the history must not make the upstream resend it.
    tryRecord(() => recorder.progress(importPk, total));
    return result;
  };
  apply.finish = (error: string | null = null) => tryRecord(() => recorder.end(importPk, total, error));
  return apply;
}

/** The answer for one committed event; a rejected one is the sender's error (400). */
function statusOf(result: IngestResult): EventStatus {
  if (result.rejected > 0) throw new HttpError(400, result.errors[0]?.message ?? 'not a valid event');
  if (result.duplicates > 0) return 'duplicate';
  if (result.stale > 0) return 'stale';
  if (result.deleted > 0) return 'deleted';
  return 'applied';
}

function tryRecord(record: () => void): void {
  try {
    record();
  } catch {
    // The imports row is history only; losing one update is better than failing the request.
  }
}

function notify(onEvent: ((result: IngestResult) => void) | undefined, result: IngestResult): void {
  try {
    onEvent?.(result);
  } catch {
    // A listener's bug must not turn a committed event into a retry or a crash.
  }
}
