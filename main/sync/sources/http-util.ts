/**
 * What the webhook receiver and the relay share: a loopback server with a route table,
 * JSON answers, a capped body reader, and the signed-JSON check every webhook POST gets.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from './signature.js';

export const DEFAULT_HOST = '127.0.0.1';
/** Attachments arrive base64 inside the event, so a real event can be several MiB. */
export const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
export const SIGNATURE_HEADER = 'x-knit-signature';

/** An answer other than 2xx, with a message for the sender. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(value), headers);
}

/** For answers already serialised (the relay splices stored event bodies in as they are). */
export function sendJsonText(res: ServerResponse, status: number, json: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
  });
  res.end(json);
}

/** Reads the whole body, refusing more than `maxBytes` as soon as it is announced or seen. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `the body is larger than ${maxBytes} bytes`);
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop buffering; the 413 goes out with Connection: close, which ends the socket.
      req.off('data', onData);
      req.pause();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    // A sender that hangs up mid-body leaves nothing to answer; settle so the handler ends.
    req.once('close', () => reject(new HttpError(400, 'the request ended before its body did')));
  });
}

/**
 * The body of a webhook POST: size-capped, its signature verified on the raw bytes
 * before anything parses them, then parsed as JSON.
 */
export async function readSignedJson(
  req: IncomingMessage,
  apiKey: string,
  maxBytes: number,
): Promise<{ text: string; value: unknown }> {
  const body = await readBody(req, maxBytes);
  const header = req.headers[SIGNATURE_HEADER];
  if (!verifySignature(body, typeof header === 'string' ? header : undefined, apiKey)) {
    throw new HttpError(401, header === undefined ? 'the X-Knit-Signature header is missing' : 'the X-Knit-Signature does not match the body');
  }
  const text = body.toString('utf8');
  return { text, value: parseJson(text) };
}

/** JSON.parse, failing with a 400 that says where the text breaks. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 names the position for some errors only, so find it ourselves.
    const offset = jsonErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const reason = (error as Error).message
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ (in JSON )?at position \d+.*$/s, '');
    throw new HttpError(400, `the body is not valid JSON: ${reason} at line ${line} column ${column} (position ${offset})`);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}

/** Where a JSON text breaks: thrown by the scanners below, caught by jsonErrorOffset. */
class JsonBreak {
  constructor(readonly offset: number) {}
}

const WHITESPACE = /[ \t\n\r]*/y;

function skipWhitespace(text: string, at: number): number {
  WHITESPACE.lastIndex = at;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

/**
 * Offset of the first character JSON.parse refuses (text.length when the text ends too
 * early). A scanner rather than a parser: nothing is built, and containers are tracked
 * on a stack, so any depth works.
 */
export function jsonErrorOffset(text: string): number {
  try {
    scanJson(text);
    return text.length;
  } catch (error) {
    if (error instanceof JsonBreak) return error.offset;
    throw error;
  }
}

function scanJson(text: string): void {
  const closers: string[] = [];
  let at = skipWhitespace(text, 0);
  let expect: 'value' | 'key' | 'next' = 'value';
  for (;;) {
    const ch = text[at];
    if (expect === 'key') {
      if (ch !== '"') throw new JsonBreak(at);
      at = skipWhitespace(text, scanString(text, at));
      if (text[at] !== ':') throw new JsonBreak(at);
      at = skipWhitespace(text, at + 1);
      expect = 'value';
    } else if (expect === 'value' && (ch === '{' || ch === '[')) {
      closers.push(ch === '{' ? '}' : ']');
      at = skipWhitespace(text, at + 1);
      if (text[at] === closers[closers.length - 1]) expect = 'next';
      else expect = ch === '{' ? 'key' : 'value';
    } else if (expect === 'value') {
      at = skipWhitespace(text, scanScalar(text, at));
      expect = 'next';
    } else {
      const closer = closers[closers.length - 1];
      if (closer === undefined) {
        if (at < text.length) throw new JsonBreak(at);
        return;
      }
      if (ch === closer) closers.pop();
      else if (ch === ',') expect = closer === '}' ? 'key' : 'value';
      else throw new JsonBreak(at);
      at = skipWhitespace(text, at + 1);
    }
  }
}

function scanScalar(text: string, at: number): number {
  const ch = text[at];
  if (ch === '"') return scanString(text, at);
  if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return scanNumber(text, at);
  for (const word of ['true', 'false', 'null']) {
    if (ch !== word[0]) continue;
    for (let i = 1; i < word.length; i++) if (text[at + i] !== word[i]) throw new JsonBreak(at + i);
    return at + word.length;
  }
  throw new JsonBreak(at);
}

function scanString(text: string, at: number): number {
  for (let i = at + 1; ; i++) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code) || code < 0x20) throw new JsonBreak(i);
    if (code === 0x22) return i + 1;
    if (code !== 0x5c) continue;
    i++;
    if (text[i] === 'u') {
      for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw new JsonBreak(i + k);
      i += 4;
    } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) throw new JsonBreak(i);
  }
}

function scanNumber(text: string, at: number): number {
  const isDigit = (i: number) => /[0-9]/.test(text[i] ?? '');
  const digits = (i: number) => {
    if (!isDigit(i)) throw new JsonBreak(i);
    while (isDigit(i)) i++;
    return i;
  };
  let i = text[at] === '-' ? at + 1 : at;
  i = text[i] === '0' ? i + 1 : digits(i);
  if (text[i] === '.') i = digits(i + 1);
  if (text[i] === 'e' || text[i] === 'E') i = digits(text[i + 1] === '+' || text[i + 1] === '-' ? i + 2 : i + 1);
  return i;
}

/** Compares secrets without leaking, through timing, how much of them matched. */
export function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual requires.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;
/** Path -> method -> handler. */
export type Routes = Record<string, Partial<Record<string, Handler>>>;

export interface RunningServer {
  /** `http://HOST:PORT`, without a trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves `routes` on host:port (port 0: any free one). Unknown paths get 404, other
 * methods 405; an HttpError becomes its status; anything else a 503, so an upstream
 * retries rather than the process dying.
 */
export function startServer(routes: Routes, options: { host?: string; port?: number }): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void dispatch(routes, req, res).catch((error: unknown) => answerError(req, res, error));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({ baseUrl: `http://${host}:${port}`, close: () => closeServer(server) });
    });
  });
}

async function dispatch(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const methods = Object.prototype.hasOwnProperty.call(routes, url.pathname) ? routes[url.pathname] : undefined;
  if (methods === undefined) throw new HttpError(404, `no such path: ${url.pathname}`);
  const handler = methods[req.method ?? ''];
  if (handler === undefined) {
    throw new HttpError(405, `${req.method} is not allowed here`, { Allow: Object.keys(methods).join(', ') });
  }
  await handler(req, res, url);
}

function answerError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const known = error instanceof HttpError;
  const status = known ? error.status : 503;
  const message = known ? error.message : `temporarily unable to take this request: ${(error as Error).message}`;
  // A body we stopped reading cannot be followed by another request on this socket.
  const close: Record<string, string> = req.complete ? {} : { Connection: 'close' };
  sendJson(res, status, { error: message }, { ...(known ? error.headers : {}), ...close });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  });
}
