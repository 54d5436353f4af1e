/**
 * The renderer's production build (dist/renderer) served to the browser: paths resolved
 * inside the folder only, no dotfiles, and the SPA's routes answered with index.html.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpError } from '../http/respond.js';

export const NOT_BUILT_MESSAGE =
  'The Candidate Viewer web page is not built yet: run `npx vite build` in the repository (the `npm run web` script builds it first), then reload.';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Vite names everything under assets/ by content hash, so it never changes under one URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, staticDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, `${req.method} is not allowed here`, { Allow: 'GET, HEAD' });
  }
  const segments = pathSegments(req.url ?? '/');
  const root = resolve(staticDir);
  const index = join(root, 'index.html');
  if (!(await isFile(index))) throw new HttpError(503, NOT_BUILT_MESSAGE);

  const last = segments[segments.length - 1];
  const candidate = segments.length === 0 ? index : resolve(root, ...segments);
  if (!isInside(root, candidate)) throw new HttpError(403, 'that path is outside the app');
  if (await isFile(candidate)) {
    // A symlink in the build must not lead out of it either.
    if (!isInside(await realpath(root), await realpath(candidate))) throw new HttpError(403, 'that path is outside the app');
    const cache = candidate === index ? 'no-cache' : segments[0] === 'assets' ? IMMUTABLE : 'no-cache';
    return sendFile(req, res, candidate, cache);
  }
  // Client-side routes (/applications/abc) have no extension; a missing file has one.
  if (last === undefined || extname(last) === '') return sendFile(req, res, index, 'no-cache');
  throw new HttpError(404, `not found: /${segments.join('/')}`);
}

/**
 * The decoded path segments, refusing what could reach outside the folder or into hidden
 * files. Works on the raw request target: `..` is refused, not normalised away.
 */
export function pathSegments(target: string): string[] {
  const rawPath = target.split('?', 1)[0] ?? '';
  if (!rawPath.startsWith('/')) throw new HttpError(400, 'the request path must start with /');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new HttpError(400, 'the request path is not valid percent-encoding');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(400, 'the request path has a forbidden character');
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) throw new HttpError(403, 'that path is outside the app');
  if (segments.some((segment) => segment.startsWith('.'))) throw new HttpError(404, 'not found');
  return segments;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): Promise<void> {
  const { size } = await stat(file);
  res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Content-Length': String(size), 'Cache-Control': cacheControl });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(file), res);
  } catch {
    // The status line is out; a half-sent file can only be cut off.
    res.destroy();
  }
}
