/** Full-text search as you type: the list follows ~120 ms after the last keystroke. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { focusById, GRID_ID, SEARCH_INPUT_ID } from '../../app/dom-ids';
import { appStore, useApp } from '../../app/store';
import { SearchIcon } from '../../ui/icons';

export const SEARCH_DEBOUNCE_MS = 120;

export function SearchBox() {
  const query = useApp((s) => s.filters.q);
  const setQuery = useApp((s) => s.setQuery);
  const [text, setText] = useState(query);
  const sent = useRef(query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  // The query changed elsewhere (Back, "Clear all filters"): show it.
  useEffect(() => {
    if (query === sent.current) return;
    cancel();
    sent.current = query;
    setText(query);
  }, [query]);

  useEffect(() => cancel, []);

  const send = (value: string, delay: number) => {
    cancel();
    sent.current = value;
    if (delay === 0) setQuery(value);
    else timer.current = setTimeout(() => setQuery(value), delay);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (text !== '') {
        setText('');
        send('', 0);
      } else {
        focusById(GRID_ID);
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      send(text, 0);
      const state = appStore.getState();
      if (state.selectedId === null) state.moveSelectionTo(0);
      focusById(GRID_ID);
    }
  };

  return (
    <div className="search" role="search">
      <SearchIcon />
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label="Search applications"
        placeholder="Search names, emails, stages, interviews…"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          send(event.target.value, SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={onKeyDown}
      />
      {text === '' && (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
