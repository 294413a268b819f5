import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session } from 'electron';
import { recoverFromCrashes } from '../../../../electron/main/lockdown/crash-recovery';
import { APP_ENTRY_URL } from '../../../../electron/main/lockdown/navigation-policy';
import { wipePartition } from '../../../../electron/main/lockdown/session-wipe';
import { app, FakeBrowserWindow, FakeSession } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #10, #14, #20: the partition is emptied, and only once it is empty does a crashed
 * or hung window come back, at the welcome screen.
 */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve = (): void => undefined;
  let reject = (_error: Error): void => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise callback run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const WIPE_STEPS = ['clearData', 'clearCache', 'clearAuthCache', 'closeAllConnections'] as const;

describe('wipePartition (LOCKDOWN.md #14)', () => {
  it('clears storage and cookies, cache, HTTP auth and open connections', async () => {
    const session = new FakeSession();
    await wipePartition(session as unknown as Session);
    for (const step of WIPE_STEPS) expect(session[step], step).toHaveBeenCalledOnce();
    // No options: everything, not only some storage types.
    expect(session.clearData).toHaveBeenCalledWith();
  });

  it.each(WIPE_STEPS)('is not done while %s is still running', async (slow) => {
    const session = new FakeSession();
    const pending = deferred();
    session[slow].mockReturnValueOnce(pending.promise);
    let done = false;
    const wiping = wipePartition(session as unknown as Session).then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);
    pending.resolve();
    await wiping;
    expect(done).toBe(true);
  });

  it.each(WIPE_STEPS)('fails, rather than reporting a clean slate, when %s fails', async (broken) => {
    const session = new FakeSession();
    session[broken].mockRejectedValueOnce(new Error('disk busy'));
    await expect(wipePartition(session as unknown as Session)).rejects.toThrow('disk busy');
  });
});

describe('recoverFromCrashes (LOCKDOWN.md #10)', () => {
  let window: FakeBrowserWindow;
  let wipe: ReturnType<typeof vi.fn<() => Promise<void>>>;

  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window = new FakeBrowserWindow({});
    wipe = vi.fn<() => Promise<void>>(() => Promise.resolve());
    recoverFromCrashes(window as unknown as BrowserWindow, wipe);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    app.exit.mockClear();
  });

  it.each(['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed'])(
    'after a renderer gone (%s), wipes the session then reloads the welcome screen',
    async (reason) => {
      const wiping = deferred();
      wipe.mockReturnValueOnce(wiping.promise);
      window.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
      await settle();
      expect(wipe).toHaveBeenCalledOnce();
      // The welcome screen must not appear over a session that is still being wiped.
      expect(window.loadURL).not.toHaveBeenCalled();
      wiping.resolve();
      await settle();
      expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY_URL);
    },
  );

  it('kills a hung renderer, and recovers once Electron reports it gone', async () => {
    window.emit('unresponsive');
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    // Electron documents that the kill emits render-process-gone (reason killed or crashed);
    // the fake does not model that, so the test fires it.
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 });
    await settle();
    expect(wipe).toHaveBeenCalledOnce();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY_URL);
  });

  it('does not touch a window that was closed meanwhile', async () => {
    window.destroyed = true;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(wipe).toHaveBeenCalledOnce();
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('when the wipe fails, shows no welcome screen and exits for the supervisor to restart', async () => {
    wipe.mockRejectedValueOnce(new Error('clearData failed'));
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(window.loadURL).not.toHaveBeenCalled();
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('when the welcome screen cannot load, exits for the supervisor to restart', async () => {
    window.loadURL.mockRejectedValueOnce(new Error('ERR_FAILED (-2) loading app://sesame/index.html'));
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
  });
});
