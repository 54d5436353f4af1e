/** The desktop's part of saving files: the native save dialog over the main window, and the file manager. */
import { dialog, shell, type BrowserWindow } from 'electron';
import type { HostServices, SaveDialogOptions } from '../api/host.js';

export function desktopHost(window: () => BrowserWindow | null): HostServices {
  return {
    async chooseSavePath({ defaultName, filters }: SaveDialogOptions) {
      const options = { defaultPath: defaultName, filters: [...(filters ?? []), { name: 'All files', extensions: ['*'] }] };
      const target = window();
      const answer = target === null || target.isDestroyed() ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(target, options);
      return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : answer.filePath;
    },
    showInFolder(path: string) {
      shell.showItemInFolder(path);
    },
    async printToPdf() {
      const target = window();
      if (target === null || target.isDestroyed()) throw new Error('there is no window to print');
      // The page's @page rule sets the paper and margins; backgrounds keep the charts' fills.
      return target.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true });
    },
  };
}
