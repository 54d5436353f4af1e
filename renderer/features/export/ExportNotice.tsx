/**
 * The export's notice, bottom right over either view: state in a `status` region, progress
 * in a progress bar with Cancel, then "Show in folder" (desktop) or the download's name.
 */
import { useApp } from '../../app/store';
import { AlertIcon, CloseIcon } from '../../ui/icons';
import { exportProgressText, exportStatusText } from './export-text';
import { FolderIcon } from './icons';

export function ExportNotice() {
  const job = useApp((s) => s.exportJob);
  const cancelExport = useApp((s) => s.cancelExport);
  const dismissExport = useApp((s) => s.dismissExport);
  const showExportInFolder = useApp((s) => s.showExportInFolder);
  const failed = job?.phase === 'failed';
  return (
    <div className={`export-notice${job === null ? ' is-empty' : ''}${failed ? ' is-failed' : ''}`}>
      {/* Always in the page, so a screen reader hears what changes in it. */}
      <p role="status" aria-live="polite" className="export-notice-text">
        {job !== null && !failed ? exportStatusText(job) : ''}
      </p>
      {job !== null && failed && (
        <p role="alert" className="export-notice-text">
          <AlertIcon />
          {exportStatusText(job)}
        </p>
      )}
      {job?.phase === 'running' && (
        <div className="export-progress">
          <progress
            aria-label="Export progress"
            aria-valuetext={exportProgressText(job)}
            max={job.total !== null && job.total > 0 ? job.total : undefined}
            value={job.total !== null && job.total > 0 ? job.rows : undefined}
          />
          <span className="export-progress-text tabular">{exportProgressText(job)}</span>
          <button type="button" className="btn btn-small" onClick={cancelExport} disabled={job.cancelling}>
            Cancel
          </button>
        </div>
      )}
      {job !== null && job.phase !== 'running' && (
        <div className="export-notice-actions">
          {job.phase === 'saved' && job.path !== null && (
            <button type="button" className="btn btn-small" onClick={showExportInFolder}>
              <FolderIcon />
              Show in folder
            </button>
          )}
          <button type="button" className="btn btn-ghost btn-small" onClick={dismissExport} aria-label="Dismiss">
            <CloseIcon />
          </button>
        </div>
      )}
      {job !== null && job.phase === 'saved' && job.message !== null && <p className="export-notice-note">{job.message}</p>}
    </div>
  );
}
