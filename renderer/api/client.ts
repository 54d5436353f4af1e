/**
 * The renderer's one way to reach main (DESIGN §3). Inside Electron the preload's
 * `window.api` is used; in the web face the same contract goes over HTTP:
 * `POST /api/<method>` with a JSON body and `Authorization: Bearer <token>`, answered by a
 * JSON envelope, and events arrive over `GET /api/events?token=<token>` (Server-Sent Events).
 * Both clients are derived from API_METHOD_NAMES, so a new contract method needs no change here.
 */
import type { ApiClient, ApiError, ApiEvent, Envelope } from '../../shared/api/contract';
import { ATTACHMENT_META_HEADER, type AttachmentFile } from '../../shared/api/attachments';
import { API_METHOD_NAMES, isBinaryMethod, type ApiMethod } from '../../shared/api/methods';
import type { PreloadApi } from './preload-api';

export type ApiEventListener = (event: ApiEvent) => void;

export interface ApiConnection {
  client: ApiClient;
  onEvent(listener: ApiEventListener): () => void;
}

type AnyMethod = (request: unknown) => Promise<Envelope<unknown>>;

export function failure(code: ApiError['code'], message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds a client whose every method goes through `call`. */
function clientFrom(call: (method: ApiMethod, request: unknown) => Promise<Envelope<unknown>>): ApiClient {
  const methods: Record<string, AnyMethod> = {};
  for (const method of API_METHOD_NAMES) methods[method] = (request) => call(method, request);
  return methods as unknown as ApiClient;
}

const ERROR_CODES: readonly string[] = ['invalid-request', 'not-found', 'conflict', 'unavailable', 'failed'];

/** True for `{ok:true,value}` or `{ok:false,error:{message}}`: what every method answers. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  return typeof (candidate.error as { message?: unknown }).message === 'string';
}

function normaliseError(envelope: Envelope<unknown>): Envelope<unknown> {
  if (envelope.ok || ERROR_CODES.includes(envelope.error.code)) return envelope;
  return failure('failed', envelope.error.message);
}

// ---------------------------------------------------------------------------------------
// Electron

/** Wraps the preload's functions so a rejected IPC call still answers an envelope. */
export function connectionFromPreload(api: PreloadApi): ApiConnection {
  const exposed = api as unknown as Record<string, unknown>;
  const client = clientFrom(async (method, request) => {
    const fn = exposed[method];
    if (typeof fn !== 'function') {
      return failure('unavailable', `This version of the app cannot do "${method}" yet.`);
    }
    try {
      const answer: unknown = await (fn as AnyMethod)(request);
      return isEnvelope(answer) ? normaliseError(answer) : failure('failed', `"${method}" gave an answer the window cannot read.`);
    } catch (error) {
      return failure('failed', `"${method}" failed: ${errorText(error)}`);
    }
  });
  return { client, onEvent: (listener) => api.onEvent(listener) };
}

// ---------------------------------------------------------------------------------------
// Web face

export const TOKEN_STORAGE_KEY = 'candidate-viewer.token';

/**
 * Reads `?token=` from a page address. Returns the token (null when absent) and the address
 * without it (null when there was nothing to remove), so it never stays in history or bookmarks.
 */
export function takeTokenFromUrl(href: string): { token: string | null; cleanedHref: string | null } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanedHref: null };
  url.searchParams.delete('token');
  return { token: token === '' ? null : token, cleanedHref: url.href };
}

/** The web face's token: from the address on first load (then hidden), else from this tab's session. */
export function rememberToken(win: Window): string | null {
  const { token, cleanedHref } = takeTokenFromUrl(win.location.href);
  let storage: Storage | null;
  try {
    storage = win.sessionStorage;
  } catch {
    // Storage can be disabled; the token then lives only as long as this page.
    storage = null;
  }
  if (cleanedHref !== null) {
    if (token !== null) storage?.setItem(TOKEN_STORAGE_KEY, token);
    win.history.replaceState(win.history.state, '', cleanedHref);
  }
  return token ?? storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
}

