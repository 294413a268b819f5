import { describe, expect, it, vi } from 'vitest';
import '../../../../electron/preload/index';
import { contextBridge, ipcRenderer } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * The one bridge (CONVENTIONS.md, electron/preload; LOCKDOWN.md #1, #13): what the page can
 * reach through `window.kiosk`, seen from what the preload handed to contextBridge on load.
 */
interface PageView {
  invoke(method: unknown, input: unknown): Promise<unknown>;
  onEvent(listener: (...args: unknown[]) => void): () => void;
}

function exposed(): PageView {
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('kiosk');
  return api as PageView;
}

describe('what the preload exposes', () => {
  it('exposes exactly one thing, window.kiosk, with invoke and onEvent only', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const api = exposed();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('hands the page nothing of ipcRenderer', () => {
    const api = exposed();
    const leaks = [ipcRenderer, ipcRenderer.send, ipcRenderer.sendSync, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.postMessage];
    for (const value of Object.values(api)) expect(leaks).not.toContain(value);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
  });
});

describe('invoke', () => {
  it.each(['session.end', 'kiosk:event', 'evil:channel', 'ELECTRON_BROWSER_REQUIRE', '__proto__'])(
    'always uses the kiosk:invoke channel, even for the method %j',
    async (method) => {
      ipcRenderer.invoke.mockClear();
      const input = { reason: 'cancelled' };
      await exposed().invoke(method, input);
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('kiosk:invoke', method, input);
      expect(ipcRenderer.send).not.toHaveBeenCalled();
      expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
      expect(ipcRenderer.postMessage).not.toHaveBeenCalled();
    },
  );

  it("returns main's answer as it is", async () => {
    const answer = { ok: false, error: { code: 'UNAUTHORIZED' } };
    ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await expect(exposed().invoke('session.end', {})).resolves.toBe(answer);
  });
});

describe('onEvent', () => {
  const payload = { type: 'session.ended', reason: 'idle' };

  it('passes the page the payload only, never the IPC event (its sender is ipcRenderer)', () => {
    const listener = vi.fn<(...args: unknown[]) => void>();
    const unsubscribe = exposed().onEvent(listener);
    ipcRenderer.emit('kiosk:event', { sender: ipcRenderer, senderId: 0 }, payload);
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);
    unsubscribe();
  });

  it('listens on kiosk:event only', () => {
    const listener = vi.fn<(...args: unknown[]) => void>();
    const unsubscribe = exposed().onEvent(listener);
    ipcRenderer.emit('kiosk:invoke', {}, payload);
    ipcRenderer.emit('evil:channel', {}, payload);
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('returns an unsubscribe that removes exactly its own listener', () => {
    const first = vi.fn<(...args: unknown[]) => void>();
    const second = vi.fn<(...args: unknown[]) => void>();
    const stopFirst = exposed().onEvent(first);
    const stopSecond = exposed().onEvent(second);
    expect(ipcRenderer.listenerCount('kiosk:event')).toBe(2);
    stopFirst();
    stopFirst();
    ipcRenderer.emit('kiosk:event', {}, payload);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    stopSecond();
    expect(ipcRenderer.listenerCount('kiosk:event')).toBe(0);
  });
});
