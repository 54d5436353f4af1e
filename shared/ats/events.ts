/**
 * The upstream event envelope: one webhook POST, one NDJSON line, one array element.
 * `parseEvent` turns any JSON value into a typed event or a reason a person can act on.
 */
import { z } from 'zod';
import { APPLICATION_MODEL_KEYS, readApplicationModels, type ApplicationModelKey, type ApplicationModels } from './applications.js';
import { readJobModels, type JobModels } from './jobs.js';
import { ParseError, bool, count, describe, isObject, isoDate, text, type JsonObject } from './values.js';

export const RECORD_EVENT_TYPES = ['record.new', 'record.modified', 'record.deleted'] as const;
export const SYNC_EVENT_TYPES = ['sync.events.processed', 'sync.events.allConsumed'] as const;
export const DATA_TYPES = ['ats_applications', 'ats_jobs'] as const;

export interface EventMeta {
  eventId: string;
  syncType: string | null;
  syncJobId: string | null;
  syncRunId: string | null;
}

export interface ApplicationUpsertEvent extends EventMeta {
  kind: 'application.upsert';
  eventType: 'record.new' | 'record.modified';
  applicationId: string;
  models: ApplicationModels;
  /** Each present model's JSON exactly as received. */
  raw: Partial<Record<ApplicationModelKey, unknown>>;
}
export interface ApplicationDeletedEvent extends EventMeta {
  kind: 'application.deleted';
  applicationId: string;
  candidateId: string | null;
  jobId: string | null;
}
export interface JobUpsertEvent extends EventMeta {
  kind: 'job.upsert';
  eventType: 'record.new' | 'record.modified';
  jobId: string;
  models: JobModels;
  raw: JsonObject;
}
export interface JobDeletedEvent extends EventMeta {
  kind: 'job.deleted';
  jobId: string;
}
export interface SyncRunEvent extends EventMeta {
  kind: 'sync.run';
  eventType: (typeof SYNC_EVENT_TYPES)[number];
  dataType: string | null;
  status: string | null;
  processed: number | null;
  emitted: number | null;
  consumed: number | null;
  startedAt: string | null;
  processedAt: string | null;
  complete: boolean | null;
}
export type AtsEvent = ApplicationUpsertEvent | ApplicationDeletedEvent | JobUpsertEvent | JobDeletedEvent | SyncRunEvent;

export type ParsedEvent = { ok: true; event: AtsEvent } | { ok: false; eventId: string | null; reason: string };

const optionalId = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined || v === '' ? null : String(v)));

const envelopeSchema = z.object({
  eventId: z.union([z.string().trim().min(1, 'must not be empty'), z.number().transform(String)], {
    error: (issue) => (issue.input === undefined ? 'is missing' : `must be text, got ${describe(issue.input)}`),
  }),
  eventType: z.string({
    error: (issue) => (issue.input === undefined ? 'is missing' : `must be text, got ${describe(issue.input)}`),
  }),
  eventData: z.record(z.string(), z.unknown(), {
    error: (issue) => (issue.input === undefined ? 'is missing' : `must be an object, got ${describe(issue.input)}`),
  }),
  recordId: optionalId,
  syncType: z.string().nullish(),
  syncDataType: z.string().nullish(),
  syncJobId: optionalId,
  syncRunId: optionalId,
});

function zodReason(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      return path === '' ? issue.message : `${path} ${issue.message}`;
    })
    .join('; ');
}

/** Parses one upstream event. Never throws. */
export function parseEvent(value: unknown): ParsedEvent {
  if (!isObject(value)) return { ok: false, eventId: null, reason: `an event must be a JSON object, got ${describe(value)}` };
  const eventId = typeof value.eventId === 'string' && value.eventId.trim() !== '' ? value.eventId : null;
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, eventId, reason: zodReason(envelope.error) };
  const env = envelope.data;
  const meta: EventMeta = {
    eventId: env.eventId,
    syncType: env.syncType ?? null,
    syncJobId: env.syncJobId,
    syncRunId: env.syncRunId,
  };
  try {
    return { ok: true, event: readEvent(env.eventType, env.eventData, env.recordId, env.syncDataType ?? null, meta) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, eventId: env.eventId, reason: error.message };
    throw error;
  }
}

