/**
 * The contract's handlers, one per method, over the db, sync and attachment services.
 * Faces (Electron IPC, the web face) call `dispatch`, which validates every request at
 * the boundary and answers with an envelope: errors cross as data a person can read.
 */
import {
  API_METHODS,
  isApiMethod,
  parseRequest,
  type ApiEvent,
  type ApiMethod,
  type ApiParsedRequest,
  type ApiResponse,
  type Envelope,
} from '../../shared/api/contract.js';
import type { Overview, Settings } from '../../shared/api/sync.js';
import type { Db } from '../db/open.js';
import { BrowseQueries } from '../db/queries/browse.js';
import { DetailQueries } from '../db/queries/detail.js';
import { HistoryQueries } from '../db/queries/history.js';
import { ApiFailure } from './errors.js';
import type { SecretStore } from './secrets.js';
import { SettingsRepository } from './settings.js';
import { SyncService } from './sync-service.js';

type Handlers = { [M in ApiMethod]: (request: ApiParsedRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

export interface ApiService {
  dispatch(method: string, request: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export interface ApiServiceOptions {
  db: Db;
  secrets: SecretStore;
}

export function createApiService({ db, secrets }: ApiServiceOptions): ApiService {
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
  const sync = new SyncService(db, settings, secrets, {
    progress: (state) => emit({ type: 'sync.progress', state }),
    finished: (state) => emit({ type: 'sync.finished', state }),
    dataChanged: () => emit({ type: 'data.changed' }),
  });
  const browse = new BrowseQueries(db);
  const details = new DetailQueries(db);
  const history = new HistoryQueries(db);
  const overview = db.prepare<[], Overview>(
    `SELECT (SELECT count(*) FROM applications WHERE deleted = 0) AS applications,
       (SELECT count(*) FROM applications WHERE deleted = 1) AS deleted,
       (SELECT count(*) FROM jobs WHERE deleted = 0) AS jobs,
       (SELECT max(synced_at) FROM applications) AS lastSyncedAt`,
  );

  const currentSettings = (): Settings => ({
    ...settings.get(),
    hasFeedToken: secrets.get('feedToken') !== null,
    hasApiKey: secrets.get('apiKey') !== null,
    secretsPersisted: secrets.persisted,
    secretsWarning: secrets.warning,
  });

  const handlers: Handlers = {
    overview: () => overview.get()!,
    listApplications: (query) => browse.list(query),
    facets: (filters) => browse.facets(filters),
    getApplication: ({ id }) => {
      const detail = details.detail(id);
      if (detail === undefined) throw new ApiFailure('not-found', `no application with id ${JSON.stringify(id)}`);
      return detail;
    },
    startSync: async ({ source }) => ({ runId: await sync.start(source) }),
    syncStatus: () => sync.state(),
    syncRuns: ({ limit }) => history.recentRuns(limit ?? 50),
    syncErrors: ({ runId, limit }) => {
      if (history.findRun(runId) === undefined) throw new ApiFailure('not-found', `no sync run ${runId}`);
      return history.rejectedEvents(runId, limit ?? 200);
    },
    getSettings: () => currentSettings(),
    saveSettings: ({ feedToken, apiKey, ...rest }) => {
      settings.update(rest);
      if (feedToken !== undefined) secrets.set('feedToken', feedToken);
      if (apiKey !== undefined) secrets.set('apiKey', apiKey);
      return currentSettings();
    },
    startReceiver: () => sync.startReceiver(),
    stopReceiver: () => sync.stopReceiver(),
  };

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
    close: () => sync.close(),
  };
}

/** Every contract method has a handler (checked by the type above; listed for the faces). */
export const HANDLED_METHODS = Object.keys(API_METHODS) as ApiMethod[];
