/** The middle of the window: the grid, or the first-run welcome, with empty and error states. */
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { countOf } from '../../ui/format';
import { InboxIcon } from '../../ui/icons';
import { hasActiveFilters } from '../filters/view';
import { ApplicationsGrid } from './ApplicationsGrid';
import { FirstRun, selectFirstRun } from './FirstRun';
import { ListToolbar } from './ListToolbar';

export function ApplicationsView() {
  const firstRun = useApp(selectFirstRun);
  const listError = useApp((s) => s.listError);
  const retryList = useApp((s) => s.retryList);
  const empty = useApp((s) => s.total === 0 && s.pagesGeneration === s.listGeneration);

  if (firstRun) {
    return (
      <main className="list-area">
        <FirstRun />
      </main>
    );
  }
  return (
    <main className="list-area">
      <ListToolbar />
      {listError !== null && <ErrorAlert message={`Applications could not load: ${listError.message}`} onRetry={retryList} />}
      <div className="grid-wrap">
        <ApplicationsGrid />
        {empty && <NoResults />}
      </div>
    </main>
  );
}

function NoResults() {
  const filtered = useApp((s) => hasActiveFilters(s.filters));
  const includeDeleted = useApp((s) => s.filters.includeDeleted);
  const deleted = useApp((s) => s.overview?.deleted ?? 0);
  const clearAllFilters = useApp((s) => s.clearAllFilters);
  const setIncludeDeleted = useApp((s) => s.setIncludeDeleted);
  return (
    <div className="empty-state">
      <InboxIcon />
      {filtered ? (
        <>
          <h2>No applications match these filters</h2>
          <p>Try fewer filters or a shorter search.</p>
          <button type="button" className="btn" onClick={clearAllFilters}>
            Clear all filters
          </button>
        </>
      ) : (
        <>
          <h2>No applications to show</h2>
          {!includeDeleted && deleted > 0 ? (
            <>
              <p>{countOf(deleted, 'deleted application')} hidden.</p>
              <button type="button" className="btn" onClick={() => setIncludeDeleted(true)}>
                Include deleted applications
              </button>
            </>
          ) : (
            <p>Run a sync to bring applications in.</p>
          )}
        </>
      )}
    </div>
  );
}
