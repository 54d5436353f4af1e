/**
 * The contract's method names without its schemas: what the preload and the renderer need
 * at run time. Kept apart from `contract.ts` so zod stays out of the page (and the preload);
 * the contract checks that its table has exactly these methods.
 */
export const API_METHOD_NAMES = [
  'overview',
  'listApplications',
  'facets',
  'getApplication',
  'startSync',
  'syncStatus',
  'syncRuns',
  'syncErrors',
  'getSettings',
  'saveSettings',
  'startReceiver',
  'stopReceiver',
] as const;
export type ApiMethod = (typeof API_METHOD_NAMES)[number];
