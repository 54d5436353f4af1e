import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from './channels.js';
import { menuTemplate } from './menu.js';
import { app } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/** Every item of a template, depth first. */
function items(template: any[]): any[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the application menu', () => {
  it('sends its commands to the page, with their shortcuts', () => {
    const sent: MenuCommand[] = [];
    const all = items(menuTemplate({ isMac: false, isDev: false, send: (command) => sent.push(command) }));
    const shortcuts = Object.fromEntries(all.filter((item) => item.accelerator).map((item) => [item.label, item.accelerator]));
    expect(shortcuts).toEqual({ 'Sync Now': 'CmdOrCtrl+Shift+S', 'Export CSV…': 'CmdOrCtrl+E', 'Search Applications': 'CmdOrCtrl+F' });
    for (const item of all) if (item.accelerator) item.click();
    expect(sent).toEqual(['sync-now', 'export-csv', 'focus-search']);
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (isDev: boolean) => items(menuTemplate({ isMac: false, isDev, send: () => {} })).map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(roles(false)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']));
  });

  it('has the app menu and Close on macOS, and About under Help elsewhere', () => {
    const mac = menuTemplate({ isMac: true, isDev: false, send: () => {} });
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(items(mac).map((item) => item.role)).toContain('close');
    const other = items(menuTemplate({ isMac: false, isDev: false, send: () => {} }));
    const about = other.find((item) => item.label === 'About Candidate Viewer');
    about.click();
    expect(app.aboutPanelShown).toBe(1);
  });
});
