/**
 * What exporting and printing ask of the page itself, apart from the store so tests can
 * stand in for it: hand a file to the browser as a download, and print.
 */
import type { ExportFile } from '../../../shared/api/export';
import { downloadFile } from '../preview/download';

export interface PageActions {
  /** Gives the browser the file to save, under its name (the web face's download). */
  saveDownload(file: ExportFile): void;
  /**
   * Marks what a print covers (one report, or all when null) on the document, so the print
   * stylesheet hides the rest; `undefined` takes the mark away.
   */
  setPrintScope(scope: string | null | undefined): void;
  /** The browser's own print (and Save as PDF) dialog. */
  print(): void;
}

export const PRINT_SCOPE_ATTRIBUTE = 'data-print-scope';

export function browserPage(win: Window): PageActions {
  return {
    saveDownload(file) {
      downloadFile(file, win.document);
    },
    setPrintScope(scope) {
      const root = win.document.documentElement;
      if (scope === undefined) root.removeAttribute(PRINT_SCOPE_ATTRIBUTE);
      else root.setAttribute(PRINT_SCOPE_ATTRIBUTE, scope ?? 'all');
    },
    print() {
      win.print();
    },
  };
}

/** The window's page; without one (store tests that bring none) every action says so. */
export function defaultPage(): PageActions {
  if (typeof window !== 'undefined') return browserPage(window);
  const missing = () => {
    throw new Error('there is no page to hand the file to');
  };
  return { saveDownload: missing, setPrintScope: () => {}, print: missing };
}
