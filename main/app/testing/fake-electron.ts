/**
 * A stand-in for the parts of 'electron' the shell uses, for tests where the real binary
 * cannot run: `vi.mock('electron', () => import('./testing/fake-electron.js'))`.
 * It records what the shell asked for (window options, handlers, exposed objects, opened
 * links) and lets a test play the other side (navigate, open a window, call over IPC).
 * `resetFakeElectron()` before each test.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent<T extends object>(details: T = {} as T): FakeEvent & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    details,
  );
}

export class FakeFrame {
  constructor(
    public url: string,
    public readonly parent: FakeFrame | null = null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }

  /** Plays a page asking to go to `url`; true when the shell let it. */
  navigate(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit(kind, event, url);
    return !event.defaultPrevented;
  }
  /** Plays `window.open(url)` or a target=_blank link. */
  openWindow(url: string): { action: 'allow' | 'deny' } | undefined {
    return this.windowOpenHandler?.({ url });
  }
  /** Plays a `<webview>` being attached; true when the shell let it. */
  attachWebview(): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  visible = false;
  destroyed = false;
  minimized = false;
  focused = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((window) => !window.destroyed);
  }
  contentProtection = false;
  progress = -1;
  setContentProtection(enabled: boolean): void {
    this.contentProtection = enabled;
  }
  setProgressBar(progress: number): void {
    this.progress = progress;
  }
  loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  name = 'Electron';
  isPackaged = false;
  lockAvailable = true;
  sandboxEnabled = false;
  quitRequests = 0;
  /** Set once a quit went through (no `will-quit` listener prevented it). */
  quitted = false;
  exitCode: number | null = null;
  aboutPanelShown = 0;
  aboutPanelOptions: Record<string, unknown> | null = null;

  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return '0.1.0';
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
  quit(): void {
    this.quitRequests += 1;
    const event = fakeEvent();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.aboutPanelOptions = options;
  }
  showAboutPanel(): void {
    this.aboutPanelShown += 1;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Plays `ipcRenderer.invoke(channel, ...args)` from `sender` / `frame`. */
  async invoke(channel: string, from: { sender: FakeWebContents; frame?: FakeFrame | null }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    const senderFrame = from.frame === undefined ? from.sender.mainFrame : from.frame;
    return handler({ sender: from.sender, senderFrame, frameId: 1, processId: 1 }, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel } });
  }
  /** Plays main's `webContents.send(channel, payload)`, with the event object Electron adds. */
  receive(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, ...args);
  }
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  }
}

class FakeShell {
  readonly opened: string[] = [];
  readonly shownInFolder: string[] = [];
  showItemInFolder(path: string): void {
    this.shownInFolder.push(path);
  }
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

const CIPHER_PREFIX = Buffer.from('v11');

/** Encrypts reversibly, never leaving the plain text visible; the backend is switchable. */
class FakeSafeStorage {
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' = 'gnome_libsecret';
  available = true;
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  encryptString(text: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([CIPHER_PREFIX, Buffer.from(text, 'utf8').map((byte) => byte ^ 0xa5)]);
  }
  decryptString(ciphertext: Buffer): string {
    if (!ciphertext.subarray(0, CIPHER_PREFIX.length).equals(CIPHER_PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(ciphertext.subarray(CIPHER_PREFIX.length).map((byte) => byte ^ 0xa5)).toString('utf8');
  }
}

type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void,
) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean;

class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  /** Plays a response arriving; answers the headers the page would see. */
  respond(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string | string[]> | undefined {
    let answer: Record<string, string | string[]> | undefined;
    this.headersListener?.({ url, resourceType: 'mainFrame', responseHeaders }, (response) => {
      answer = response.cancel ? undefined : (response.responseHeaders ?? responseHeaders);
    });
    return answer;
  }
  /** Plays a page asking for a permission; answers whether it was granted. */
  requestPermission(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('the permission request was never answered');
    return granted;
  }
}

interface FakeMenu {
  template: Record<string, unknown>[];
}

class FakeMenuModule {
  applicationMenu: FakeMenu | null = null;
  buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return { template };
  }
  setApplicationMenu(menu: FakeMenu | null): void {
    this.applicationMenu = menu;
  }
}

class FakeDialog {
  readonly errors: { title: string; content: string }[] = [];
  /** What the save dialog answers next: a path, or null for Cancel. */
  nextSavePath: string | null = null;
  readonly saveDialogs: { parent: unknown; options: { defaultPath?: string; filters?: unknown[] } }[] = [];
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const [parent, options] = args.length === 1 ? [null, args[0]] : args;
    this.saveDialogs.push({ parent, options: options as { defaultPath?: string } });
    const path = this.nextSavePath;
    return Promise.resolve(path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path });
  }
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

/** The OS's screen lock, sleep and idle time, driven by tests. */
class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

export const app = new FakeApp();
export const powerMonitor = new FakePowerMonitor();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = new FakeContextBridge();
export const shell = new FakeShell();
export const safeStorage = new FakeSafeStorage();
export const session = { defaultSession: new FakeSession() };
export const Menu = new FakeMenuModule();
export const dialog = new FakeDialog();
export const nativeTheme = { shouldUseDarkColors: false };
export const BrowserWindow = FakeBrowserWindow;

/** Puts `target` back as `fresh` was made, keeping its identity (tests import it once). */
function restore<T extends object>(target: T, fresh: T): void {
  if (target instanceof EventEmitter) target.removeAllListeners();
  for (const key of Object.keys(target)) if (!(key in fresh)) delete (target as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(fresh)) if (!key.startsWith('_')) (target as Record<string, unknown>)[key] = value;
}

/** A fresh fake: no windows, handlers, listeners or recorded calls. */
export function resetFakeElectron(): void {
  restore(app, new FakeApp());
  restore(powerMonitor, new FakePowerMonitor());
  restore(ipcMain, new FakeIpcMain());
  restore(ipcRenderer, new FakeIpcRenderer());
  restore(contextBridge, new FakeContextBridge());
  restore(shell, new FakeShell());
  restore(safeStorage, new FakeSafeStorage());
  session.defaultSession = new FakeSession();
  restore(Menu, new FakeMenuModule());
  restore(dialog, new FakeDialog());
  nativeTheme.shouldUseDarkColors = false;
  FakeBrowserWindow.all = [];
}
