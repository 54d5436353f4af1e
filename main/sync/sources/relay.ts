/**
 * The relay (`relay`): a webhook receiver on a server that keeps every signed event in
 * an append-only log and serves that log as a feed to laptops, which cannot receive
 * webhooks themselves. It never interprets events beyond their eventId and, for a
 * candidate erased with `forget` on the relay's database, whose they are: those are
 * answered `suppressed` and not kept. The laptops' pipelines do the rest, each at its pace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseEvent } from '../../../shared/ats/events.js';
import type { Db } from '../../db/open.js';
import { HttpError, sendJson, sendJsonText } from '../../http/respond.js';
import { sameSecret } from '../../http/secret.js';
import { startServer } from '../../http/server.js';
import { Suppressions } from '../../privacy/suppression.js';
import { DEFAULT_MAX_BODY_BYTES, readSignedJson } from './signed-body.js';
import { WEBHOOK_PATH } from './webhook.js';

export const FEED_PATH = '/feed';
export const DEFAULT_FEED_LIMIT = 500;
export const MAX_FEED_LIMIT = 5000;
/** A page stops growing past this much event text (always at least one event), so base64-heavy pages stay sendable. */
const MAX_PAGE_CHARS = 32 * 1024 * 1024;

export interface RelayOptions {
  db: Db;
  /** Verifies X-Knit-Signature on incoming webhooks. */
  apiKey: string;
  /** What feed readers send as `Authorization: Bearer <token>`. */
  feedToken: string;
  host?: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface Relay {
  /** `http://HOST:PORT`: webhooks go to `/webhook`, readers read `/feed`. */
  url: string;
  close(): Promise<void>;
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  if (options.feedToken === '') throw new Error('the relay needs a non-empty feed token');
  const log = new RelayLog(options.db);
  const suppressions = new Suppressions(options.db);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const server = await startServer(
    {
      [WEBHOOK_PATH]: {
        POST: async (req: IncomingMessage, res: ServerResponse) => {
          const { text, value } = await readSignedJson(req, options.apiKey, maxBytes);
          const eventId = eventIdOf(value);
          if (isSuppressed(suppressions, value)) {
            sendJson(res, 200, { status: 'suppressed' });
            return;
          }
          const appended = log.append(eventId, text);
          sendJson(res, 200, { status: appended ? 'appended' : 'duplicate' });
        },
      },
      [FEED_PATH]: {
        GET: (req: IncomingMessage, res: ServerResponse, url: URL) => {
          requireBearer(req, options.feedToken);
          const after = cursorParam(url.searchParams.get('after'));
          const page = log.page(after ?? 0, limitParam(url.searchParams.get('limit')));
          const cursor = page.lastSeq === null ? String(after ?? 0) : String(page.lastSeq);
          // Bodies were valid JSON when stored, so they are spliced in rather than parsed and re-serialised.
          sendJsonText(res, 200, `{"events":[${page.bodies.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${page.hasMore}}`);
        },
      },
    },
    options,
  );
  return { url: server.baseUrl, close: server.close };
}

class RelayLog {
  private readonly insert;
  private readonly select;
  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO relay_log (event_id, body, received_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING');
    this.select = db.prepare<[number, number], { seq: number; body: string }>(
      'SELECT seq, body FROM relay_log WHERE seq > ? ORDER BY seq LIMIT ?',
    );
  }

  /** False when this eventId is already in the log. Committed on return (autocommit). */
  append(eventId: string, body: string): boolean {
    return this.insert.run(eventId, body, new Date().toISOString()).changes > 0;
  }

  page(after: number, limit: number): { bodies: string[]; lastSeq: number | null; hasMore: boolean } {
    const bodies: string[] = [];
    let lastSeq: number | null = null;
    let chars = 0;
    // One row past the limit tells whether there is more.
    for (const row of this.select.iterate(after, limit + 1)) {
      if (bodies.length === limit || (bodies.length > 0 && chars + row.body.length > MAX_PAGE_CHARS)) {
        return { bodies, lastSeq, hasMore: true };
      }
      bodies.push(row.body);
      chars += row.body.length;
      lastSeq = row.seq;
    }
    return { bodies, lastSeq, hasMore: false };
  }
}

/** An event of a forgotten candidate or application (events that do not parse are kept: the laptops judge them). */
function isSuppressed(suppressions: Suppressions, value: unknown): boolean {
  const parsed = parseEvent(value);
  if (!parsed.ok) return false;
  const { event } = parsed;
  if (event.kind === 'application.upsert') return suppressions.isSuppressed(event.applicationId, event.models.info?.candidate?.id ?? null);
  if (event.kind === 'application.deleted') return suppressions.isSuppressed(event.applicationId, event.candidateId);
  return false;
}

function eventIdOf(value: unknown): string {
  const eventId = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { eventId?: unknown }).eventId : undefined;
  // Numbers are accepted as the pipeline accepts them, or the upstream would retry for days.
  if (typeof eventId === 'number' && Number.isFinite(eventId)) return String(eventId);
  if (typeof eventId !== 'string' || eventId.trim() === '') {
    throw new HttpError(400, 'an event must be a JSON object with a non-empty eventId');
  }
  return eventId;
}

function requireBearer(req: IncomingMessage, token: string): void {
  const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
  if (match === null || !sameSecret(match[1]!, token)) {
    throw new HttpError(401, match === null ? 'send Authorization: Bearer <feed token>' : 'the feed token is wrong', {
      'WWW-Authenticate': 'Bearer',
    });
  }
}

function limitParam(raw: string | null): number {
  if (raw === null) return DEFAULT_FEED_LIMIT;
  if (!/^\s*-?\d+\s*$/.test(raw)) throw new HttpError(400, `limit must be a whole number, got ${JSON.stringify(raw)}`);
  return Math.min(MAX_FEED_LIMIT, Math.max(1, Number(raw)));
}

function cursorParam(raw: string | null): number | null {
  if (raw === null) return null;
  const cursor = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(cursor)) {
    throw new HttpError(400, `after must be a cursor this feed gave out (a non-negative integer), got ${JSON.stringify(raw)}`);
  }
  return cursor;
}
