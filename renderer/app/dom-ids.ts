/** Elements that keyboard shortcuts move focus to. */
export const SEARCH_INPUT_ID = 'search-applications';
export const GRID_ID = 'applications-grid';
export const DETAIL_ID = 'application-details';

export function focusById(id: string): void {
  document.getElementById(id)?.focus();
}
