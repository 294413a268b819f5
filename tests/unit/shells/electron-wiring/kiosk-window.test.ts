import { isAbsolute } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskWindow, KIOSK_PARTITION } from '../../../../electron/main/window/kiosk-window';
import { app, FakeBrowserWindow } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * CONVENTIONS.md §4, LOCKDOWN.md #1, #9, #14: the options the kiosk window is created with.
 * Electronegativity (`npm run scan`) reads the same object from the source; this reads what is
 * actually passed at run time, including the parts computed there (preload path, devTools).
 */
function created(): FakeBrowserWindow {
  createKioskWindow();
  const window = FakeBrowserWindow.created.at(-1);
  if (window === undefined) throw new Error('no BrowserWindow was created');
  return window;
}

beforeEach(() => {
  app.isPackaged = true;
});

describe('createKioskWindow', () => {
  it('isolates and sandboxes the page, with no Node and no webview', () => {
    expect(created().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
    });
  });

  it('enables no Blink feature', () => {
    expect(created().options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('keeps the session in memory: a partition without the persist: prefix', () => {
    const { partition } = created().options.webPreferences ?? {};
    expect(partition).toBe(KIOSK_PARTITION);
    expect(partition).not.toMatch(/^persist:/i);
    expect(created().options.webPreferences).not.toHaveProperty('session');
  });

  it('loads the sandboxed CommonJS preload by absolute path', () => {
    const { preload } = created().options.webPreferences ?? {};
    expect(typeof preload).toBe('string');
    expect(isAbsolute(preload ?? '')).toBe(true);
    expect(preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('has no devtools when packaged, and devtools in development only', () => {
    expect(created().options.webPreferences?.devTools).toBe(false);
    app.isPackaged = false;
    expect(created().options.webPreferences?.devTools).toBe(true);
  });

  it('is a full-screen kiosk window that shows itself only when ready', () => {
    const window = created();
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
