/** Keeps the window's address and the store's view in step (pushState/replaceState, popstate). */
import type { ViewState } from '../features/filters/view';
import { appStore, type AppState } from './store';
import { historyActionFor, searchToAppView, searchToView, viewToSearch } from './url-state';

function viewOf(state: AppState): ViewState {
  return { filters: state.filters, sort: state.sort, order: state.order, selectedId: state.selectedId };
}

export function bindUrlState(win: Window): () => void {
  let shown = searchToView(win.location.search);
  let shownAppView = searchToAppView(win.location.search);
  appStore.getState().showView(shownAppView);
  let last: ViewState = viewOf(appStore.getState());
  let lastAppView = appStore.getState().activeView;
  let applying = false;

  const write = (view: ViewState, action: 'push' | 'replace') => {
    const url = new URL(win.location.href);
    url.search = viewToSearch(view, lastAppView);
    try {
      if (action === 'push') win.history.pushState(null, '', url.href);
      else win.history.replaceState(win.history.state, '', url.href);
    } catch {
      // Some hosts (file: pages) may refuse; the view still works, only history does not follow.
    }
  };

  const unsubscribe = appStore.subscribe((state) => {
    if (applying) return;
    const sameView = state.filters === last.filters && state.sort === last.sort && state.order === last.order && state.selectedId === last.selectedId;
    if (sameView && state.activeView === lastAppView) return;
    last = viewOf(state);
    lastAppView = state.activeView;
    const action = historyActionFor(shown, last, { previous: shownAppView, next: lastAppView });
    if (action === 'none') return;
    write(last, action);
    shown = last;
    shownAppView = lastAppView;
  });

  const onPopState = () => {
    const view = searchToView(win.location.search);
    shown = view;
    shownAppView = searchToAppView(win.location.search);
    applying = true;
    try {
      appStore.getState().applyView(view);
      appStore.getState().showView(shownAppView);
    } finally {
      applying = false;
    }
    last = viewOf(appStore.getState());
    lastAppView = appStore.getState().activeView;
  };
  win.addEventListener('popstate', onPopState);

  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
