/**
 * A loopback server with a route table and JSON error answers: what the webhook receiver
 * and the relay are built on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, sendJson } from './respond.js';

export const DEFAULT_HOST = '127.0.0.1';

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
