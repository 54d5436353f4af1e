import { ViewNav } from '../features/reports/ViewNav';
import { SearchBox } from '../features/search/SearchBox';
import { SyncControls } from '../features/sync/SyncControls';
import { useLock } from '../features/vault/VaultGate';
import { Logo } from '../ui/icons';

export function TopBar() {
  const lock = useLock();
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Candidate Viewer</span>
      </div>
      <ViewNav />
      <SearchBox />
      <SyncControls />
      {lock !== null && (
        <button type="button" className="btn btn-ghost" onClick={lock} title="Lock now (Ctrl/Cmd+L)">
          Lock
        </button>
      )}
    </header>
  );
}
