/** Syncs the UI starts and follows, their history, and the webhook receiver. */
import type { Db } from '../../db/open.js';
import { HistoryQueries } from '../../db/queries/history.js';
import { ApiFailure } from '../errors.js';
import type { SyncService } from '../sync-service.js';
import type { HandlerMap } from './types.js';

export function syncHandlers(
  db: Db,
  sync: SyncService,
): HandlerMap<'startSync' | 'syncStatus' | 'syncRuns' | 'syncErrors' | 'startReceiver' | 'stopReceiver'> {
  const history = new HistoryQueries(db);
  return {
    startSync: async ({ source }) => ({ runId: await sync.start(source) }),
    syncStatus: () => sync.state(),
    syncRuns: ({ limit }) => history.recentRuns(limit ?? 50),
    syncErrors: ({ runId, limit }) => {
      if (history.findRun(runId) === undefined) throw new ApiFailure('not-found', `no sync run ${runId}`);
      return history.rejectedEvents(runId, limit ?? 200);
    },
    startReceiver: () => sync.startReceiver(),
    stopReceiver: () => sync.stopReceiver(),
  };
}
