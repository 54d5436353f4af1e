/**
 * The web face (DESIGN §3, §6): the renderer and the API contract served to a browser on
 * this machine. It binds 127.0.0.1 only, every API call needs the per-launch token, and
 * every request must name us in Host (no DNS rebinding) and, when it says, come from our
 * own origin (no cross-site requests).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AttachmentFile } from '../../shared/api/attachments.js';
import { isApiMethod, type ApiError, type ApiEvent } from '../../shared/api/contract.js';
import { isBinaryMethod } from '../../shared/api/methods.js';
import { ATTACHMENT_META_HEADER, attachmentHeaders } from './attachment-response.js';
import type { ApiService } from '../api/service.js';
import { readBody } from '../http/body.js';
import { parseJson } from '../http/json.js';
import { HttpError, sendJson } from '../http/respond.js';
import { sameSecret } from '../http/secret.js';
import { serveStatic } from './static-files.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security.js';

export const WEB_HOST = '127.0.0.1';
export const MAX_API_BODY_BYTES = 1024 * 1024;
export const EVENTS_PATH = '/api/events';
const PING_INTERVAL_MS = 25_000;
/** A stream whose reader stopped reading is dropped rather than queued without end. */
const MAX_QUEUED_EVENT_BYTES = 1024 * 1024;

export { CONTENT_SECURITY_POLICY };

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebServerOptions {
  api: ApiService;
  /** The renderer's production build, normally `<repo>/dist/renderer`. */
  staticDir: string;
  /** Only 127.0.0.1: the web face is for this machine. */
  host?: typeof WEB_HOST;
  /** Default 0: any free port. */
  port?: number;
  /** Default: 32 random bytes, base64url. */
  token?: string;
  /** For tests: how often an events stream gets a `: ping` comment (default 25 s). */
  pingIntervalMs?: number;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=TOKEN`: what the user opens. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  token: string;
  /** Ends open event streams, waits for requests in flight, then stops listening. */
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host: string = options.host ?? WEB_HOST;
  if (host !== WEB_HOST) {
    throw new Error(`the web face binds ${WEB_HOST} only (it is for this machine), not ${JSON.stringify(host)}`);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`the port must be a whole number from 0 to 65535, got ${port}`);
  const token = options.token ?? newToken();
  if (!/^[A-Za-z0-9._~-]{16,}$/.test(token)) {
    throw new Error('the token must be at least 16 characters, letters, digits and . _ ~ - only (it travels in a URL)');
  }

  const face = new WebFace(options.api, options.staticDir, token, options.pingIntervalMs ?? PING_INTERVAL_MS);
  const server = createServer((req, res) => face.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, WEB_HOST, () => {
      server.off('error', reject);
      face.port = (server.address() as AddressInfo).port;
      resolve();
    });
  });
  const origin = `http://${WEB_HOST}:${face.port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () => (closing ??= face.close(server)),
  };
}

/** Where a request is going: the API's errors are envelopes, the page's are text. */
type Area = 'api' | 'page';

class WebFace {
  port = 0;
  private closing = false;
  private readonly streams = new Set<ServerResponse>();
  private readonly inFlight = new Set<ServerResponse>();

  constructor(
    private readonly api: ApiService,
    private readonly staticDir: string,
    private readonly token: string,
    private readonly pingIntervalMs: number,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (this.closing) res.setHeader('Connection', 'close');
    this.inFlight.add(res);
    res.once('close', () => this.inFlight.delete(res));
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const area: Area = path === '/api' || path.startsWith('/api/') ? 'api' : 'page';
    void this.route(req, res, path, area).catch((error: unknown) => answerError(req, res, area, error));
  }

