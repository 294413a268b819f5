import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { lockPermissions } from '../../../../electron/main/lockdown/permission-lockdown';
import { fakeEvent, FakeSession } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #6, #7: every permission a page may ask for is refused without a prompt, and a
 * download is cancelled before a file is written.
 */
const PERMISSIONS = [
  'media',
  'camera',
  'microphone',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'pointerLock',
  'openExternal',
  'midiSysex',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'window-management',
  'unknown',
];
const ORIGINS = ['app://sesame', 'https://evil.example'];

let session: FakeSession;

beforeEach(() => {
  session = new FakeSession();
  lockPermissions(session as unknown as Session);
});

describe('permission handlers (LOCKDOWN.md #6)', () => {
  it.each(PERMISSIONS)('answers a request for %s with false', (permission) => {
    for (const requestingUrl of ORIGINS) {
      const callback = vi.fn<(granted: boolean) => void>();
      session.run(session.permissionRequestHandler, {}, permission, callback, { requestingUrl, isMainFrame: true });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it.each(PERMISSIONS)('answers a check for %s with false', (permission) => {
    for (const requestingOrigin of ORIGINS) {
      expect(session.run(session.permissionCheckHandler, {}, permission, requestingOrigin, { isMainFrame: true })).toBe(false);
    }
  });

  it.each(['hid', 'serial', 'usb', 'bluetooth'])('refuses a %s device', (deviceType) => {
    const details = { deviceType, origin: 'app://sesame', device: { vendorId: 1, productId: 2 } };
    expect(session.run(session.devicePermissionHandler, details)).toBe(false);
  });

  it('grants no stream to a screen capture request', () => {
    const callback = vi.fn<(streams: unknown) => void>();
    session.run(session.displayMediaRequestHandler, { securityOrigin: 'app://sesame', videoRequested: true, audioRequested: true }, callback);
    expect(callback).toHaveBeenCalledOnce();
    const [streams] = callback.mock.calls[0] ?? [];
    expect(streams ?? {}).not.toHaveProperty('video');
    expect(streams ?? {}).not.toHaveProperty('audio');
  });
});

describe('downloads (LOCKDOWN.md #7)', () => {
  it.each(['https://evil.example/payload.exe', 'app://sesame/index.html', 'data:text/plain,hello'])('cancels a download of %s', (url) => {
    const event = fakeEvent({});
    const item = { getURL: () => url, cancel: vi.fn<() => void>(), setSavePath: vi.fn<(path: string) => void>() };
    session.emit('will-download', event, item, {});
    expect(event.defaultPrevented).toBe(true);
    expect(item.cancel).toHaveBeenCalledOnce();
    expect(item.setSavePath).not.toHaveBeenCalled();
  });
});
