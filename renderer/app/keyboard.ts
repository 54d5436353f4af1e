/**
 * Window-wide shortcuts: ArrowUp/ArrowDown and j/k move the selection, Enter opens the detail,
 * `/` focuses the search. Typing in a field is never taken over, and open dialogs own the keyboard.
 */
import { DETAIL_ID, focusById, GRID_ID, SEARCH_INPUT_ID } from './dom-ids';
import { appStore } from './store';

const PAGE_STEP = 10;

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** Where arrow keys belong to the list rather than to scrolling or a control. */
function arrowsMoveSelection(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || target.id === GRID_ID || target.id === SEARCH_INPUT_ID;
}

export function bindKeyboard(doc: Document): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (doc.querySelector('dialog[open]') !== null) return;
    const state = appStore.getState();
    const target = event.target;
    const typing = isTextEntry(target);

    if (event.key === '/' && !typing) {
      event.preventDefault();
      const search = doc.getElementById(SEARCH_INPUT_ID);
      if (search instanceof HTMLInputElement) {
        search.focus();
        search.select();
      }
      return;
    }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && arrowsMoveSelection(target)) {
      event.preventDefault();
      state.moveSelection(event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (typing) return;
    const inGrid = target instanceof HTMLElement && target.id === GRID_ID;
    switch (event.key) {
      case 'j':
      case 'k':
        event.preventDefault();
        state.moveSelection(event.key === 'j' ? 1 : -1);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!inGrid) return;
        event.preventDefault();
        state.moveSelection(event.key === 'PageDown' ? PAGE_STEP : -PAGE_STEP);
        return;
      case 'Home':
      case 'End':
        if (!inGrid || state.total === null || state.total === 0) return;
        event.preventDefault();
        state.moveSelectionTo(event.key === 'Home' ? 0 : state.total - 1);
        return;
      case 'Enter':
        if (!(inGrid || target === doc.body) || state.selectedId === null) return;
        event.preventDefault();
        state.flushDetail();
        focusById(DETAIL_ID);
        return;
    }
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
