import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES } from '../../shared/api/contract.js';
import type { DesktopApi } from './preload.js';
import { contextBridge, ipcRenderer } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

describe('the preload', () => {
  let api: DesktopApi;

  beforeAll(async () => {
    await import('./preload.js');
    api = contextBridge.exposed.get('api') as DesktopApi;
  });

  it("exposes only window.api: the contract's methods, onEvent, onMenu and the vault", () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([...API_METHOD_NAMES, 'onEvent', 'onMenu', 'vault'].sort());
    for (const [name, value] of Object.entries(api)) if (name !== 'vault') expect(typeof value).toBe('function');
    expect(Object.keys(api.vault).sort()).toEqual(['exportKey', 'lock', 'onChange', 'state', 'unlock']);
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync', 'postMessage']) expect(api).not.toHaveProperty(name);
  });

  it.each(API_METHOD_NAMES)('%s invokes its own channel with the request alone', async (method) => {
    ipcRenderer.invocations.length = 0;
    const call = api[method] as (request: unknown, ...rest: unknown[]) => Promise<unknown>;
    await call({ probe: method }, 'extra', () => 'a function from the page');
    expect(ipcRenderer.invocations).toEqual([{ channel: `api:${method}`, args: [{ probe: method }] }]);
  });

  it("gives an event listener only the payload, never Electron's event object", () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onEvent((...args: unknown[]) => received.push(args));
    ipcRenderer.receive('api:event', { type: 'data.changed' });
    expect(received).toEqual([[{ type: 'data.changed' }]]);
    unsubscribe();
    ipcRenderer.receive('api:event', { type: 'data.changed' });
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount('api:event')).toBe(0);
  });

  it('passes on menu commands it knows, alone, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onMenu((...args: unknown[]) => received.push(args));
    ipcRenderer.receive('menu:command', 'sync-now');
    ipcRenderer.receive('menu:command', 'rm -rf');
    expect(received).toEqual([['sync-now']]);
    unsubscribe();
    expect(ipcRenderer.listenerCount('menu:command')).toBe(0);
  });

  it('sends only the passphrase to unlock, as a string, and passes on vault states alone', async () => {
    ipcRenderer.invocations.length = 0;
    await (api.vault.unlock as (...args: unknown[]) => Promise<unknown>)('secret passphrase', { extra: true });
    await api.vault.lock();
    await api.vault.state();
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'vault:unlock', args: ['secret passphrase'] },
      { channel: 'vault:lock', args: [] },
      { channel: 'vault:state', args: [] },
    ]);
    const states: unknown[][] = [];
    const stop = api.vault.onChange((...args: unknown[]) => states.push(args));
    ipcRenderer.receive('vault:changed', { status: 'locked', firstTime: false, why: null });
    ipcRenderer.receive('vault:changed', 'not a state');
    expect(states).toEqual([[{ status: 'locked', firstTime: false, why: null }]]);
    stop();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onEvent('alert(1)' as any)).toThrow(TypeError);
  });
});
