import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES, type ApiEvent } from '../../shared/api/contract.js';
import { createApiService, type ApiService } from '../api/service.js';
import { MemorySecretStore } from '../api/secrets.js';
import { runImport } from '../sync/run.js';
import { applicationWithAttachments } from '../testing/attachment-events.js';
import { tempDb, tempDir } from '../testing/temp.js';
import { registerApiIpc } from './ipc.js';
import { BrowserWindow, FakeFrame, ipcMain, resetFakeElectron, type FakeBrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const INDEX_HTML = '/opt/candidate-viewer/dist/renderer/index.html';
const INDEX_URL = `file://${INDEX_HTML}`;

function fakeApi() {
  const listeners = new Set<(event: ApiEvent) => void>();
  const api = {
    dispatch: vi.fn(async (method: string, request: unknown) => ({ ok: true as const, value: { method, request } })),
    onEvent: vi.fn((listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    close: vi.fn(async () => {}),
  };
  const emit = (event: ApiEvent) => listeners.forEach((listener) => listener(event));
  return { api, emit, listeners };
}

describe('the API over IPC', () => {
  let window: FakeBrowserWindow;
  let api: ReturnType<typeof fakeApi>;
  let unregister: () => void;
  let warnings: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    resetFakeElectron();
    warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    window = new BrowserWindow({});
    await window.loadFile(INDEX_HTML);
    api = fakeApi();
    unregister = registerApiIpc({ api: api.api as unknown as ApiService, window: () => window as any, indexUrl: INDEX_URL });
  });

  it('registers every contract method as api:<method>, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHOD_NAMES.map((method) => `api:${method}`).sort());
    expect(ipcMain.handlers.size).toBeGreaterThanOrEqual(12);
  });

  it("dispatches a call from the app's page to its own method", async () => {
    const answer = await ipcMain.invoke('api:getApplication', { sender: window.webContents }, { id: 'app-1' }, 'ignored');
    expect(api.api.dispatch).toHaveBeenCalledExactlyOnceWith('getApplication', { id: 'app-1' });
    expect(answer).toEqual({ ok: true, value: { method: 'getApplication', request: { id: 'app-1' } } });
  });

  it('accepts the page after an in-page route change', async () => {
    window.webContents.mainFrame.url = `${INDEX_URL}#/applications/app-1`;
    await ipcMain.invoke('api:overview', { sender: window.webContents }, {});
    expect(api.api.dispatch).toHaveBeenCalledOnce();
  });

  describe('refuses, with an error envelope and without calling the API,', () => {
    const refusals: [string, () => { sender: any; frame?: FakeFrame | null }][] = [
      ['another web contents', () => ({ sender: new BrowserWindow({}).webContents })],
      ['another page in the window', () => ({ sender: window.webContents, frame: new FakeFrame('https://evil.example/') })],
      ['another local file', () => ({ sender: window.webContents, frame: new FakeFrame('file:///tmp/evil.html') })],
      ['a frame inside the page', () => ({ sender: window.webContents, frame: new FakeFrame(INDEX_URL, window.webContents.mainFrame) })],
      ['a frame that is gone', () => ({ sender: window.webContents, frame: null })],
    ];
    it.each(refusals)('a call from %s', async (_name, from) => {
      const answer = await ipcMain.invoke('api:saveSettings', from(), { apiKey: 'secret-key' });
      expect(answer).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^saveSettings refused: /) } });
      expect(api.api.dispatch).not.toHaveBeenCalled();
      expect(JSON.stringify(warnings.mock.calls)).not.toContain('secret-key');
    });

    it('a call after the window closed', async () => {
      const sender = window.webContents;
      window.close();
      const answer = (await ipcMain.invoke('api:overview', { sender }, {})) as { ok: boolean };
      expect(answer.ok).toBe(false);
      expect(api.api.dispatch).not.toHaveBeenCalled();
    });
  });

  it('turns an API that throws into an error envelope', async () => {
    api.api.dispatch.mockRejectedValueOnce(new Error('disk I/O error'));
    const answer = await ipcMain.invoke('api:overview', { sender: window.webContents }, {});
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: 'overview: disk I/O error' } });
  });

  it('pushes API events to the window, and skips a destroyed one', () => {
    api.emit({ type: 'data.changed' });
    expect(window.webContents.sent).toEqual([{ channel: 'api:event', args: [{ type: 'data.changed' }] }]);
    window.close();
    expect(() => api.emit({ type: 'data.changed' })).not.toThrow();
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('unregisters every handler and the event listener', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect(api.listeners.size).toBe(0);
  });
});

describe('attachment bytes over IPC', () => {
  it('arrive as bytes (structured clone, as Electron sends them), never as base64 text', async () => {
    resetFakeElectron();
    const dir = tempDir();
    const db = tempDb(dir);
    const resume = Buffer.from('%PDF-1.4\n% Ada Lovelace\n%%EOF\n');
    const event = applicationWithAttachments('app_1', [{ name: 'cv.pdf', bytes: resume }]);
    await runImport(db, [{ source: 'test:1', value: event }], { source: 'test' });
    const api = createApiService({ db, secrets: new MemorySecretStore() });
    const window = new BrowserWindow({});
    await window.loadFile(INDEX_HTML);
    const unregister = registerApiIpc({ api, window: () => window as any, indexUrl: INDEX_URL });
    try {
      const answer = await ipcMain.invoke('api:getAttachmentContent', { sender: window.webContents }, { id: 'app_1', n: 1 });
      const received = structuredClone(answer) as { ok: boolean; value: { bytes: unknown; mediaType: string } };
      expect(received).toMatchObject({ ok: true, value: { mediaType: 'application/pdf' } });
      expect(received.value.bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(received.value.bytes as Uint8Array).equals(resume)).toBe(true);
      expect(JSON.stringify({ ...received.value, bytes: null })).not.toContain(resume.toString('base64'));
    } finally {
      unregister();
      await api.close();
      db.close();
      dir.remove();
    }
  });
});
