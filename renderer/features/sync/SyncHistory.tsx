/** Past imports, newest first; a run with rejected events expands to show why each was refused. */
import { useState } from 'react';
import type { SyncRun } from '../../../shared/api/sync';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { countOf, durationBetween, formatCount, formatDateTime, formatDuration, formatRelative } from '../../ui/format';
import { useNow } from '../../ui/useNow';

export function SyncHistory() {
  const runs = useApp((s) => s.syncRuns);
  const error = useApp((s) => s.syncRunsError);
  const loadSyncRuns = useApp((s) => s.loadSyncRuns);
  return (
    <section className="panel-section" aria-labelledby="sync-history-title">
      <h3 id="sync-history-title">History</h3>
      {error !== null && <ErrorAlert message={`History could not load: ${error.message}`} onRetry={loadSyncRuns} />}
      {runs === null && error === null && <p className="muted">Loading…</p>}
      {runs !== null && runs.length === 0 && <p className="muted">No syncs yet.</p>}
      {runs !== null && runs.length > 0 && (
        <ol className="runs">
          {runs.map((run) => (
            <RunItem key={run.id} run={run} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RunItem({ run }: { run: SyncRun }) {
  const now = useNow();
  const [expanded, setExpanded] = useState(false);
  const errors = useApp((s) => s.runErrors[run.id]);
  const loadRunErrors = useApp((s) => s.loadRunErrors);
  const state = run.error !== null ? 'failed' : run.finishedAt === null ? 'running' : run.rejected > 0 ? 'warning' : 'ok';
  const label = { failed: 'Failed', running: 'Running', warning: 'With rejections', ok: 'Done' }[state];
  const toggle = () => {
    if (!expanded && errors?.status !== 'ready') loadRunErrors(run.id);
    setExpanded(!expanded);
  };
  const listId = `run-${run.id}-errors`;
  return (
    <li className={`run run-${state}`}>
      <div className="run-head">
        <span className="run-source break">{run.source}</span>
        <span className={`run-state run-state-${state}`}>{label}</span>
      </div>
      <div className="run-when muted">
        <span title={formatDateTime(run.startedAt)}>Started {formatRelative(run.startedAt, now)}</span>
        {run.finishedAt !== null && <span> · took {formatDuration(durationBetween(run.startedAt, run.finishedAt))}</span>}
      </div>
      <dl className="run-stats">
        {(
          [
            ['Received', run.received],
            ['Applied', run.applied],
            ['Duplicates', run.duplicates],
            ['Stale', run.stale],
            ['Deleted', run.deleted],
            ['Rejected', run.rejected],
          ] as const
        ).map(([name, value]) => (
          <div key={name} className={name === 'Rejected' && value > 0 ? 'is-bad' : undefined}>
            <dt>{name}</dt>
            <dd className="tabular">{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {run.error !== null && <p className="run-error">{run.error}</p>}
      {run.rejected > 0 && (
        <>
          <button type="button" className="btn btn-link" aria-expanded={expanded} aria-controls={listId} onClick={toggle}>
            {expanded ? 'Hide rejected events' : `Show ${countOf(run.rejected, 'rejected event')}`}
          </button>
          {expanded && (
            <div id={listId} className="run-errors">
              {errors === undefined || errors.status === 'loading' ? (
                <p className="muted">Loading…</p>
              ) : errors.status === 'error' ? (
                <ErrorAlert message={`Rejected events could not load: ${errors.error.message}`} onRetry={() => loadRunErrors(run.id)} />
              ) : errors.errors.length === 0 ? (
                <p className="muted">No details were kept for these events.</p>
              ) : (
                <ul aria-label="Rejected events">
                  {errors.errors.map((rejected, i) => (
                    <li key={i}>
                      <code className="break">{rejected.source}</code>
                      <span className="break">{rejected.message}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}
