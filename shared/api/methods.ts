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
  'getAttachmentContent',
  'saveAttachment',
  'getAttachmentHtml',
  'report',
  'exportApplications',
  'reportExport',
  'cancelExport',
  'downloadExport',
  'showInFolder',
  'printReportToPdf',
  'planErasure',
  'eraseCandidate',
  'previewRetention',
] as const;
export type ApiMethod = (typeof API_METHOD_NAMES)[number];

/** Methods whose answer carries bytes: the web face sends those raw, not as JSON. */
export const BINARY_METHODS = ['getAttachmentContent', 'downloadExport'] as const satisfies readonly ApiMethod[];

export function isBinaryMethod(method: string): method is (typeof BINARY_METHODS)[number] {
  return (BINARY_METHODS as readonly string[]).includes(method);
}
