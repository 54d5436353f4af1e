import { ViewNav } from '../features/reports/ViewNav';
import { SearchBox } from '../features/search/SearchBox';
import { SyncControls } from '../features/sync/SyncControls';
import { Logo } from '../ui/icons';

export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Candidate Viewer</span>
      </div>
      <ViewNav />
      <SearchBox />
      <SyncControls />
    </header>
  );
}
