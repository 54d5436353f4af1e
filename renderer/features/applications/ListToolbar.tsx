/** Above the grid: how many applications match, and which columns show. */
import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../../app/store';
import { formatCount } from '../../ui/format';
import { ChevronIcon, ColumnsIcon } from '../../ui/icons';
import { ListExport } from '../export/ExportButtons';
import { COLUMNS } from './columns';

export function ListToolbar() {
  const total = useApp((s) => s.total);
  const query = useApp((s) => s.filters.q.trim());
  const includeDeleted = useApp((s) => s.filters.includeDeleted);
  const failed = useApp((s) => s.listError !== null);
  return (
    <div className="list-toolbar">
      <p className="list-count">
        {total === null ? (
          <span className="muted">{failed ? 'Applications' : 'Loading applications…'}</span>
        ) : (
          <>
            <strong>{formatCount(total)}</strong> {total === 1 ? 'application' : 'applications'}
            {query !== '' && (
              <span className="muted">
                {' '}
                matching “{query}”
              </span>
            )}
            {includeDeleted && <span className="muted"> · deleted included</span>}
          </>
        )}
      </p>
      <div className="list-tools">
        <ListExport />
        <ColumnsMenu />
      </div>
    </div>
  );
}

function ColumnsMenu() {
  const hidden = useApp((s) => s.hiddenColumns);
  const toggleColumn = useApp((s) => s.toggleColumn);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current !== null && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="columns-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <ColumnsIcon />
        Columns
        <ChevronIcon direction={open ? 'up' : 'down'} />
      </button>
      {open && (
        <div className="popover" id={menuId} role="group" aria-label="Visible columns">
          {COLUMNS.map((column) => (
            <label key={column.id} className="popover-option">
              <input
                type="checkbox"
                checked={!hidden.includes(column.id)}
                disabled={!column.hideable}
                onChange={() => toggleColumn(column.id)}
              />
              <span>{column.label}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
