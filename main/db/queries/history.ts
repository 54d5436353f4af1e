/** Import history and rejected events, for the sync panel. */
import type { RejectedEvent, SyncRun } from '../../../shared/api/sync.js';
import type { Db } from '../open.js';

const RUN_COLUMNS = `pk AS id, source, started_at AS startedAt, finished_at AS finishedAt, received, applied, duplicates,
  stale, deleted, rejected, suppressed, error`;

export class HistoryQueries {
  private readonly runs;
  private readonly run;
  private readonly errors;
  private readonly lastFinished;
  constructor(db: Db) {
    this.runs = db.prepare<[number], SyncRun>(`SELECT ${RUN_COLUMNS} FROM imports ORDER BY pk DESC LIMIT ?`);
    this.run = db.prepare<[number], SyncRun>(`SELECT ${RUN_COLUMNS} FROM imports WHERE pk = ?`);
    this.lastFinished = db.prepare<[], SyncRun>(`SELECT ${RUN_COLUMNS} FROM imports WHERE finished_at IS NOT NULL ORDER BY pk DESC LIMIT 1`);
    this.errors = db.prepare<[number, number], RejectedEvent>(
      `SELECT source, event_id AS eventId, message, received_at AS receivedAt FROM rejected_events
       WHERE import_pk = ? ORDER BY pk LIMIT ?`,
    );
  }

  recentRuns(limit = 50): SyncRun[] {
    return this.runs.all(limit);
  }

  findRun(id: number): SyncRun | undefined {
    return this.run.get(id);
  }

  lastFinishedRun(): SyncRun | null {
    return this.lastFinished.get() ?? null;
  }

  rejectedEvents(runId: number, limit = 200): RejectedEvent[] {
    return this.errors.all(runId, limit);
  }
}
