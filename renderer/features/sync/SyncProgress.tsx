/** The running import's counts, live from sync.progress events. */
import { useApp } from '../../app/store';
import { formatCount } from '../../ui/format';

export function SyncProgress() {
  const running = useApp((s) => s.syncState?.running ?? null);
  const starting = useApp((s) => s.syncStarting);
  if (running === null && !starting) return null;
  return (
    <div className="sync-progress">
      <div className="sync-progress-head">
        <strong>{running === null ? 'Starting sync…' : `Importing from ${running.source}…`}</strong>
        {running !== null && <span className="tabular">{formatCount(running.received)} events</span>}
      </div>
      <progress aria-label="Sync progress" />
      {running !== null && (
        <p className="run-counts tabular">
          {formatCount(running.applied)} applied · {formatCount(running.duplicates)} duplicates · {formatCount(running.stale)} stale ·{' '}
          {formatCount(running.deleted)} deleted · {formatCount(running.rejected)} rejected
        </p>
      )}
    </div>
  );
}
