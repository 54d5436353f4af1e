/** The list's columns: what each shows, what it sorts by, and which ones the recruiter hid. */
import type { ApplicationListItem, SortField } from '../../../shared/api/applications';
import type { CSSProperties } from 'react';
import type { KeyValueStorage } from '../../app/store-context';

export type ColumnId = 'candidate' | 'job' | 'stage' | 'status' | 'origin' | 'owner' | 'applied' | 'updated';

export interface Column {
  id: ColumnId;
  label: string;
  sort: SortField;
  field: Exclude<keyof ApplicationListItem, 'match'>;
  /** The candidate column names the row, so it cannot be hidden. */
  hideable: boolean;
  /**
   * Never narrower than this (px); the room left over is shared by `flex-grow` in `style`.
   * When the visible columns' minimums do not fit, the list scrolls sideways rather than
   * squeezing a column to nothing.
   */
  minWidth: number;
  /** The cell's flex sizing, made once per column so rows do not allocate it. */
  style: CSSProperties;
}

function sized(minWidth: number, grow: number): Pick<Column, 'minWidth' | 'style'> {
  return { minWidth, style: { flex: `${grow} 0 ${minWidth}px` } };
}

/** The narrowest a row of these columns gets. */
export function rowMinWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, column) => sum + column.minWidth, 0);
}

export const COLUMNS: readonly Column[] = [
  { id: 'candidate', label: 'Candidate', sort: 'candidateName', field: 'candidateName', hideable: false, ...sized(150, 2.3) },
  { id: 'job', label: 'Job title', sort: 'jobTitle', field: 'jobTitle', hideable: true, ...sized(100, 1.7) },
  { id: 'stage', label: 'Stage', sort: 'stage', field: 'stage', hideable: true, ...sized(90, 1.3) },
  { id: 'status', label: 'Status', sort: 'status', field: 'status', hideable: true, ...sized(100, 0) },
  { id: 'origin', label: 'Origin', sort: 'origin', field: 'origin', hideable: true, ...sized(96, 0) },
  { id: 'owner', label: 'Owner', sort: 'owner', field: 'owner', hideable: true, ...sized(120, 1.5) },
  { id: 'applied', label: 'Applied', sort: 'appliedAt', field: 'appliedAt', hideable: true, ...sized(116, 0) },
  { id: 'updated', label: 'Updated', sort: 'updatedAt', field: 'updatedAt', hideable: true, ...sized(116, 0) },
];

export const HIDDEN_COLUMNS_KEY = 'candidate-viewer.hidden-columns';
/** What a new window hides, so the rest fit beside the detail pane; "Columns" brings them back. */
export const DEFAULT_HIDDEN_COLUMNS: readonly ColumnId[] = ['origin', 'owner'];

function isHideable(id: unknown): id is ColumnId {
  return COLUMNS.some((column) => column.hideable && column.id === id);
}

export function loadHiddenColumns(storage: KeyValueStorage | null): ColumnId[] {
  let text: string | null;
  try {
    text = storage?.getItem(HIDDEN_COLUMNS_KEY) ?? null;
  } catch {
    text = null;
  }
  if (text === null) return [...DEFAULT_HIDDEN_COLUMNS];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? [...new Set(parsed.filter(isHideable))] : [...DEFAULT_HIDDEN_COLUMNS];
  } catch {
    return [...DEFAULT_HIDDEN_COLUMNS];
  }
}

export function saveHiddenColumns(storage: KeyValueStorage | null, hidden: readonly ColumnId[]): void {
  try {
    storage?.setItem(HIDDEN_COLUMNS_KEY, JSON.stringify(hidden));
  } catch {
    // A full or disabled storage only costs the preference.
  }
}

export function visibleColumns(hidden: readonly ColumnId[]): Column[] {
  return COLUMNS.filter((column) => !hidden.includes(column.id));
}
