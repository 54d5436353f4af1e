/** The application menu: the usual roles, plus commands the renderer carries out. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../paths.js';
import type { MenuCommand } from './channels.js';

export interface MenuOptions {
  isMac: boolean;
  /** Reload and developer tools only while developing. */
  isDev: boolean;
  send(command: MenuCommand): void;
  /** "Lock Now", where a passphrase can unlock the app again. */
  lock?: () => void;
}

export function menuTemplate({ isMac, isDev, send, lock }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(name),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: `About ${PRODUCT_NAME}`, click: () => app.showAboutPanel() };
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        // Not Cmd/Ctrl+R: that is reload while developing, and a page reload everywhere else.
        command('Sync Now', 'CmdOrCtrl+Shift+S', 'sync-now'),
        command('Export CSV…', 'CmdOrCtrl+E', 'export-csv'),
        separator,
        ...(lock === undefined ? [] : [{ label: 'Lock Now', accelerator: 'CmdOrCtrl+L', click: lock } satisfies MenuItemConstructorOptions, separator]),
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('Search Applications', 'CmdOrCtrl+F', 'focus-search'),
        separator,
        ...(isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: isMac ? [] : [about] },
  ];
}

export function installApplicationMenu(options: MenuOptions): void {
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
