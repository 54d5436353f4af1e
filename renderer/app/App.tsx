/** The window: top bar, filters, the list and the detail pane (or the reports); dialogs above it all. */
import { lazy, Suspense } from 'react';
import { ApplicationsView } from '../features/applications/ApplicationsView';
import { selectFirstRun } from '../features/applications/FirstRun';
import { AttachmentPreview } from '../features/detail/AttachmentPreview';
import { DetailPane } from '../features/detail/DetailPane';
import { ExportNotice } from '../features/export/ExportNotice';
import { FacetSidebar } from '../features/filters/FacetSidebar';
import { SyncPanel } from '../features/sync/SyncPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { useApp } from './store';
import { TopBar } from './TopBar';

// Loaded when first shown, with its charting library, so the list starts as fast as before.
const ReportsView = lazy(() => import('../features/reports/ReportsView'));

export function App() {
  // While a dialog is open the window behind it is inert and hidden from assistive tech.
  const modal = useApp((s) => s.syncPanelOpen || s.previewAttachment !== null);
  // Before the first sync there is nothing to filter or show in detail: the welcome gets the room.
  const firstRun = useApp(selectFirstRun);
  const reports = useApp((s) => s.activeView === 'reports') && !firstRun;
  return (
    <>
      <div className="app" inert={modal} aria-hidden={modal || undefined}>
        <ErrorBoundary area="the top bar">
          <TopBar />
        </ErrorBoundary>
        <div className={`workspace${firstRun ? ' is-first-run' : ''}${reports ? ' is-reports' : ''}`}>
          <ErrorBoundary area="the filters">
            <FacetSidebar />
          </ErrorBoundary>
          {reports ? (
            <ErrorBoundary area="the reports">
              <Suspense fallback={<main className="reports-area" aria-busy="true" />}>
                <ReportsView />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <>
              <ErrorBoundary area="the list">
                <ApplicationsView />
              </ErrorBoundary>
              <ErrorBoundary area="the detail pane">
                <DetailPane />
              </ErrorBoundary>
            </>
          )}
        </div>
        <ExportNotice />
      </div>
      <ErrorBoundary area="the sync panel">
        <SyncPanel />
      </ErrorBoundary>
      <ErrorBoundary area="the attachment preview">
        <AttachmentPreview />
      </ErrorBoundary>
    </>
  );
}
