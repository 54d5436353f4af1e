/**
 * The feed puller (`sync --feed URL`): pages through `GET <url>?limit=<n>[&after=<cursor>]`
 * and applies each page in one transaction together with the page's cursor, so an
 * interrupted pull resumes exactly after the last committed page. Each page's new
 * attachments are read by the extraction workers first, so the page is searchable by
 * what its résumés say as soon as it is committed.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { TextPrefetch } from '../../attachments/extract/prefetch.js';
import type { Db } from '../../db/open.js';
import { parsedEvents, SyncPipeline } from '../apply.js';
import { ImportRecorder } from '../run.js';
import { addResult, emptyResult, type IngestResult, type SourceItem } from '../types.js';

export const DEFAULT_PAGE_LIMIT = 500;
export const DEFAULT_MAX_RETRIES = 6;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A Retry-After of hours would look like a hang; past this we wait this long and try. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;
const BODY_SNIPPET_CHARS = 200;

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FeedOptions {
  db: Db;
  url: string;
  token?: string;
  limit?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Retries of one page after a 429, a 5xx or a connection failure that may pass (refused, reset, timed out). */
  maxRetries?: number;
  onProgress?: (soFar: IngestResult) => void;
  /** Called with the import's id (its row in `imports`) as soon as it exists. */
  onStart?: (importPk: number) => void;
  /** Extract attachment text before each page is applied (on unless false). */
  extractText?: boolean;
}

const pageSchema = z.object({
  events: z.array(z.unknown()),
  cursor: z.union([z.string(), z.number().transform(String)]),
  hasMore: z.boolean(),
});
type FeedPage = z.infer<typeof pageSchema>;

export async function pullFeed(options: FeedOptions): Promise<IngestResult> {
  const feedUrl = feedKey(options.url);
  const cursors = new CursorStore(options.db);
  const pipeline = new SyncPipeline(options.db);
  const recorder = new ImportRecorder(options.db);
  const prefetch = options.extractText === false ? null : new TextPrefetch(options.db);
  const importPk = recorder.begin(`feed ${options.url}`);
  options.onStart?.(importPk);
  const total = emptyResult();
  try {
    let cursor = cursors.get(feedUrl);
    for (let hasMore = true; hasMore; ) {
      const page = await fetchPage(pageUrl(feedUrl, options.limit ?? DEFAULT_PAGE_LIMIT, cursor), options);
      const items: SourceItem[] = page.events.map((value, i) => ({ source: `${options.url}#${cursor ?? 'start'}:${i + 1}`, value }));
      const next = page.cursor;
      const prepared = pipeline.prepare(items);
      const texts = prefetch === null ? undefined : await prefetch.start(parsedEvents(prepared));
      addResult(total, pipeline.applyBatch(prepared, { importPk, texts, alsoInTransaction: () => cursors.set(feedUrl, next) }));
      if (texts !== undefined) prefetch?.settle(texts);
      options.onProgress?.(total);
      if (page.hasMore && next === cursor) throw new FeedError(`feed ${options.url} says it has more but did not move its cursor past ${cursor}`);
      cursor = next;
      hasMore = page.hasMore;
    }
  } catch (error) {
    recorder.end(importPk, total, (error as Error).message);
    throw error;
  }
  recorder.end(importPk, total);
  return total;
}

/** The feed's identity for its stored cursor: the URL without our own paging parameters. */
function feedKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedError(`not a valid feed URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedError(`a feed URL must be http(s), got ${url}`);
  parsed.searchParams.delete('after');
  parsed.searchParams.delete('limit');
  parsed.hash = '';
  return parsed.toString();
}

function pageUrl(feedUrl: string, limit: number, cursor: string | null): string {
  const url = new URL(feedUrl);
  url.searchParams.set('limit', String(limit));
  if (cursor !== null) url.searchParams.set('after', cursor);
  return url.toString();
}

class CursorStore {
  private readonly select;
  private readonly upsert;
  constructor(db: Db) {
    this.select = db.prepare<[string], { cursor: string | null }>('SELECT cursor FROM feed_cursors WHERE url = ?');
    this.upsert = db.prepare(
      `INSERT INTO feed_cursors (url, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    );
  }
  get(url: string): string | null {
    return this.select.get(url)?.cursor ?? null;
  }
  set(url: string, cursor: string): void {
    this.upsert.run(url, cursor, new Date().toISOString());
  }
}

type Attempt = { page: FeedPage } | { failure: string; retryAfterMs: number | null };

/** One page, retrying what a later try can fix (429, 5xx, network) with backoff. */
async function fetchPage(url: string, options: FeedOptions): Promise<FeedPage> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  for (let retry = 0; ; retry++) {
    const attempt = await tryFetchPage(url, options);
    if ('page' in attempt) return attempt.page;
    if (retry >= maxRetries) throw new FeedError(`feed ${options.url} kept failing: ${attempt.failure}`);
    await sleep(attempt.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** retry));
  }
}

async function tryFetchPage(url: string, options: FeedOptions): Promise<Attempt> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token !== undefined && options.token !== '') headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(url, { headers });
    text = await response.text();
  } catch (error) {
    // A refused or dropped connection may work in a moment; a port fetch will not use, a
    // certificate that does not verify or a host that does not exist will not.
    if (!isTransientNetworkError(error)) throw new FeedError(`feed ${options.url} cannot be reached: ${networkReason(error)}`);
    return { failure: networkReason(error), retryAfterMs: null };
  }
  if (response.status === 429 || response.status >= 500) {
    return { failure: `HTTP ${response.status}`, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  if (response.status === 401 || response.status === 403) {
    throw new FeedError(`the feed refused the token (HTTP ${response.status})`);
  }
  if (!response.ok) {
    throw new FeedError(`feed ${options.url} answered HTTP ${response.status}: ${text.slice(0, BODY_SNIPPET_CHARS)}`);
  }
  return { page: parsePage(text, options.url) };
}

function parsePage(text: string, feedUrl: string): FeedPage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`feed ${feedUrl} answered something that is not JSON (${(error as Error).message}): ${text.slice(0, BODY_SNIPPET_CHARS)}`);
  }
  const page = pageSchema.safeParse(value);
  if (!page.success) {
    const issues = page.error.issues.map((issue) => `${issue.path.join('.') || 'page'}: ${issue.message}`).join('; ');
    throw new FeedError(`feed ${feedUrl} answered a malformed page (expected {"events":[...],"cursor":"...","hasMore":bool}): ${issues}`);
  }
  return page.data;
}

/** Connection failures a later try can get past (the network comes back, the server restarts). */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

function causeCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTransientNetworkError(error: unknown): boolean {
  const code = causeCode(error);
  // undici's own socket, timeout and closed-connection errors.
  return code !== undefined && (TRANSIENT_NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'));
}

function networkReason(error: unknown): string {
  // fetch reports "fetch failed" and puts the real reason (ECONNRESET, ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return detail === undefined ? (error as Error).message : `${(error as Error).message} (${detail})`;
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  const ms = /^\s*\d+\s*$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  if (Number.isNaN(ms)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