export interface HttpClientOptions {
  token: string | null;
  /** Where `/api/` lives; the page's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createHttpClient(options: HttpClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? '';
  return clientFrom(async (method, request) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (options.token !== null) headers.Authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(request ?? {}) });
    } catch (error) {
      return failure('unavailable', `Cannot reach the Candidate Viewer server (${errorText(error)}). Is it still running?`);
    }
    if (response.status === 401) {
      return failure(
        'unavailable',
        options.token === null
          ? 'This page has no access token. Open the address the Candidate Viewer server printed (it ends in ?token=…).'
          : 'The server refused this page’s access token (it changes each time the server starts). Open the address it printed again.',
      );
    }
    // A file is told from an error by its description header, not its type: a candidate's JSON is a file too.
    const file = response.headers.has(ATTACHMENT_META_HEADER) || !(response.headers.get('Content-Type') ?? '').startsWith('application/json');
    if (response.ok && isBinaryMethod(method) && file) {
      return binaryAnswer(response);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.status === 403) {
      const why = isEnvelope(body) && !body.ok ? `: ${body.error.message}` : '';
      return failure('unavailable', `The server refused this request${why}.`);
    }
    if (body === undefined) return failure('failed', `The server answered HTTP ${response.status} without a readable reply.`);
    if (isEnvelope(body)) return normaliseError(body);
    return failure('failed', `The server answered HTTP ${response.status} with a reply the window cannot read.`);
  });
}

/** The web face sends a file's bytes raw, its facts in a header: back into the contract's shape. */
async function binaryAnswer(response: Response): Promise<Envelope<unknown>> {
  let meta: Omit<AttachmentFile, 'bytes'>;
  try {
    meta = JSON.parse(decodeURIComponent(response.headers.get(ATTACHMENT_META_HEADER) ?? '')) as Omit<AttachmentFile, 'bytes'>;
  } catch {
    return failure('failed', 'The server sent a file without its description.');
  }
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { ok: true, value: { ...meta, bytes } };
  } catch (error) {
    return failure('unavailable', `The file stopped arriving (${errorText(error)}).`);
  }
}

export interface EventStreamOptions {
  token: string | null;
  baseUrl?: string;
  EventSource?: typeof EventSource;
}

function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** One EventSource shared by every listener, opened on the first and closed after the last. */
export function createEventStream(options: EventStreamOptions): (listener: ApiEventListener) => () => void {
  const listeners = new Set<ApiEventListener>();
  let source: EventSource | null = null;
  let lostConnection = false;
  const emit = (event: ApiEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const open = () => {
    const Impl = options.EventSource ?? EventSource;
    const query = options.token === null ? '' : `?token=${encodeURIComponent(options.token)}`;
    source = new Impl(`${options.baseUrl ?? ''}/api/events${query}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isApiEvent(event)) emit(event);
    };
    source.onerror = () => {
      lostConnection = true;
    };
    source.onopen = () => {
      // Events sent while the stream was down are lost: have the window catch up.
      if (lostConnection) emit({ type: 'data.changed' });
      lostConnection = false;
    };
  };
  return (listener) => {
    listeners.add(listener);
    if (source === null) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  };
}

// ---------------------------------------------------------------------------------------

/** Electron's preload when present, otherwise the web face's HTTP protocol. */
export function createApiConnection(win: Window = window): ApiConnection {
  if (win.api !== undefined) return connectionFromPreload(win.api);
  const token = rememberToken(win);
  return { client: createHttpClient({ token }), onEvent: createEventStream({ token }) };
}

/** A client that answers every call with an error: the store's default until the app starts. */
export function disconnectedClient(): ApiClient {
  return clientFrom(async (method) => failure('unavailable', `Not connected yet ("${method}").`));
}
