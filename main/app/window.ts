/** The one application window. */
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../paths.js';
import type { AppLocations } from './locations.js';
import { secureWebPreferences } from './security.js';

/** The renderer's page background per theme, so the window never flashes white in dark mode. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1e1e1e' } as const;

export function createMainWindow(locations: Pick<AppLocations, 'indexHtml' | 'preload' | 'icon'>): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    ...(locations.icon === undefined ? {} : { icon: locations.icon }),
    webPreferences: secureWebPreferences(locations.preload),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`the window's page stopped (${details.reason}, exit code ${details.exitCode})`);
  });
  window.loadFile(locations.indexHtml).catch((error: unknown) => {
    console.error(`cannot load ${locations.indexHtml}: ${(error as Error).message}`);
  });
  return window;
}
