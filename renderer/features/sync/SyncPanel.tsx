/** The sync panel: sources and their settings, live progress, and the history of runs. */
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { AlertIcon } from '../../ui/icons';
import { KeyExport } from '../vault/KeyExport';
import { RetentionForm } from './RetentionForm';
import { SourcesForm } from './SourcesForm';
import { SyncHistory } from './SyncHistory';
import { SyncProgress } from './SyncProgress';

export function SyncPanel() {
  const open = useApp((s) => s.syncPanelOpen);
  const close = useApp((s) => s.closeSyncPanel);
  return (
    <Dialog open={open} onClose={close} title="Sync" variant="drawer">
      {open && <SyncPanelBody />}
    </Dialog>
  );
}

function SyncPanelBody() {
  const settings = useApp((s) => s.settings);
  const settingsError = useApp((s) => s.settingsError);
  const loadSettings = useApp((s) => s.loadSettings);
  const actionError = useApp((s) => s.syncActionError);
  return (
    <div className="sync-panel">
      {settings !== null && !settings.secretsPersisted && (
        <div className="banner banner-warning" role="note">
          <AlertIcon />
          <p>{settings.secretsWarning ?? 'This system has no secret store: tokens and keys you save are kept only until the app closes.'}</p>
        </div>
      )}
      <SyncProgress />
      {actionError !== null && <ErrorAlert message={`Sync failed: ${actionError}`} />}
      {settingsError !== null && <ErrorAlert message={`Settings could not load: ${settingsError.message}`} onRetry={loadSettings} />}
      <SourcesForm />
      <RetentionForm />
      <KeyExport />
      <SyncHistory />
    </div>
  );
}
