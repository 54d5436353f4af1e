/** What a new user sees before any data: load the demo, or connect their ATS. */

/** No application was ever synced (not even one deleted since). */
export const selectFirstRun = (s: AppState): boolean => s.overview !== null && s.overview.applications === 0 && s.overview.deleted === 0;
import type { AppState } from '../../app/store';
import { useApp } from '../../app/store';
import { formatCount } from '../../ui/format';
import { Logo } from '../../ui/icons';

export function FirstRun() {
  const startSync = useApp((s) => s.startSync);
  const openSyncPanel = useApp((s) => s.openSyncPanel);
  const running = useApp((s) => s.syncState?.running ?? null);
  const starting = useApp((s) => s.syncStarting);
  const actionError = useApp((s) => s.syncActionError);
  const busy = running !== null || starting;
  return (
    <div className="first-run">
      <div className="first-run-card">
        <Logo size={44} />
        <h2>Welcome to Candidate Viewer</h2>
        <p>
          Browse every application from your ATS in one place, even offline: search candidates, filter by stage or
          job, and follow each one from application to offer.
        </p>
        <div className="first-run-actions">
          <button type="button" className="btn btn-primary btn-large" onClick={() => void startSync({ kind: 'demo' })} disabled={busy}>
            Load demo data
          </button>
          <button type="button" className="btn btn-large" onClick={openSyncPanel}>
            Connect your ATS
          </button>
        </div>
        <p className="first-run-note">
          {busy
            ? `Loading… ${formatCount(running?.received ?? 0)} events so far`
            : 'The demo is a realistic, made-up company: 500 applications with interviews, offers and attachments.'}
        </p>
        {actionError !== null && !busy && <p className="first-run-error">{actionError}</p>}
      </div>
    </div>
  );
}
