/**
 * The upstream `sync.start` client (`start-sync`). The upstream answers at once and then
 * pushes the events to the registered webhook; this only asks it to begin.
 */
import { APPLICATION_MODEL_IDS } from '../../../shared/ats/applications.js';

export const DEFAULT_UPSTREAM_BASE_URL = 'https://api.getknit.dev';
export const DEFAULT_DATA_TYPE = 'ats_applications';
/** Every model of an application, in the order the reference lists them. */
export const APPLICATION_MODELS: readonly string[] = Object.values(APPLICATION_MODEL_IDS);
/** Model ids we can check before asking; other data types are passed through as given. */
const KNOWN_MODELS: Readonly<Record<string, readonly string[]>> = { ats_applications: APPLICATION_MODELS };
const MESSAGE_CHARS = 300;

export class UpstreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface StartSyncOptions {
  apiKey: string;
  integrationId: string;
  baseUrl?: string;
  dataType?: string;
  /** Default: every model of the data type (all six for ats_applications). */
  models?: string[];
  /** An initial sync sends every record again: the way to re-baseline after missed events. */
  initial?: boolean;
  honorScheduler?: boolean;
  includeInactiveRecords?: boolean;
  fetch?: typeof fetch;
}

/** Asks the upstream to start a sync; resolves to its parsed answer (e.g. `{success, data: {syncJobId}}`). */
export async function startUpstreamSync(options: StartSyncOptions): Promise<unknown> {
  if (options.apiKey.trim() === '') throw new UpstreamError('the API key is empty');
  if (options.integrationId.trim() === '') throw new UpstreamError('the integration id is empty');
  const base = (options.baseUrl ?? DEFAULT_UPSTREAM_BASE_URL).replace(/\/+$/, '');
  const body = requestBody(options);
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(`${base}/v1.0/sync.start`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${options.apiKey}`,
        'X-Knit-Integration-Id': options.integrationId,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new UpstreamError(`cannot reach ${base}: ${cause ?? (error as Error).message}`);
  }
  const answer = parseAnswer(text);
  if (!response.ok) throw new UpstreamError(`sync.start failed (HTTP ${response.status}): ${upstreamMessage(answer, text)}`);
  // The upstream can also refuse inside a 200.
  if (isRecord(answer) && answer.success === false) throw new UpstreamError(`sync.start was refused: ${upstreamMessage(answer, text)}`);
  return answer === undefined ? text : answer;
}

function requestBody(options: StartSyncOptions): Record<string, unknown> {
  const dataType = options.dataType ?? DEFAULT_DATA_TYPE;
  const body: Record<string, unknown> = { dataType, models: modelsFor(dataType, options.models) };
  if (options.initial === true) body.syncType = 'initial_sync';
  if (options.honorScheduler !== undefined) body.honorScheduler = options.honorScheduler;
  if (options.includeInactiveRecords !== undefined) body.includeInactiveRecords = options.includeInactiveRecords;
  return body;
}

function modelsFor(dataType: string, models: string[] | undefined): string[] {
  const known = KNOWN_MODELS[dataType];
  if (models === undefined || models.length === 0) {
    if (known === undefined) throw new UpstreamError(`name the models to sync for data type ${dataType}`);
    return [...known];
  }
  const unknown = known === undefined ? undefined : models.find((model) => !known.includes(model));
  if (unknown !== undefined) {
    throw new UpstreamError(`unknown model ${JSON.stringify(unknown)} for ${dataType}; the models are ${known!.join(', ')}`);
  }
  return models;
}

function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The upstream's own words: `{error: {msg}}`, `{error: "..."}`, `{message}`, `{msg}`, else the text. */
function upstreamMessage(answer: unknown, text: string): string {
  if (isRecord(answer)) {
    const error = answer.error;
    for (const candidate of [isRecord(error) ? (error.msg ?? error.message) : error, answer.message, answer.msg]) {
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.slice(0, MESSAGE_CHARS);
    }
  }
  return text.trim() === '' ? '(no message)' : text.slice(0, MESSAGE_CHARS);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
