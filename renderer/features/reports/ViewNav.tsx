/** The window's top-level navigation: the applications list and the reports, kept in the address. */
import type { MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store';
import { viewToSearch } from '../../app/url-state';
import type { AppView } from './reports-slice';

const ENTRIES: readonly { view: AppView; label: string }[] = [
  { view: 'applications', label: 'Applications' },
  { view: 'reports', label: 'Reports' },
];

export function ViewNav() {
  const active = useApp((s) => s.activeView);
  const showView = useApp((s) => s.showView);
  const view = useApp(useShallow((s) => ({ filters: s.filters, sort: s.sort, order: s.order, selectedId: s.selectedId })));
  return (
    <nav className="view-nav" aria-label="Views">
      {ENTRIES.map((entry) => (
        <a
          key={entry.view}
          className="view-nav-link"
          // A real address, so a middle click or "Copy link" gets the same view with the same filters.
          href={viewToSearch(view, entry.view) || '?'}
          aria-current={entry.view === active ? 'page' : undefined}
          onClick={(event: MouseEvent<HTMLAnchorElement>) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            showView(entry.view);
          }}
        >
          {entry.label}
        </a>
      ))}
    </nav>
  );
}
