/**
 * A stand-in for the `electron` module, used only because no Electron binary can run on this
 * machine. It records what the shell registers (listeners, handlers, window options, what the
 * preload exposes) so a test can fire an event and see what the shell's own code does with it.
 * It proves the wiring calls the right policies; it proves nothing about Electron's own
 * behaviour (that an event fires at all, with these arguments, or that `preventDefault` stops a
 * navigation): that is for tests/electron/, on a machine that can run the binary.
 *
 * Test files load it with `vi.mock('electron', () => import('../../../support/fake-electron'))`.
 */
import { vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

/** Listeners are registered by code typed against Electron's own signatures, so any shape. */
type Listener = (...args: never[]) => unknown;

function call(listener: Listener, args: unknown[]): unknown {
  return (listener as (...a: unknown[]) => unknown)(...args);
}

export class FakeEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    const wrapper = (...args: never[]): unknown => {
      this.removeListener(name, wrapper);
      return listener(...args);
    };
    return this.on(name, wrapper);
  }

  removeListener(name: string, listener: Listener): this {
    this.#listeners.set(name, (this.#listeners.get(name) ?? []).filter((l) => l !== listener));
    return this;
  }

  listenerCount(name: string): number {
    return this.#listeners.get(name)?.length ?? 0;
  }

  /** Calls every listener of `name` in order, as the shell registered it. */
  emit(name: string, ...args: unknown[]): boolean {
    const listeners = [...(this.#listeners.get(name) ?? [])];
    for (const listener of listeners) call(listener, args);
    return listeners.length > 0;
  }
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** An event object as Electron passes to listeners, with extra fields (`url`, ...). */
export function fakeEvent<T extends object>(fields: T): FakeEvent & T {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault(): void {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: Listener | null = null;
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  readonly forcefullyCrashRenderer = vi.fn<() => void>();

  setWindowOpenHandler(handler: Listener | null): void {
    this.windowOpenHandler = handler;
  }

  /** What the registered handler answers for `window.open(url)`; throws if none. */
  openWindow(url: string): unknown {
    if (this.windowOpenHandler === null) throw new Error('no window open handler');
    return call(this.windowOpenHandler, [{ url, frameName: '', features: '', disposition: 'new-window' }]);
  }
}

export interface FakeProtocolRequest {
  url: string;
  method: string;
}

export class FakeSession extends FakeEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  displayMediaRequestHandler: Listener | null = null;
  readonly protocolHandlers = new Map<string, (request: FakeProtocolRequest) => Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: FakeProtocolRequest) => Promise<Response>): void => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  readonly clearData = vi.fn<() => Promise<void>>(() => Promise.resolve());
  readonly clearCache = vi.fn<() => Promise<void>>(() => Promise.resolve());
  readonly clearAuthCache = vi.fn<() => Promise<void>>(() => Promise.resolve());
  readonly closeAllConnections = vi.fn<() => Promise<void>>(() => Promise.resolve());
  headersReceivedListener: Listener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: Listener): void => {
      this.headersReceivedListener = listener;
    },
  };
  /** `session.cookies`: an emitter (`changed`) with the removal the shell calls. */
  readonly cookies = Object.assign(new FakeEmitter(), {
    remove: vi.fn<(url: string, name: string) => Promise<void>>(() => Promise.resolve()),
  });

  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener | null): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Listener | null): void {
    this.displayMediaRequestHandler = handler;
  }

  /** Runs a registered handler by name with these arguments; throws if none was set. */
  run(handler: Listener | null, ...args: unknown[]): unknown {
    if (handler === null) throw new Error('handler not registered');
    return call(handler, args);
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  readonly show = vi.fn<() => void>();
  readonly focus = vi.fn<() => void>();

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  readonly quit = vi.fn<() => void>();
  readonly exit = vi.fn<(code?: number) => void>();
}

class FakeIpcMain extends FakeEmitter {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, handler: Listener): void {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What a renderer's `ipcRenderer.invoke(channel, ...args)` would reach, with this event. */
  invoke(channel: string, event: unknown, ...args: unknown[]): unknown {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler on ${channel}`);
    return call(handler, [event, ...args]);
  }
}

class FakeIpcRenderer extends FakeEmitter {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(() => Promise.resolve(undefined));
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  readonly sendSync = vi.fn<(channel: string, ...args: unknown[]) => unknown>();
  readonly postMessage = vi.fn<(channel: string, message: unknown) => void>();
}

const partitions = new Map<string, FakeSession>();

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() };
export const BrowserWindow = FakeBrowserWindow;
export const protocol = { registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>() };
export const Menu = { setApplicationMenu: vi.fn<(menu: unknown) => void>() };
export const shell = { openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()) };
export const session = {
  defaultSession: new FakeSession(),
  fromPartition(partition: string): FakeSession {
    const existing = partitions.get(partition) ?? new FakeSession();
    partitions.set(partition, existing);
    return existing;
  },
};
