/**
 * Full-text search as you type. The first keystroke searches at once; while a search is
 * on its way, later keystrokes wait and only the latest text is sent when it answers.
 * So the list follows typing as fast as the server answers, without a fixed delay and
 * without a queue of stale searches.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { focusById, GRID_ID, SEARCH_INPUT_ID } from '../../app/dom-ids';
import { appStore, useApp } from '../../app/store';
import { SearchIcon } from '../../ui/icons';

export function SearchBox() {
  const query = useApp((s) => s.filters.q);
  const setQuery = useApp((s) => s.setQuery);
  const [text, setText] = useState(query);
  /** The last text handed to the store (ours, so not an outside change). */
  const requested = useRef(query);
  const busy = useRef(false);
  const waiting = useRef<string | null>(null);

  // The query changed elsewhere (Back, "Clear all filters"): show it.
  useEffect(() => {
    if (query === requested.current) return;
    waiting.current = null;
    requested.current = query;
    setText(query);
  }, [query]);

  const send = (value: string) => {
    if (busy.current) {
      waiting.current = value;
      return;
    }
    busy.current = true;
    requested.current = value;
    void setQuery(value).finally(() => {
      busy.current = false;
      const next = waiting.current;
      waiting.current = null;
      if (next !== null && next !== requested.current) send(next);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (text !== '') {
        setText('');
        send('');
      } else {
        focusById(GRID_ID);
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      send(text);
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
          send(event.target.value);
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
