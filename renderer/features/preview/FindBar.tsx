/** "Find in document": the words to look for, where we are among the hits, and previous/next. */
import { forwardRef, type KeyboardEvent } from 'react';
import { SearchIcon } from '../../ui/icons';
import { hitLabel } from './find';

export interface HitCount {
  count: number;
  /** More hits exist than were counted. */
  capped: boolean;
  /** Still reading the document (a PDF's pages). */
  searching: boolean;
}

export const NO_HITS: HitCount = { count: 0, capped: false, searching: false };

interface FindBarProps {
  value: string;
  onChange(value: string): void;
  hits: HitCount;
  active: number;
  onStep(delta: 1 | -1): void;
}

export const FindBar = forwardRef<HTMLInputElement, FindBarProps>(function FindBar({ value, onChange, hits, active, onStep }, ref) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onStep(event.shiftKey ? -1 : 1);
  };
  const searching = value.trim() !== '';
  const label = !searching ? '' : hits.count === 0 && hits.searching ? 'Searching…' : `${hitLabel(active, hits.count, hits.capped)}${hits.searching ? '…' : ''}`;
  return (
    <div className="find-bar" role="search">
      <SearchIcon />
      <input
        ref={ref}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" aria-live="polite">
        {label}
      </span>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => onStep(-1)} disabled={hits.count === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ‹
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => onStep(1)} disabled={hits.count === 0} aria-label="Next match" title="Next match (Enter)">
        ›
      </button>
    </div>
  );
});
