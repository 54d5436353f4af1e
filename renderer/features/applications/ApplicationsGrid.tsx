/**
 * The virtualised applications grid: only the rows in view (plus a few) are in the DOM, and
 * pages of rows are fetched by offset as they scroll into view; rows still loading show a skeleton.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { ApplicationListItem, SearchMatch } from '../../../shared/api/applications';
import { DETAIL_ID, focusById, GRID_ID } from '../../app/dom-ids';
import { useApp } from '../../app/store';
import { formatDate, UNKNOWN } from '../../ui/format';
import { SortIcon } from '../../ui/icons';
import { StatusBadge } from '../../ui/StatusBadge';
import { effectiveSort } from '../filters/view';
import { searchTerms } from '../search/highlight';
import { Highlight } from '../search/Highlight';
import { rowMinWidth, visibleColumns, type Column } from './columns';
import { rowAt } from './list-slice';

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 36;
const OVERSCAN = 10;
/** Rows drawn while the first page of a list is on its way. */
const PLACEHOLDER_ROWS = 14;

export function ApplicationsGrid() {
  const total = useApp((s) => s.total);
  const pages = useApp((s) => s.pages);
  const stale = useApp((s) => s.listLoading);
  const failed = useApp((s) => s.listError !== null);
  const selectedId = useApp((s) => s.selectedId);
  const selectedIndex = useApp((s) => s.selectedIndex);
  const scrollToSelection = useApp((s) => s.scrollToSelection);
  const hidden = useApp((s) => s.hiddenColumns);
  const query = useApp((s) => s.filters.q);
  const filters = useApp((s) => s.filters);
  const sort = useApp((s) => s.sort);
  const order = useApp((s) => s.order);
  const ensureRows = useApp((s) => s.ensureRows);
  const select = useApp((s) => s.select);

  const columns = useMemo(() => visibleColumns(hidden), [hidden]);
  const minWidth = rowMinWidth(columns);
  const terms = useMemo(() => searchTerms(query), [query]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // No getItemKey: a new one each render makes the virtualiser re-measure every row (O(total)).
    // React keys below are the application ids, so rows keep their identity as pages arrive.
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRows(first, last);
  }, [ensureRows, first, last, total, pages]);

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filters, sort, order]);

  useEffect(() => {
    if (scrollToSelection > 0 && selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only a keyboard move asks to scroll (the index alone also changes when rows load).
  }, [scrollToSelection]);

  const onSelect = useCallback((id: string, index: number) => select(id, index, 'pointer'), [select]);
  const onOpen = useCallback(() => focusById(DETAIL_ID), []);

  const current = effectiveSort(sort, order);
  const keys = new Set<string>();
  const activeRow = selectedIndex !== null && items.some((item) => item.index === selectedIndex) ? `app-row-${selectedIndex}` : undefined;

  return (
    <div
      ref={scrollRef}
      id={GRID_ID}
      className={`grid${stale ? ' is-stale' : ''}`}
      role="grid"
      aria-label="Applications"
      aria-rowcount={total ?? undefined}
      aria-colcount={columns.length}
      aria-busy={stale || total === null}
      aria-activedescendant={activeRow}
      tabIndex={0}
    >
      <div role="rowgroup" className="grid-head" style={{ minWidth }}>
        <div role="row" className="grid-row grid-header-row">
          {columns.map((column) => (
            <HeaderCell key={column.id} column={column} order={current.sort === column.sort ? current.order : null} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: Math.max(0, virtualizer.getTotalSize() - HEADER_HEIGHT), minWidth }}>
        {total === null
          ? Array.from({ length: failed ? 0 : PLACEHOLDER_ROWS }, (_, index) => (
              <SkeletonRow key={`placeholder-${index}`} index={index} columns={columns} top={index * ROW_HEIGHT} />
            ))
          : items.map((item) => {
              const row = rowAt(pages, item.index);
              // While a refresh lands page by page an application may sit at two positions for a moment.
              const key = row === undefined || keys.has(row.id) ? `at-${item.index}` : row.id;
              keys.add(key);
              const top = item.start - HEADER_HEIGHT;
              return row === undefined ? (
                <SkeletonRow key={key} index={item.index} columns={columns} top={top} />
              ) : (
                <ApplicationRow
                  key={key}
                  index={item.index}
                  row={row}
                  selected={row.id === selectedId}
                  columns={columns}
                  terms={terms}
                  top={top}
                  onSelect={onSelect}
                  onOpen={onOpen}
                />
              );
            })}
      </div>
    </div>
  );
}

function HeaderCell({ column, order }: { column: Column; order: 'asc' | 'desc' | null }) {
  const sortBy = useApp((s) => s.sortBy);
  const ariaSort = order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none';
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`cell col-${column.id}${order !== null ? ' is-sorted' : ''}`} style={column.style}>
      <button type="button" className="sort-button" onClick={() => sortBy(column.sort)} title={`Sort by ${column.label.toLowerCase()}`}>
        <span>{column.label}</span>
        <SortIcon order={order} />
      </button>
    </div>
  );
}

