import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { KioskEvent, KioskHandlers } from '../../../shared/contract/kiosk-api';
import { fail } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { dispatchKioskCall } from '../../embedded/dispatch';
import { isTrustedSender } from '../lockdown/sender-policy';

/**
 * The kiosk contract over Electron IPC: one channel for every method, the same dispatch as the
 * loopback shell (parse as unknown with the contract's schema, then core), behind a sender
 * check (LOCKDOWN.md #13). Events go the other way on `kiosk:event`.
 */
export const INVOKE_CHANNEL = 'kiosk:invoke';
export const EVENT_CHANNEL = 'kiosk:event';

export function bindKioskIpc(handlers: KioskHandlers): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
    if (!isTrustedSender(sender)) return Promise.resolve(fail('UNAUTHORIZED'));
    return dispatchKioskCall(handlers, method, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function forwardKioskEvents(subscribe: (listener: (event: KioskEvent) => void) => () => void, window: BrowserWindow): () => void {
  return subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