  private async route(req: IncomingMessage, res: ServerResponse, path: string, area: Area): Promise<void> {
    this.checkHostAndOrigin(req);
    if (area === 'page') return serveStatic(req, res, this.staticDir);
    // The page and its API always share one origin: a request from any other site,
    // even another port of this machine (same-site), is not ours.
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      throw new HttpError(403, `the API answers only its own page (Sec-Fetch-Site: ${fetchSite})`);
    }
    if (path === EVENTS_PATH) return this.streamEvents(req, res);
    return this.call(req, res, path.slice('/api/'.length));
  }

  /** DNS rebinding: another name resolving to 127.0.0.1 still sends its own Host. */
  private checkHostAndOrigin(req: IncomingMessage): void {
    const host = req.headers.host;
    if (host !== `${WEB_HOST}:${this.port}` && host !== `localhost:${this.port}`) {
      throw new HttpError(403, `this server answers only to ${WEB_HOST}:${this.port} (Host: ${JSON.stringify(host ?? '')})`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${WEB_HOST}:${this.port}` && origin !== `http://localhost:${this.port}`) {
      throw new HttpError(403, `requests from ${JSON.stringify(origin)} are not allowed`);
    }
  }

  private async call(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, `${req.method} is not allowed here: API methods take POST`, { Allow: 'POST' });
    const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    if (match?.[1] === undefined || !sameSecret(match[1], this.token)) throw unauthorized();
    if (!isApiMethod(method)) throw new HttpError(404, `unknown method ${JSON.stringify(method)}`);
    const body = await readBody(req, MAX_API_BODY_BYTES);
    // An empty body is an empty request, as for `overview`.
    const request = body.length === 0 ? undefined : parseJson(body.toString('utf8'));
    const envelope = await this.api.dispatch(method, request);
    if (envelope.ok && isBinaryMethod(method)) return sendAttachment(res, envelope.value as AttachmentFile);
    sendJson(res, 200, envelope, { 'Cache-Control': 'no-store' });
  }

  /** Server-Sent Events: EventSource cannot send headers, so the token comes in the query. */
  private streamEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') throw new HttpError(405, `${req.method} is not allowed here: the event stream takes GET`, { Allow: 'GET' });
    const given = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
    if (given === null || !sameSecret(given, this.token)) throw unauthorized();
    if (this.closing) throw new HttpError(503, 'the server is stopping');

    const send = (text: string) => {
      // Between end() and 'close' an event may still come; writing then would throw.
      if (res.writableEnded || res.destroyed) return;
      if (res.writableLength > MAX_QUEUED_EVENT_BYTES) res.destroy();
      else res.write(text);
    };
    const unsubscribe = this.api.onEvent((event: ApiEvent) => send(`data: ${JSON.stringify(event)}\n\n`));
    const ping = setInterval(() => send(': ping\n\n'), this.pingIntervalMs);
    this.streams.add(res);
    res.once('close', () => {
      unsubscribe();
      clearInterval(ping);
      this.streams.delete(res);
    });
    // Subscribed before the headers go out: a client that has them misses no event.
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.flushHeaders();
  }

  async close(server: Server): Promise<void> {
    this.closing = true;
    const stopped = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    for (const res of this.streams) {
      res.end();
      // A reader that stopped reading would hold the end back, and with it close().
      if (res.writableLength > 0) res.destroy();
    }
    await this.idle();
    // Calls in flight have answered; what is left are keep-alive and never-used sockets.
    server.closeAllConnections();
    await stopped;
  }

  /** Resolves once no response is in progress. */
  private async idle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight].map((res) => new Promise((resolve) => res.once('close', resolve))));
    }
  }
}

/**
 * A candidate's file, raw: typed from its sniffed type, never sniffed again by the browser,
 * never shown as a page of our origin (sandboxed, as a download), its facts in a header.
 */
function sendAttachment(res: ServerResponse, file: AttachmentFile): void {
  const { bytes, ...meta } = file;
  res.writeHead(200, { ...attachmentHeaders(meta), [ATTACHMENT_META_HEADER]: encodeURIComponent(JSON.stringify(meta)) });
  res.end(bytes);
}

function unauthorized(): HttpError {
  return new HttpError(401, 'missing or wrong token', { 'WWW-Authenticate': 'Bearer' });
}

const CODE_BY_STATUS: Readonly<Record<number, ApiError['code']>> = {
  400: 'invalid-request',
  401: 'unavailable',
  403: 'unavailable',
  404: 'not-found',
  405: 'invalid-request',
  413: 'invalid-request',
  503: 'unavailable',
};

function answerError(req: IncomingMessage, res: ServerResponse, area: Area, error: unknown): void {
  const known = error instanceof HttpError;
  const status = known ? error.status : 500;
  const message = known ? error.message : `the request failed: ${(error as Error).message ?? String(error)}`;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // A body we stopped reading cannot be followed by another request on this socket.
  const headers: Record<string, string> = { ...(known ? error.headers : {}), ...(req.complete ? {} : { Connection: 'close' }) };
  if (area === 'api') {
    const apiError: ApiError = { code: CODE_BY_STATUS[status] ?? 'failed', message };
    sendJson(res, status, { ok: false, error: apiError }, { ...headers, 'Cache-Control': 'no-store' });
    return;
  }
  const text = `${message}\n`;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}
