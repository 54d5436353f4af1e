/**
 * The one API contract between the renderer and main (DESIGN §3): method name ->
 * request schema -> response type. The Electron preload, the IPC registration, the web
 * face and the renderer's client are all derived from this table, so adding a method is
 * one entry here, its name in methods.ts (the compiler insists), and one handler in main/api.
 */
import { z } from 'zod';
import {
  applicationFiltersSchema,
  listQuerySchema,
  type Facets,
  type ListResult,
} from './applications.js';
import type { AttachmentFile, AttachmentHtml, SavedFile } from './attachments.js';
import type { ApplicationDetail } from './detail.js';
import type { ErasurePlan, ErasureResult, RetentionPreview } from './privacy.js';
import { EXPORT_FIELDS, EXPORT_FORMATS, type ExportEvent, type ExportFile, type ExportResult } from './export.js';
import { REPORT_KINDS, type Report } from './reports.js';
import { API_METHOD_NAMES, type ApiMethod } from './methods.js';
import type { Overview, Settings, SyncRun, SyncState, RejectedEvent } from './sync.js';

const id = z.string().trim().min(1, 'must not be empty').max(500);

export const syncSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('demo'), count: z.number().int().min(0).max(1_000_000).optional(), seed: z.string().max(100).optional() }),
  z.strictObject({ kind: z.literal('feed') }),
  z.strictObject({ kind: z.literal('upstream'), initial: z.boolean().optional() }),
]);
export type SyncSource = z.infer<typeof syncSourceSchema>;

export const settingsUpdateSchema = z.strictObject({
  feedUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => url === '' || /^https?:\/\/[^\s]+$/i.test(url), { message: 'must be an http(s) URL' })
    .optional(),
  /** A secret: written to the OS secret store, never read back. Empty string clears it. */
  feedToken: z.string().max(4000).optional(),
  apiKey: z.string().max(4000).optional(),
  integrationId: z.string().trim().max(500).optional(),
  upstreamBaseUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => url === '' || /^https?:\/\/[^\s]+$/i.test(url), { message: 'must be an http(s) URL' })
    .optional(),
  webhookPort: z.number().int().min(0).max(65535).optional(),
  /** 0 turns retention off. */
  retentionMonths: z.number().int().min(0).max(240).optional(),
});
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

const empty = z.strictObject({});
/** An attachment by its application and its place in the list, from 1 (as `show` lists them). */
const attachmentRef = { id, n: z.number().int().min(1).max(10_000) };
/** Chosen by the page, so it can cancel an export while the call is still waiting. */
const exportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _');
const exportOptions = { format: z.enum(EXPORT_FORMATS), bom: z.boolean().optional(), exportId: exportId.optional() };
const reportKind = z.enum(REPORT_KINDS);

export const API_METHODS = {
  overview: { request: empty, response: {} as Overview },
  listApplications: { request: listQuerySchema, response: {} as ListResult },
  facets: { request: applicationFiltersSchema, response: {} as Facets },
  getApplication: { request: z.strictObject({ id }), response: {} as ApplicationDetail },
  startSync: { request: z.strictObject({ source: syncSourceSchema }), response: {} as { runId: number } },
  syncStatus: { request: empty, response: {} as SyncState },
  syncRuns: { request: z.strictObject({ limit: z.number().int().min(1).max(200).optional() }), response: {} as SyncRun[] },
  syncErrors: {
    request: z.strictObject({ runId: z.number().int().min(1), limit: z.number().int().min(1).max(1000).optional() }),
    response: {} as RejectedEvent[],
  },
  getSettings: { request: empty, response: {} as Settings },
  saveSettings: { request: settingsUpdateSchema, response: {} as Settings },
  startReceiver: { request: empty, response: {} as SyncState },
  stopReceiver: { request: empty, response: {} as SyncState },
  getAttachmentContent: {
    request: z.strictObject({ ...attachmentRef, purpose: z.enum(['preview', 'save']).optional() }),
    response: {} as AttachmentFile,
  },
  saveAttachment: { request: z.strictObject(attachmentRef), response: {} as SavedFile },
  /** A Word document converted to HTML in main (the page sanitises it again before showing it). */
  getAttachmentHtml: { request: z.strictObject(attachmentRef), response: {} as AttachmentHtml },
  report: { request: z.strictObject({ kind: reportKind, filters: applicationFiltersSchema.optional() }), response: {} as Report },
  exportApplications: {
    request: z.strictObject({
      query: listQuerySchema.omit({ limit: true, offset: true }).optional(),
      columns: z
        .array(z.enum(EXPORT_FIELDS))
        .min(1)
        .refine((columns) => new Set(columns).size === columns.length, { message: 'names a column twice' })
        .optional(),
      ...exportOptions,
    }),
    response: {} as ExportResult,
  },
  reportExport: {
    request: z.strictObject({ kind: reportKind, filters: applicationFiltersSchema.optional(), ...exportOptions }),
    response: {} as ExportResult,
  },
  cancelExport: { request: z.strictObject({ exportId }), response: {} as { cancelled: boolean } },
  downloadExport: { request: z.strictObject({ exportId }), response: {} as ExportFile },
  showInFolder: { request: z.strictObject({ path: z.string().min(1).max(4096) }), response: {} as { shown: boolean } },
  printReportToPdf: {
    request: z.strictObject({ kind: reportKind.optional(), filters: applicationFiltersSchema.optional() }),
    response: {} as { path: string | null },
  },
  /** What erasing the candidate of this application would remove, for the confirmation. */
  planErasure: { request: z.strictObject({ applicationId: id }), response: {} as ErasurePlan },
  /** Erases the candidate of this application and everything derived from them; later syncs drop their events. */
  eraseCandidate: { request: z.strictObject({ applicationId: id }), response: {} as ErasureResult },
  /** How many closed applications a retention of `months` would remove now, before it is turned on. */
  previewRetention: { request: z.strictObject({ months: z.number().int().min(1).max(240) }), response: {} as RetentionPreview },
} as const satisfies Record<ApiMethod, { request: z.ZodType; response: unknown }>;

export { API_METHOD_NAMES, type ApiMethod };
export type ApiRequest<M extends ApiMethod> = z.input<(typeof API_METHODS)[M]['request']>;
export type ApiParsedRequest<M extends ApiMethod> = z.output<(typeof API_METHODS)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = (typeof API_METHODS)[M]['response'];

export interface ApiError {
  message: string;
  /** `invalid-request`, `not-found`, `conflict`, `unavailable`, `failed` */
  code: 'invalid-request' | 'not-found' | 'conflict' | 'unavailable' | 'failed';
}
/** Errors cross the boundary as data, with a message a person can read. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer calls: one async function per method. */
export type ApiClient = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<Envelope<ApiResponse<M>>> };

/** Pushed from main to the renderer (sync progress, data changed). */
export type ApiEvent =
  | { type: 'sync.progress'; state: SyncState }
  | { type: 'sync.finished'; state: SyncState }
  | { type: 'data.changed' }
  | ExportEvent;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API_METHODS, name);
}

/**
 * Validates a request at the boundary; the message names the field. Every request object
 * is strict: a misspelt or misplaced key (`{"filters": {...}}`) is refused, not ignored
 * into an answer that looks right.
 */
export function parseRequest<M extends ApiMethod>(method: M, request: unknown): Envelope<ApiParsedRequest<M>> {
  const parsed = API_METHODS[method].request.safeParse(request ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ApiParsedRequest<M> };
  const issue = parsed.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  return { ok: false, error: { code: 'invalid-request', message: `${method}: ${path}${issue?.message ?? 'invalid request'}` } };
}