/** The virtualiser's position for a row: a transform. */
function placed(top: number): CSSProperties {
  return { transform: `translateY(${top}px)` };
}

const SkeletonRow = memo(function SkeletonRow({ index, columns, top }: { index: number; columns: readonly Column[]; top: number }) {
  return (
    <div role="row" aria-rowindex={index + 1} className="grid-row is-loading" style={placed(top)}>
      {columns.map((column, i) => (
        <div role="gridcell" key={column.id} className={`cell col-${column.id}`} style={column.style}>
          {i === 0 && <span className="sr-only">Loading…</span>}
          <span className={`skeleton-bar skeleton-${column.id}`} aria-hidden="true" />
        </div>
      ))}
    </div>
  );
});

interface RowProps {
  index: number;
  row: ApplicationListItem;
  selected: boolean;
  columns: readonly Column[];
  terms: readonly string[];
  top: number;
  onSelect(id: string, index: number): void;
  onOpen(): void;
}

const ApplicationRow = memo(function ApplicationRow({ index, row, selected, columns, terms, top, onSelect, onOpen }: RowProps) {
  const deleted = row.deletedAt !== undefined;
  return (
    <div
      role="row"
      id={`app-row-${index}`}
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={`grid-row${selected ? ' is-selected' : ''}${deleted ? ' is-deleted' : ''}`}
      style={placed(top)}
      onClick={() => onSelect(row.id, index)}
      onDoubleClick={onOpen}
    >
      {columns.map((column) => (
        <div role="gridcell" key={column.id} className={`cell col-${column.id}`} style={column.style}>
          <CellContent column={column} row={row} index={index} terms={terms} deleted={deleted} />
        </div>
      ))}
    </div>
  );
});

function Text({ value, terms }: { value: string | null; terms: readonly string[] }) {
  if (value === null || value === '') return <span className="muted">{UNKNOWN}</span>;
  return (
    <span className="truncate" title={value}>
      <Highlight text={value} terms={terms} />
    </span>
  );
}

const MATCHED_IN: Readonly<Record<SearchMatch['field'], string>> = {
  attachment: 'an attachment',
  attachmentName: 'an attachment’s name',
  interviews: 'an interview',
  rejection: 'the rejection',
  people: 'the people on it',
};

/** Where a search hit is when no column shows it: inside a file (an excerpt that opens it at the hit), or which part. */
function MatchHint({ match, row, index, terms }: { match: SearchMatch; row: ApplicationListItem; index: number; terms: readonly string[] }) {
  const openMatchedAttachment = useApp((s) => s.openMatchedAttachment);
  const { attachment, snippet } = match;
  if (attachment === undefined || snippet === undefined) return <span className="match-hint muted truncate">Matched in {MATCHED_IN[match.field]}</span>;
  const name = attachment.name ?? `attachment ${attachment.n}`;
  return (
    <button
      type="button"
      className="match-hint truncate"
      title={`Open ${name} at the match`}
      onClick={(event) => {
        // The row's own click would select it again and close what this opens.
        event.stopPropagation();
        openMatchedAttachment(row.id, index, attachment.n);
      }}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      <span className="match-file">In {name}:</span> <Highlight text={snippet} terms={terms} />
    </button>
  );
}

function CellContent({ column, row, index, terms, deleted }: { column: Column; row: ApplicationListItem; index: number; terms: readonly string[]; deleted: boolean }) {
  switch (column.id) {
    case 'candidate':
      return (
        <div className="candidate-cell">
          <span className="candidate-line">
            <span className="candidate-name truncate" title={row.candidateName ?? undefined}>
              {row.candidateName === null || row.candidateName.trim() === '' ? (
                <span className="muted">Unnamed candidate</span>
              ) : (
                <Highlight text={row.candidateName} terms={terms} />
              )}
            </span>
            {deleted && <span className="deleted-tag">Deleted</span>}
          </span>
          {row.match !== undefined ? (
            <MatchHint match={row.match} row={row} index={index} terms={terms} />
          ) : row.email !== null && (
            <span className="candidate-email truncate" title={row.email}>
              <Highlight text={row.email} terms={terms} />
            </span>
          )}
        </div>
      );
    case 'job':
      return <Text value={row.jobTitle ?? row.jobId} terms={terms} />;
    case 'status':
      return <StatusBadge value={row.status} deleted={deleted} />;
    case 'applied':
    case 'updated': {
      const value = column.id === 'applied' ? row.appliedAt : row.updatedAt;
      const text = formatDate(value);
      return (
        <span className={text === UNKNOWN ? 'muted' : 'tabular'} title={value ?? undefined}>
          {text}
        </span>
      );
    }
    default:
      return <Text value={row[column.field] ?? null} terms={terms} />;
  }
}
