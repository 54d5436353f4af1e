/**
 * The view in the window's address (`?q=…&status=ACTIVE&status=HIRED&owner=&sort=…&app=…`;
 * an empty facet value is the "not set" choice), so Back/Forward and reloads restore it.
 * Anything unreadable in an address is ignored, not fatal.
 */
import type { FacetChoice } from '../../shared/api/applications';
import { SORT_FIELDS, type SortField } from '../../shared/api/fields';
import { EMPTY_FILTERS, FACET_ORDER, type SortOrder, type ViewFilters, type ViewState } from '../features/filters/view';
import { APP_VIEWS, type AppView } from '../features/reports/reports-slice';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const KEYS = {
  q: 'q',
  appliedFrom: 'from',
  appliedTo: 'to',
  includeDeleted: 'deleted',
  sort: 'sort',
  order: 'order',
  selectedId: 'app',
  appView: 'view',
} as const;

function isSortField(value: string): value is SortField {
  return (SORT_FIELDS as readonly string[]).includes(value);
}

function validDay(value: string | null): string {
  if (value === null || !DAY.test(value)) return '';
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? '' : value;
}

function facetChoices(values: string[]): FacetChoice[] {
  const seen = new Set<FacetChoice>();
  for (const value of values) {
    const trimmed = value.trim();
    seen.add(trimmed === '' ? null : trimmed);
  }
  return [...seen];
}

/** Reads a view from a query string (with or without the leading `?`). */
export function searchToView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: ViewFilters = { ...EMPTY_FILTERS };
  filters.q = params.get(KEYS.q) ?? '';
  for (const field of FACET_ORDER) filters[field] = facetChoices(params.getAll(field));
  filters.appliedFrom = validDay(params.get(KEYS.appliedFrom));
  filters.appliedTo = validDay(params.get(KEYS.appliedTo));
  filters.includeDeleted = params.get(KEYS.includeDeleted) === '1';
  const sort = params.get(KEYS.sort);
  const order = params.get(KEYS.order);
  const selected = params.get(KEYS.selectedId);
  return {
    filters,
    sort: sort !== null && isSortField(sort) ? sort : null,
    order: order === 'asc' || order === 'desc' ? (order satisfies SortOrder) : null,
    selectedId: selected !== null && selected.trim() !== '' ? selected : null,
  };
}

/** Which of the window's views the address shows (`?view=reports`); the list by default. */
export function searchToAppView(search: string): AppView {
  const value = new URLSearchParams(search).get(KEYS.appView);
  return APP_VIEWS.find((view) => view === value) ?? 'applications';
}

/** Writes a view as a query string: '' for the default view, else `?…` with only what differs. */
export function viewToSearch(view: ViewState, appView: AppView = 'applications'): string {
  const params = new URLSearchParams();
  if (appView !== 'applications') params.set(KEYS.appView, appView);
  const { filters } = view;
  if (filters.q !== '') params.set(KEYS.q, filters.q);
  for (const field of FACET_ORDER) for (const value of filters[field]) params.append(field, value ?? '');
  if (filters.appliedFrom !== '') params.set(KEYS.appliedFrom, filters.appliedFrom);
  if (filters.appliedTo !== '') params.set(KEYS.appliedTo, filters.appliedTo);
  if (filters.includeDeleted) params.set(KEYS.includeDeleted, '1');
  if (view.sort !== null) params.set(KEYS.sort, view.sort);
  if (view.order !== null) params.set(KEYS.order, view.order);
  if (view.selectedId !== null) params.set(KEYS.selectedId, view.selectedId);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * How a change of view enters the history: typing a search and moving the selection replace
 * the current entry (Back should not step through every keystroke); filters and sorts push.
 */
export function historyActionFor(
  previous: ViewState,
  next: ViewState,
  appViews: { previous: AppView; next: AppView } = { previous: 'applications', next: 'applications' },
): 'push' | 'replace' | 'none' {
  if (appViews.previous !== appViews.next) return 'push';
  const before = viewToSearch(previous);
  const after = viewToSearch(next);
  if (before === after) return 'none';
  const withoutTyping = (view: ViewState) => viewToSearch({ ...view, filters: { ...view.filters, q: '' }, selectedId: null });
  return withoutTyping(previous) === withoutTyping(next) ? 'replace' : 'push';
}