function readEvent(
  eventType: string,
  eventData: JsonObject,
  recordId: string | null,
  dataType: string | null,
  meta: EventMeta,
): AtsEvent {
  if (eventType === 'sync.events.processed' || eventType === 'sync.events.allConsumed') {
    return {
      ...meta,
      kind: 'sync.run',
      eventType,
      dataType,
      status: text(eventData.status, 'eventData.status'),
      processed: count(eventData.processed),
      emitted: count(eventData.emitted),
      consumed: count(eventData.consumed),
      startedAt: isoDate(eventData.startedAt),
      processedAt: isoDate(eventData.processedAt),
      complete: bool(eventData.complete),
    };
  }
  if (!(RECORD_EVENT_TYPES as readonly string[]).includes(eventType)) {
    throw new ParseError('eventType', `unknown event type ${JSON.stringify(eventType)} (expected one of ${[...RECORD_EVENT_TYPES, ...SYNC_EVENT_TYPES].join(', ')})`);
  }
  if (dataType !== null && !(DATA_TYPES as readonly string[]).includes(dataType)) {
    throw new ParseError('syncDataType', `unsupported data type ${JSON.stringify(dataType)} (expected ${DATA_TYPES.join(' or ')})`);
  }
  return dataType === 'ats_jobs'
    ? readJobEvent(eventType as (typeof RECORD_EVENT_TYPES)[number], eventData, recordId, meta)
    : readApplicationEvent(eventType as (typeof RECORD_EVENT_TYPES)[number], eventData, recordId, meta);
}

/** The record id from `recordId` and the id inside the data; both present must agree. */
function recordIdOf(recordId: string | null, innerId: string | null, innerPath: string, what: string): string {
  if (recordId !== null && innerId !== null && recordId !== innerId) {
    throw new ParseError('recordId', `${JSON.stringify(recordId)} does not match ${innerPath} ${JSON.stringify(innerId)}`);
  }
  const id = recordId ?? innerId;
  if (id === null) throw new ParseError('', `recordId and ${innerPath} are both missing: cannot tell which ${what} this is`);
  return id;
}

function readApplicationEvent(
  eventType: (typeof RECORD_EVENT_TYPES)[number],
  eventData: JsonObject,
  recordId: string | null,
  meta: EventMeta,
): AtsEvent {
  if (eventType === 'record.deleted') {
    return {
      ...meta,
      kind: 'application.deleted',
      applicationId: recordIdOf(recordId, text(eventData.applicationId, 'eventData.applicationId'), 'eventData.applicationId', 'application'),
      candidateId: text(eventData.candidateId, 'eventData.candidateId'),
      jobId: text(eventData.jobId, 'eventData.jobId'),
    };
  }
  const models = readApplicationModels(eventData);
  const raw: Partial<Record<ApplicationModelKey, unknown>> = {};
  for (const key of APPLICATION_MODEL_KEYS) if (key in eventData) raw[key] = eventData[key];
  if (Object.keys(raw).length === 0) {
    throw new ParseError('eventData', `has none of the application models (${APPLICATION_MODEL_KEYS.join(', ')})`);
  }
  const applicationId = recordIdOf(recordId, models.info?.id ?? null, 'eventData.info.id', 'application');
  return { ...meta, kind: 'application.upsert', eventType, applicationId, models, raw };
}

function readJobEvent(
  eventType: (typeof RECORD_EVENT_TYPES)[number],
  eventData: JsonObject,
  recordId: string | null,
  meta: EventMeta,
): AtsEvent {
  if (eventType === 'record.deleted') {
    return { ...meta, kind: 'job.deleted', jobId: recordIdOf(recordId, text(eventData.jobId, 'eventData.jobId'), 'eventData.jobId', 'job') };
  }
  const models = readJobModels(eventData);
  const jobId = recordIdOf(recordId, models.info?.id ?? null, 'eventData.info.id', 'job');
  return { ...meta, kind: 'job.upsert', eventType, jobId, models, raw: eventData };
}
