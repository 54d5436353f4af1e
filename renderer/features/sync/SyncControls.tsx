/** The top bar's sync corner: live state (a `status` region), "Sync now" and "Sync settings". */
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store';
import { SettingsIcon, SyncIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';
import { syncSummary } from './sync-text';

export function SyncControls() {
  const { state, starting, actionError, stateError } = useApp(
    useShallow((s) => ({ state: s.syncState, starting: s.syncStarting, actionError: s.syncActionError, stateError: s.syncStateError?.message ?? null })),
  );
  const syncNow = useApp((s) => s.syncNow);
  const openSyncPanel = useApp((s) => s.openSyncPanel);
  const now = useNow();
  const summary = syncSummary({ state, starting, actionError, stateError, now });
  const busy = summary.tone === 'running';
  return (
    <div className="sync-controls">
      <span className={`sync-dot sync-dot-${summary.tone}`} aria-hidden="true" />
      <p role="status" aria-live="polite" className="sync-status" title={summary.text}>
        {summary.text}
      </p>
      <button type="button" className="btn btn-primary" onClick={syncNow} disabled={busy} aria-busy={busy || undefined}>
        <span className={busy ? 'spin' : undefined}>
          <SyncIcon />
        </span>
        Sync now
      </button>
      <button type="button" className="btn btn-ghost" onClick={openSyncPanel}>
        <SettingsIcon />
        Sync settings
      </button>
    </div>
  );
}
