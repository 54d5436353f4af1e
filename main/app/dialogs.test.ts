import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopHost } from './dialogs.js';
import { BrowserWindow, dialog, resetFakeElectron, shell } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => resetFakeElectron());

describe('the desktop save dialog', () => {
  it('asks over the main window with the default name and answers the chosen path', async () => {
    const window = new BrowserWindow({});
    const host = desktopHost(() => window as never);
    dialog.nextSavePath = '/home/ada/Downloads/cv.pdf';
    const path = await host.chooseSavePath({ defaultName: 'Ada - Résumé.pdf', filters: [{ name: 'application/pdf', extensions: ['pdf'] }] });
    expect(path).toBe('/home/ada/Downloads/cv.pdf');
    expect(dialog.saveDialogs).toHaveLength(1);
    expect(dialog.saveDialogs[0]!.parent).toBe(window);
    expect(dialog.saveDialogs[0]!.options).toMatchObject({ defaultPath: 'Ada - Résumé.pdf', filters: [{ extensions: ['pdf'] }, { extensions: ['*'] }] });
  });

  it('answers null when the user cancels, and shows a saved file in its folder', async () => {
    const host = desktopHost(() => null);
    dialog.nextSavePath = null;
    expect(await host.chooseSavePath({ defaultName: 'x.txt' })).toBeNull();
    host.showInFolder!('/tmp/x.txt');
    expect(shell.shownInFolder).toEqual(['/tmp/x.txt']);
  });
});
