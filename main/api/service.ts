/**
 * The contract's handlers, grouped by feature in handlers/ (one map each), over the db,
 * sync and attachment services. Faces (Electron IPC, the web face) call `dispatch`, which
 * validates every request at the boundary and answers with an envelope: errors cross as
 * data a person can read.
 */
import {
  API_METHODS,
  isApiMethod,
  parseRequest,
  type ApiEvent,
  type ApiMethod,
  type Envelope,
} from '../../shared/api/contract.js';
import type { Db } from '../db/open.js';
import { ApiFailure } from './errors.js';
import { applicationHandlers } from './handlers/applications.js';
import { attachmentHandlers } from './handlers/attachments.js';
import { exportHandlers } from './handlers/export.js';
import { privacyHandlers } from './handlers/privacy.js';
import { reportHandlers } from './handlers/reports.js';
import { settingsHandlers } from './handlers/settings.js';
import { syncHandlers } from './handlers/sync.js';
import type { Handlers } from './handlers/types.js';
import type { HostServices } from './host.js';
import type { SecretStore } from './secrets.js';
import { SettingsRepository } from './settings.js';
import { SyncService } from './sync-service.js';
import { ReportService } from '../reports/service.js';
import { ErasureService } from '../privacy/erasure.js';
import { Retention } from '../privacy/retention.js';

export interface ApiService {
  dispatch(method: string, request: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export interface ApiServiceOptions {
  db: Db;
  secrets: SecretStore;
  /** The desktop shell's dialogs; absent in the web face. */
  host?: HostServices;
  /** A second connection to the same database, for exports (see handlers/export.ts). */
  openReader?: () => Db;
}

export function createApiService({ db, secrets, host, openReader }: ApiServiceOptions): ApiService {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  };
  const settings = new SettingsRepository(db);
  const erasure = new ErasureService(db);
  const retention = new Retention(erasure, () => settings.get().retentionMonths);
  /** Retention runs at start and after each sync; the page hears when it removed something. */
  const applyRetention = () => {
    try {
      if ((retention.apply()?.applications ?? 0) > 0) emit({ type: 'data.changed' });
    } catch (error) {
      console.error(`retention could not run: ${(error as Error).message}`);
    }
  };
  const sync = new SyncService(db, settings, secrets, {
    progress: (state) => emit({ type: 'sync.progress', state }),
    finished: (state) => {
      applyRetention();
      emit({ type: 'sync.finished', state });
    },
    dataChanged: () => emit({ type: 'data.changed' }),
  });
  const reports = new ReportService(db);
  const exports = exportHandlers({ db, reports, host: host ?? null, emit, openReader });
  const handlers: Handlers = {
    ...applicationHandlers(db),
    ...syncHandlers(db, sync),
    ...withRetentionOnSave(settingsHandlers(settings, secrets), applyRetention),
    ...attachmentHandlers(db, host ?? null),
    ...reportHandlers(reports, host ?? null),
    ...exports.handlers,
    ...privacyHandlers(erasure, retention, () => emit({ type: 'data.changed' })),
  };
  applyRetention();

  return {
    async dispatch(method, request) {
      if (!isApiMethod(method)) {
        return { ok: false, error: { code: 'invalid-request', message: `unknown method ${JSON.stringify(method)}` } };
      }
      const parsed = parseRequest(method, request);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[method] as (request: unknown) => unknown;
        return { ok: true, value: await handler(parsed.value) };
      } catch (error) {
        if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.message } };
        return { ok: false, error: { code: 'failed', message: (error as Error).message ?? String(error) } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      exports.close();
      return sync.close();
    },
  };
}

/** Every contract method has a handler (checked by the type above; listed for the faces). */
export const HANDLED_METHODS = Object.keys(API_METHODS) as ApiMethod[];

/** Turning retention on (or shortening it) applies it at once: the user has seen what it removes. */
function withRetentionOnSave<H extends Pick<Handlers, 'getSettings' | 'saveSettings'>>(handlers: H, applyRetention: () => void): H {
  return {
    ...handlers,
    saveSettings: async (request) => {
      const saved = await handlers.saveSettings(request);
      if (request.retentionMonths !== undefined && request.retentionMonths > 0) applyRetention();
      return saved;
    },
  };
}
